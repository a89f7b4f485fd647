package id.kriyanusa.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import id.kriyanusa.platform.graphql.ClientAddress;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Who searched, as far as popular searches need to know it: whether two searches of a
 * query on one day came from the same client. A searcher is an HMAC of the client's
 * network (its address; for IPv6 its /64) and the query, keyed by a salt drawn at random
 * for each day in NTB time and kept in {@code search_salt}, shared by the fleet so that a
 * client counts once whichever instance it reaches. The address itself is never stored.
 * <p>
 * The query is part of the hash, so one client's searches for different things share
 * nothing stored; and once a day's salt is deleted (every
 * {@code kriyanusa.search.searchers-cleanup-interval}, an hour, on one instance), no
 * stored hash can be linked to an address by trying every address. Searcher rows are kept
 * for {@link #KEPT}, the longest period popular searches look back.
 */
@Component
public class Searchers {

    static final ZoneId NTB = ZoneId.of("Asia/Makassar");

    /** Days of searchers kept: popular searches look back as far. */
    static final int KEPT = 30;

    /** 128 bits: enough that two searchers of one query never share a hash. */
    private static final int HASH_BYTES = 16;

    /** A searcher of one query on one day. */
    public record Searcher(LocalDate day, byte[] hash) {
    }

    private record Salt(LocalDate day, byte[] value) {
    }

    private final JdbcClient jdbc;

    private final Clock clock = Clock.system(NTB);

    private final SecureRandom random = new SecureRandom();

    private volatile Salt salt;

    Searchers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Who searched the (normalised) query today, from the client's address; reads or
     * draws today's salt once a day.
     */
    public Searcher of(String clientAddress, String query) {
        var today = saltOfToday();
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(today.value(), "HmacSHA256"));
            var hash = mac
                .doFinal((ClientAddress.network(clientAddress) + "\n" + query).getBytes(StandardCharsets.UTF_8));
            return new Searcher(today.day(), Arrays.copyOf(hash, HASH_BYTES));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private Salt saltOfToday() {
        var today = LocalDate.now(clock);
        var known = salt;
        if (known != null && known.day().equals(today)) {
            return known;
        }
        var drawn = new byte[32];
        random.nextBytes(drawn);
        // the first instance to need the day's salt draws it; the others read it
        jdbc.sql("insert into search_salt (day, salt) values (?, ?) on conflict (day) do nothing")
            .params(today, drawn)
            .update();
        var value = jdbc.sql("select salt from search_salt where day = ?").param(today).query(byte[].class).single();
        salt = new Salt(today, value);
        return salt;
    }

    /**
     * Deletes the salts of the days before today, so their searchers can no longer be
     * linked to addresses, and the searchers of the days popular searches no longer look
     * at. Once an interval for the fleet.
     */
    @Scheduled(fixedDelayString = "${kriyanusa.search.searchers-cleanup-interval:PT1H}",
            initialDelayString = "${kriyanusa.search.searchers-cleanup-interval:PT1H}")
    @SchedulerLock(name = "searchers-cleanup", lockAtLeastFor = "${kriyanusa.search.searchers-cleanup-interval:PT1H}",
            lockAtMostFor = "${kriyanusa.search.searchers-cleanup-interval:PT1H}")
    public void forgetPastDays() {
        var today = LocalDate.now(clock);
        jdbc.sql("delete from search_salt where day < ?").param(today).update();
        jdbc.sql("delete from search_query_searcher where day < ?").param(today.minusDays(KEPT)).update();
    }

}
