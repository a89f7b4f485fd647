package id.kriyanusa.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque, stable identifiers for the GraphQL API: the type name and the database key,
 * base64url-encoded, so clients never build ids themselves and database keys can change
 * representation without breaking them.
 */
public record GlobalId(String type, long key) {

    public String encode() {
        var raw = type + ":" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static GlobalId decode(String id) {
        try {
            var raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            var colon = raw.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Malformed id: " + id);
            }
            return new GlobalId(raw.substring(0, colon), Long.parseLong(raw.substring(colon + 1)));
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed id: " + id, e);
        }
    }
}
