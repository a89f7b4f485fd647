package id.kriyanusa.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import id.kriyanusa.platform.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secrets of links mailed to an account (email verification, password reset, signing
 * in past the throttle): 256 random bits, stored only as a hash, usable once and until
 * they expire. Using one also uses up the account's other links of the same purpose, so
 * an older mail cannot undo what a newer one did; a new password-reset link cancels the
 * older ones, so that only the latest mail sets a password.
 */
@Component
public class LinkTokens {

    /** What a link is for. */
    public enum Purpose {

        VERIFY_EMAIL(false), RESET_PASSWORD(true), SIGN_IN(false);

        /**
         * Whether a new link cancels the account's older ones: a forgotten mail in an
         * inbox should not reset a password after a newer one was asked for.
         */
        private final boolean newestOnly;

        Purpose(boolean newestOnly) {
            this.newestOnly = newestOnly;
        }

    }

    private final JdbcClient jdbc;

    private final Clock clock;

    LinkTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new link secret for the account, valid for {@code lifetime}; the older ones are
     * cancelled (used up) for a purpose where only the newest may work.
     */
    @Transactional
    public String issue(long accountId, Purpose purpose, Duration lifetime) {
        if (purpose.newestOnly) {
            useUp(accountId, purpose);
        }
        var token = Secrets.newToken();
        jdbc.sql("insert into account_link_token (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)")
            .params(Secrets.sha256(token), accountId, purpose.name(), Timestamp.from(clock.instant().plus(lifetime)))
            .update();
        return token;
    }

    /**
     * Whether a link secret would still work, unused and unexpired; nothing is used up by
     * asking.
     */
    public boolean works(String token, Purpose purpose) {
        return jdbc.sql("""
                select exists (select 1 from account_link_token
                               where token_hash = ? and purpose = ? and used_at is null and expires_at > ?)
                """)
            .params(Secrets.sha256(token), purpose.name(), Timestamp.from(clock.instant()))
            .query(Boolean.class)
            .single();
    }

    /**
     * The account of a valid, unused link secret, which is used up with the account's
     * other links of that purpose; empty when unknown, used or expired.
     */
    @Transactional
    public Optional<Long> use(String token, Purpose purpose) {
        return use(token, purpose, null);
    }

    /**
     * As {@link #use(String, Purpose)}, for a secret that must have been mailed to this
     * account (any account when null).
     */
    @Transactional
    public Optional<Long> use(String token, Purpose purpose, Long accountId) {
        var used = jdbc.sql("""
                update account_link_token set used_at = now()
                where token_hash = ? and purpose = ? and used_at is null and expires_at > ?
                  and (?::bigint is null or account_id = ?::bigint)
                returning account_id
                """)
            .params(Secrets.sha256(token), purpose.name(), Timestamp.from(clock.instant()), accountId, accountId)
            .query(Long.class)
            .optional();
        used.ifPresent(id -> useUp(id, purpose));
        return used;
    }

    private void useUp(long accountId, Purpose purpose) {
        jdbc.sql(
                "update account_link_token set used_at = now() where account_id = ? and purpose = ? and used_at is null")
            .params(accountId, purpose.name())
            .update();
    }

}
