package id.kriyanusa.identity;

import java.time.OffsetDateTime;

/**
 * What a client keeps after signing in: a short-lived access token and a refresh token to
 * renew it.
 */
public record Session(String accessToken, OffsetDateTime accessTokenExpiresAt, String refreshToken,
        OffsetDateTime refreshTokenExpiresAt, Account account) {
}
