package id.kriyanusa.engagement.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import id.kriyanusa.platform.Secrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The secrets of links mailed to a guest about their inquiry ({@link Secrets}).
 * Identity's link tokens belong to accounts, which guests do not have.
 */
@Component
public class InquiryLinks {

    /** What a link is for. */
    public enum Purpose {

        /** Delivers a held inquiry; works once. */
        CONFIRM,
        /** Shows the inquiry's thread; works until it expires. */
        THREAD

    }

    /** A link's state, whether or not it still works. */
    public record Link(long inquiryId, boolean used, boolean expired) {
    }

    private final JdbcClient jdbc;

    InquiryLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new link secret for the inquiry, valid for {@code lifetime}. */
    public String issue(long inquiryId, Purpose purpose, Duration lifetime) {
        var token = Secrets.newToken();
        jdbc.sql("insert into inquiry_link_token (token_hash, inquiry_id, purpose, expires_at) values (?, ?, ?, ?)")
            .params(Secrets.sha256(token), inquiryId, purpose.name(), OffsetDateTime.now().plus(lifetime))
            .update();
        return token;
    }

    /**
     * Uses up a valid, unused secret: its inquiry, or empty when it is unknown, used or
     * expired (one update, so two clicks at once use it once).
     */
    public Optional<Long> use(String token, Purpose purpose) {
        return jdbc.sql("""
                update inquiry_link_token set used_at = now()
                where token_hash = ? and purpose = ? and used_at is null and expires_at > now()
                returning inquiry_id""").params(Secrets.sha256(token), purpose.name()).query(Long.class).optional();
    }

    /** What became of a secret: used, expired, or unknown (empty). */
    public Optional<Link> find(String token, Purpose purpose) {
        return jdbc.sql("""
                select inquiry_id, used_at is not null as used, expires_at <= now() as expired
                from inquiry_link_token where token_hash = ? and purpose = ?""")
            .params(Secrets.sha256(token), purpose.name())
            .query((rs, row) -> new Link(rs.getLong("inquiry_id"), rs.getBoolean("used"), rs.getBoolean("expired")))
            .optional();
    }

}
