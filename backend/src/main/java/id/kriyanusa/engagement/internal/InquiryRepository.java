package id.kriyanusa.engagement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import id.kriyanusa.engagement.Inquiry;
import id.kriyanusa.engagement.InquiryGuest;
import id.kriyanusa.engagement.InquiryReply;
import id.kriyanusa.engagement.InquiryStatus;
import id.kriyanusa.engagement.InquirySubject;
import id.kriyanusa.engagement.QuantityUnit;
import id.kriyanusa.engagement.ReplyChannel;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InquiryRepository {

    private static final String SELECT = """
            select id, brand_id, subject, product_id, sender_id, guest_name, guest_email, quantity, quantity_unit,
                   needed_by, message, reply_channel, contact, language, status, sent_at, answered_at, closed_at
            from inquiry
            """;

    /**
     * Open ones first (unanswered before answered), then done; newest first within each.
     */
    private static final String INBOX_ORDER = """
             order by case status when 'OPEN' then 0 when 'ANSWERED' then 1 else 2 end, sent_at desc, id desc
            """;

    /**
     * What is needed to send a new inquiry, as checked by the service: from an account,
     * or else from a guest, held until they confirm; in the language of the page it was
     * written on.
     */
    public record NewInquiry(long brandId, InquirySubject subject, Long productId, Long senderId, InquiryGuest guest,
            Integer quantity, QuantityUnit quantityUnit, LocalDate neededBy, String message, ReplyChannel replyChannel,
            String contact, Locale language) {
    }

    private final JdbcClient jdbc;

    InquiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewInquiry inquiry) {
        return jdbc.sql("""
                insert into inquiry (brand_id, subject, product_id, sender_id, guest_name, guest_email, quantity,
                                     quantity_unit, needed_by, message, reply_channel, contact, language, status)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id
                """)
            .params(inquiry.brandId(), inquiry.subject().name(), inquiry.productId(), inquiry.senderId(),
                    inquiry.guest() == null ? null : inquiry.guest().name(),
                    inquiry.guest() == null ? null : inquiry.guest().email(), inquiry.quantity(),
                    inquiry.quantityUnit() == null ? null : inquiry.quantityUnit().name(), inquiry.neededBy(),
                    inquiry.message(), inquiry.replyChannel().name(), inquiry.contact(),
                    inquiry.language().getLanguage(),
                    (inquiry.guest() == null ? InquiryStatus.OPEN : InquiryStatus.HELD).name())
            .query(Long.class)
            .single();
    }

    public Optional<Inquiry> findById(long id) {
        return withReplies(jdbc.sql(SELECT + " where id = ?").param(id).query(InquiryRepository::inquiry).list())
            .stream()
            .findFirst();
    }

    /** Delivered inquiries after the id in id order, without their replies. */
    public List<Inquiry> after(long afterId, int limit) {
        return jdbc.sql(SELECT + " where id > ? and status <> 'HELD' order by id limit ?")
            .params(afterId, limit)
            .query(InquiryRepository::inquiry)
            .list();
    }

    /** A brand's inbox, without held ones: open ones first, newest first. */
    public Connection<Inquiry> ofBrand(long brandId, OffsetPage page) {
        return page(" where brand_id = ? and status <> 'HELD'", brandId, INBOX_ORDER, page);
    }

    /** What a buyer sent, newest first. */
    public Connection<Inquiry> ofSender(long senderId, OffsetPage page) {
        return page(" where sender_id = ?", senderId, " order by sent_at desc, id desc", page);
    }

    private Connection<Inquiry> page(String where, long key, String order, OffsetPage page) {
        var total = jdbc.sql("select count(*) from inquiry" + where).param(key).query(Long.class).single();
        var rows = jdbc.sql(SELECT + where + order + " limit ? offset ?")
            .param(key)
            .param(page.limit())
            .param(page.offset())
            .query(InquiryRepository::inquiry)
            .list();
        return page.connection(withReplies(rows), total);
    }

    /** How many inquiries to these brands wait for their answer. */
    public int unanswered(Collection<Long> brandIds) {
        return jdbc.sql("select count(*) from inquiry where brand_id = any(?) and status = 'OPEN'")
            .param(brandIds.toArray(Long[]::new))
            .query(Integer.class)
            .single();
    }

    /** How many inquiries the account sent within the period up to now. */
    public long sentBy(long senderId, Duration within) {
        return countSince("sender_id", senderId, within);
    }

    /**
     * How many inquiries the brand received within the period up to now; held ones do not
     * count, so unconfirmed guests cannot use up a brand's day.
     */
    public long sentTo(long brandId, Duration within) {
        return countSince("brand_id", brandId, within);
    }

    private long countSince(String column, long key, Duration within) {
        return jdbc.sql("select count(*) from inquiry where " + column + " = ? and sent_at > ? and status <> 'HELD'")
            .param(key)
            .param(OffsetDateTime.now().minus(within))
            .query(Long.class)
            .single();
    }

    /**
     * Adds a reply and marks the inquiry answered (keeping when it was first answered).
     */
    public void addReply(long inquiryId, long authorId, String message) {
        jdbc.sql("insert into inquiry_reply (inquiry_id, author_id, message) values (?, ?, ?)")
            .params(inquiryId, authorId, message)
            .update();
        jdbc.sql("""
                update inquiry set status = 'ANSWERED', answered_at = coalesce(answered_at, now())
                where id = ?""").param(inquiryId).update();
    }

    /**
     * Adds the buyer's message to the thread and opens the inquiry again: it waits for
     * the brand, first in its inbox. No author for a guest, who has no account.
     */
    public void addBuyerMessage(long inquiryId, Long authorId, String message) {
        jdbc.sql("insert into inquiry_reply (inquiry_id, author_id, message, by_buyer) values (?, ?, ?, true)")
            .params(inquiryId, authorId, message)
            .update();
        jdbc.sql("update inquiry set status = 'OPEN' where id = ?").param(inquiryId).update();
    }

    /**
     * Delivers a held inquiry to the brand's inbox, as sent now; false when it is not
     * held (any more).
     */
    public boolean deliver(long inquiryId) {
        return jdbc.sql("update inquiry set status = 'OPEN', sent_at = now() where id = ? and status = 'HELD'")
            .param(inquiryId)
            .update() == 1;
    }

    /**
     * Makes the confirmed inquiries of the guest with this address the account's; those
     * still held wait for their confirmation. How many.
     */
    public int joinGuestInquiries(String guestEmail, long accountId) {
        return jdbc.sql("""
                update inquiry set sender_id = ?
                where guest_email = ? and sender_id is null and status <> 'HELD'""")
            .params(accountId, guestEmail)
            .update();
    }

    /** Deletes the held inquiries sent before the moment; how many. */
    public int deleteHeldBefore(OffsetDateTime before) {
        return jdbc.sql("delete from inquiry where status = 'HELD' and sent_at < ?").param(before).update();
    }

    public void close(long inquiryId) {
        jdbc.sql("update inquiry set status = 'DONE', closed_at = coalesce(closed_at, now()) where id = ?")
            .param(inquiryId)
            .update();
    }

    private List<Inquiry> withReplies(List<Inquiry> inquiries) {
        if (inquiries.isEmpty()) {
            return inquiries;
        }
        Map<Long, List<InquiryReply>> replies = jdbc.sql("""
                select id, inquiry_id, message, by_buyer, sent_at from inquiry_reply where inquiry_id = any(?)
                order by id""")
            .param(inquiries.stream().map(Inquiry::id).toArray(Long[]::new))
            .query((rs, row) -> new InquiryReply(rs.getLong("id"), rs.getLong("inquiry_id"), rs.getString("message"),
                    rs.getBoolean("by_buyer"), rs.getObject("sent_at", OffsetDateTime.class)))
            .list()
            .stream()
            .collect(Collectors.groupingBy(InquiryReply::inquiryId));
        return inquiries.stream().map(i -> i.withReplies(replies.getOrDefault(i.id(), List.of()))).toList();
    }

    private static Inquiry inquiry(ResultSet rs, int row) throws SQLException {
        var guestEmail = rs.getString("guest_email");
        return new Inquiry(rs.getLong("id"), rs.getLong("brand_id"), InquirySubject.valueOf(rs.getString("subject")),
                rs.getObject("product_id", Long.class), rs.getObject("sender_id", Long.class),
                guestEmail == null ? null : new InquiryGuest(rs.getString("guest_name"), guestEmail),
                rs.getObject("quantity", Integer.class), quantityUnit(rs.getString("quantity_unit")),
                rs.getObject("needed_by", LocalDate.class), rs.getString("message"),
                ReplyChannel.valueOf(rs.getString("reply_channel")), rs.getString("contact"),
                Locale.forLanguageTag(rs.getString("language")), InquiryStatus.valueOf(rs.getString("status")),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("answered_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class), List.of());
    }

    private static QuantityUnit quantityUnit(String stored) {
        return stored == null ? null : QuantityUnit.valueOf(stored);
    }

}
