package id.kriyanusa.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Long-lived, revocable refresh tokens. Each use rotates the token (the old one is
 * revoked), so a stolen token works at most once.
 */
@Component
public class RefreshTokens {

    private final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;

    private final TokenSettings settings;

    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, TokenSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt) {
    }

    public Issued issue(long accountId) {
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var expiresAt = clock.instant().plus(settings.refreshTokenLifetime());
        jdbc.sql("insert into refresh_token (token_hash, account_id, expires_at) values (?, ?, ?)")
            .params(hash(token), accountId, Timestamp.from(expiresAt))
            .update();
        return new Issued(token, expiresAt);
    }

    /**
     * Revokes a valid token and returns its account; empty when unknown, expired or
     * already used.
     */
    public Optional<Long> consume(String token) {
        return jdbc.sql("""
                update refresh_token set revoked_at = now()
                where token_hash = ? and revoked_at is null and expires_at > ?
                returning account_id
                """).params(hash(token), Timestamp.from(clock.instant())).query(Long.class).optional();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
