package id.kriyanusa.platform.security;

import java.io.Serializable;
import java.time.Instant;

/**
 * Who signed in on the server-rendered pages: the principal kept in their session, beside
 * the roles granted at sign-in. {@link Caller} reads it as it reads the subject of an
 * access token. The moment of signing in tells whether a password reset since has ended
 * the session ({@link CurrentRoles}).
 */
public record SignedInAccount(long accountId, String displayName, Instant signedInAt) implements Serializable {

    /** An account signing in now. */
    public static SignedInAccount signingInNow(long accountId, String displayName) {
        return new SignedInAccount(accountId, displayName, Instant.now());
    }

}
