package id.kriyanusa.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import id.kriyanusa.platform.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Long-lived, revocable refresh tokens, one family per sign-in session. Each use rotates
 * the token (the old one is revoked), so a stolen token works at most once; and when a
 * rotated token comes back, one of its two holders is a thief, so the whole session ends:
 * the newer refresh token and the session's access tokens are refused too.
 */
@Component
public class RefreshTokens {

    private final JdbcClient jdbc;

    private final TokenSettings settings;

    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, TokenSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public record Issued(String token, Instant expiresAt, UUID sessionId) {
    }

    /** The account and session of a refresh token that was just used up. */
    public record Consumed(long accountId, UUID sessionId) {
    }

    /** Starts a sign-in session with its first refresh token. */
    @Transactional
    public Issued startSession(long accountId) {
        var sessionId = UUID.randomUUID();
        jdbc.sql("insert into sign_in_session (id, account_id) values (?, ?)").params(sessionId, accountId).update();
        return issue(accountId, sessionId);
    }

    /** The next refresh token of a session. */
    public Issued issue(long accountId, UUID sessionId) {
        var token = Secrets.newToken();
        var expiresAt = clock.instant().plus(settings.refreshTokenLifetime());
        jdbc.sql("insert into refresh_token (token_hash, account_id, session_id, expires_at) values (?, ?, ?, ?)")
            .params(Secrets.sha256(token), accountId, sessionId, Timestamp.from(expiresAt))
            .update();
        return new Issued(token, expiresAt, sessionId);
    }

    /**
     * Revokes a valid token of a live session and returns its account and session; empty
     * when unknown, expired or already used. A token used again ends its session.
     */
    @Transactional
    public Optional<Consumed> consume(String token) {
        var consumed = jdbc.sql("""
                update refresh_token t set revoked_at = now()
                from sign_in_session s
                where t.token_hash = ? and t.revoked_at is null and t.expires_at > ?
                  and s.id = t.session_id and s.ended_at is null
                returning t.account_id, t.session_id
                """)
            .params(Secrets.sha256(token), Timestamp.from(clock.instant()))
            .query((rs, row) -> new Consumed(rs.getLong(1), rs.getObject(2, UUID.class)))
            .optional();
        if (consumed.isEmpty()) {
            endSessionOf(token);
        }
        return consumed;
    }

    /**
     * Ends the session a refresh token belongs to (sign-out); false when none was live.
     */
    public boolean endSessionOf(String token) {
        return jdbc.sql("""
                update sign_in_session set ended_at = now()
                where id = (select session_id from refresh_token where token_hash = ?) and ended_at is null
                """).params(Secrets.sha256(token)).update() > 0;
    }

    /**
     * Ends every live sign-in session of an account (after a password reset, or when it
     * loses a role): its refresh and access tokens are refused from now on, and its API
     * clients sign in again and get tokens with the roles it holds now.
     */
    public void endSessionsOf(long accountId) {
        jdbc.sql("update sign_in_session set ended_at = now() where account_id = ? and ended_at is null")
            .param(accountId)
            .update();
    }

    /** Whether access tokens of this session are still honoured. */
    public boolean sessionLive(UUID sessionId) {
        return jdbc.sql("select exists (select 1 from sign_in_session where id = ? and ended_at is null)")
            .param(sessionId)
            .query(Boolean.class)
            .single();
    }

}
