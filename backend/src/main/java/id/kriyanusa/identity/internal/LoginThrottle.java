package id.kriyanusa.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import javax.sql.DataSource;

import id.kriyanusa.platform.graphql.ClientAddress;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking anybody out. Sign-in attempts are counted
 * per account and client address, and per client address, in token buckets (Bucket4j)
 * kept in PostgreSQL, so every instance of the portal counts together. A stranger's
 * guesses from elsewhere never stop the owner: there is no budget per account alone.
 * <p>
 * Each budget has tiers: every tier allows twice the attempts of the one before, refilled
 * over ten times as long, so someone who keeps failing waits longer and longer between
 * attempts (per account and address: 5 at once, then one per 12 s, per minute, per 5
 * minutes, per 25 minutes), and everything is forgiven within a day.
 */
@Component
public class LoginThrottle {

    private static final int TIERS = 4;

    static final BucketConfiguration PER_ACCOUNT_AND_ADDRESS = tiers(5, Duration.ofMinutes(1));

    /** Generous enough for several people behind one address (a cooperative's office). */
    static final BucketConfiguration PER_ADDRESS = tiers(20, Duration.ofMinutes(1));

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    @Autowired
    LoginThrottle(DataSource dataSource) {
        this(dataSource, TimeMeter.SYSTEM_MILLISECONDS);
    }

    LoginThrottle(DataSource dataSource, TimeMeter clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("login_throttle")
            .clientClock(clock)
            // a row is not needed any more once its bucket is full again
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .build();
    }

    /**
     * Counts an attempt to sign in to the account with this email from this address
     * before the password is checked (so parallel guesses cannot slip past the count), or
     * refuses it with the time to wait.
     */
    public Attempt attempt(String email, String clientAddress) {
        var network = ClientAddress.network(clientAddress);
        var accountAndAddress = buckets.getProxy(key("account", email.toLowerCase(Locale.ROOT), network),
                () -> PER_ACCOUNT_AND_ADDRESS);
        var address = buckets.getProxy(key("address", network), () -> PER_ADDRESS);
        var counted = accountAndAddress.tryConsumeAndReturnRemaining(1);
        if (!counted.isConsumed()) {
            return new Attempt(Duration.ofNanos(counted.getNanosToWaitForRefill()), accountAndAddress, address);
        }
        var countedForAddress = address.tryConsumeAndReturnRemaining(1);
        if (!countedForAddress.isConsumed()) {
            accountAndAddress.addTokens(1);
            return new Attempt(Duration.ofNanos(countedForAddress.getNanosToWaitForRefill()), accountAndAddress,
                    address);
        }
        return new Attempt(null, accountAndAddress, address);
    }

    /**
     * Drops the buckets that have filled up again, which count nothing any more; on one
     * instance of the fleet per interval.
     */
    @Scheduled(fixedDelayString = "${kriyanusa.identity.login-throttle-cleanup-interval:PT1H}",
            initialDelayString = "${kriyanusa.identity.login-throttle-cleanup-interval:PT1H}")
    @SchedulerLock(name = "login-throttle-cleanup",
            lockAtLeastFor = "${kriyanusa.identity.login-throttle-cleanup-interval:PT1H}",
            lockAtMostFor = "${kriyanusa.identity.login-throttle-cleanup-interval:PT1H}")
    public void removeForgiven() {
        while (buckets.removeExpired(1000) > 0) {
            // next batch
        }
    }

    /**
     * An attempt the throttle let through, or refused with the time to wait; a successful
     * sign-in forgives the failures that came before it.
     */
    public static final class Attempt {

        private final Duration retryAfter;

        private final Bucket accountAndAddress;

        private final Bucket address;

        private Attempt(Duration retryAfter, Bucket accountAndAddress, Bucket address) {
            this.retryAfter = retryAfter;
            this.accountAndAddress = accountAndAddress;
            this.address = address;
        }

        public boolean allowed() {
            return retryAfter == null;
        }

        /** How long to wait before the next attempt, when this one was refused. */
        public Duration retryAfter() {
            return retryAfter;
        }

        /**
         * The right password: earlier failures from this address no longer count against
         * the account, and this attempt does not count against the address.
         */
        public void succeeded() {
            accountAndAddress.reset();
            address.addTokens(1);
        }

    }

    private static BucketConfiguration tiers(int firstCapacity, Duration firstPeriod) {
        var configuration = BucketConfiguration.builder();
        for (int tier = 0; tier < TIERS; tier++) {
            long capacity = (long) firstCapacity << tier;
            var period = firstPeriod.multipliedBy((long) Math.pow(10, tier));
            configuration.addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period));
        }
        return configuration.build();
    }

    /** Hashed, so the table keeps no email address (nor password typed in its place). */
    private static String key(String kind, String... parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return kind + ":" + HexFormat.of().formatHex(digest);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every JDK has SHA-256", ex);
        }
    }

}
