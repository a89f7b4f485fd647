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
        return encode(type, String.valueOf(key));
    }

    public static GlobalId decode(String id) {
        var raw = raw(id);
        try {
            return new GlobalId(raw[0], Long.parseLong(raw[1]));
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException("Malformed id: " + id, e);
        }
    }

    /**
     * The numeric key of an id of this type; an IllegalArgumentException (BAD_REQUEST)
     * for a missing, malformed or other id.
     */
    public static long key(String id, String type) {
        var decoded = decode(id);
        if (!decoded.type().equals(type)) {
            throw new IllegalArgumentException("Not an id of a " + type + ": " + id);
        }
        return decoded.key();
    }

    /**
     * The id of an object keyed by text rather than by number, such as an image by its
     * storage key.
     */
    public static String encode(String type, String textKey) {
        var raw = type + ":" + textKey;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The type an id names, whatever its key. */
    public static String typeOf(String id) {
        return raw(id)[0];
    }

    /**
     * The text key of an id of this type; an IllegalArgumentException for any other id.
     */
    public static String textKey(String id, String type) {
        var raw = raw(id);
        if (!raw[0].equals(type)) {
            throw new IllegalArgumentException("Not an id of a " + type + ": " + id);
        }
        return raw[1];
    }

    private static String[] raw(String id) {
        if (id == null) {
            throw new IllegalArgumentException("An id is required");
        }
        try {
            var raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            var colon = raw.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("Malformed id: " + id);
            }
            return new String[] { raw.substring(0, colon), raw.substring(colon + 1) };
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Malformed id: " + id, e);
        }
    }
}
