package id.kriyanusa.platform.security;

import java.io.Serializable;

/**
 * Who signed in on the server-rendered pages: the principal kept in their session, beside
 * the roles granted at sign-in. {@link Caller} reads it as it reads the subject of an
 * access token.
 */
public record SignedInAccount(long accountId, String displayName) implements Serializable {
}
