package id.kriyanusa.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ResponseCookie;
import org.springframework.web.util.WebUtils;

/**
 * Who last signed in on this browser, in a signed cookie that outlives the session: a
 * form kept after its session ended ({@link KeptForm}) belongs to that account, and is
 * offered again only to it. On a phone or a computer people share, the next person to
 * sign in is never shown, nor may send, what someone else typed.
 */
final class FormAuthors {

    private static final String COOKIE = "penulis";

    /** Longer than a session, so a form kept when one ends still has its author. */
    private static final Duration KEPT = Duration.ofDays(7);

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    /** Signs with this secret, which every instance of the portal shares. */
    FormAuthors(byte[] secret) {
        this.key = new SecretKeySpec(Arrays.copyOf(secret, secret.length), ALGORITHM);
    }

    /** Marks the browser as the account's, on signing in. */
    void remember(HttpServletRequest request, HttpServletResponse response, long accountId) {
        var value = accountId + "." + signature(accountId);
        response.addHeader("Set-Cookie",
                ResponseCookie.from(COOKIE, value)
                    .path("/")
                    .httpOnly(true)
                    .secure(request.isSecure())
                    .sameSite("Lax")
                    .maxAge(KEPT)
                    .build()
                    .toString());
    }

    /**
     * The account that last signed in on this browser, or null when unknown or forged.
     */
    Long author(HttpServletRequest request) {
        var cookie = WebUtils.getCookie(request, COOKIE);
        if (cookie == null) {
            return null;
        }
        var parts = cookie.getValue().split("\\.", 2);
        try {
            var accountId = Long.parseLong(parts[0]);
            var signed = parts.length == 2 && MessageDigest.isEqual(parts[1].getBytes(StandardCharsets.US_ASCII),
                    signature(accountId).getBytes(StandardCharsets.US_ASCII));
            return signed ? accountId : null;
        }
        catch (NumberFormatException notAnAccount) {
            return null;
        }
    }

    private String signature(long accountId) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            var signed = mac.doFinal(("kept-form-author:" + accountId).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signed);
        }
        catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("HmacSHA256 is not available", unavailable);
        }
    }

}
