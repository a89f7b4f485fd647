package id.kriyanusa.platform;

import java.time.Duration;
import java.util.HexFormat;
import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits against abuse (sign-ups per address, mailed links, upload grants) counted
 * together by every instance of the portal: Bucket4j token buckets in PostgreSQL (table
 * {@code rate_limit}), as the sign-in throttle keeps its own. Behind a load balancer a
 * limit kept per instance would grant its budget once per instance.
 */
@Component
public class SharedRateLimits {

    /** The width of rate_limit.id (V29). */
    private static final int KEY_COLUMN_LENGTH = 100;

    /** A SHA-256 in hex. */
    private static final int KEY_HASH_LENGTH = 64;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedRateLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("rate_limit")
            // a row is not needed any more once its bucket is full again
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
            .build();
    }

    /**
     * The limit {@code name}: {@code capacity} units per key, refilled evenly over
     * {@code period}.
     */
    public KeyedRateLimit limit(String name, long capacity, Duration period) {
        var configuration = BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
            .build();
        // a bucket keeps the configuration it was made with: naming the budget in the key
        // lets a changed setting apply at once
        var prefix = name + ":" + capacity + "/" + period.toSeconds() + "s:";
        if (prefix.length() + KEY_HASH_LENGTH > KEY_COLUMN_LENGTH) {
            // found at start-up, not as an internal error on the first request
            throw new IllegalArgumentException("The limit name " + name + " is too long for the rate_limit table");
        }
        return (key, units) -> {
            // hashed, so the table keeps no address or email
            var probe = buckets
                .getProxy(prefix + HexFormat.of().formatHex(Secrets.sha256(String.valueOf(key))), () -> configuration)
                .tryConsumeAndReturnRemaining(units);
            return probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
        };
    }

    /**
     * Drops the buckets that have filled up again, which count nothing any more; on one
     * instance of the fleet per interval.
     */
    @Scheduled(fixedDelayString = "${kriyanusa.rate-limits.cleanup-interval:PT1H}",
            initialDelayString = "${kriyanusa.rate-limits.cleanup-interval:PT1H}")
    @SchedulerLock(name = "rate-limit-cleanup", lockAtLeastFor = "${kriyanusa.rate-limits.cleanup-interval:PT1H}",
            lockAtMostFor = "${kriyanusa.rate-limits.cleanup-interval:PT1H}")
    public void removeFull() {
        while (buckets.removeExpired(1000) > 0) {
            // next batch
        }
    }

}
