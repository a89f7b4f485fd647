package id.kriyanusa.platform.security;

import java.io.Serializable;
import java.time.Instant;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who signed in on the server-rendered pages: the principal kept in their session, beside
 * the roles granted at sign-in. {@link Caller} reads it as it reads the subject of an
 * access token. The moment of signing in tells whether a password reset since has ended
 * the session ({@link CurrentRoles}). Its name is the account id: the one the session
 * store indexes sessions by.
 */
public record SignedInAccount(long accountId, String displayName,
        Instant signedInAt) implements Serializable, AuthenticatedPrincipal {

    @Override
    public String getName() {
        return String.valueOf(accountId);
    }

    /** An account signing in now. */
    public static SignedInAccount signingInNow(long accountId, String displayName) {
        return new SignedInAccount(accountId, displayName, Instant.now());
    }

}
