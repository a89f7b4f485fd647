package id.kriyanusa.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A budget per key (a client address, an account) that refills evenly over a period, kept
 * in this instance's memory (Bucket4j): for limits whose point is fairness between
 * clients, where a fleet of instances may each grant the budget once. Keys idle for a
 * period (at least five minutes) are forgotten, their budgets full again by then.
 */
public final class KeyedRateLimit {

    private final long capacity;

    private final Duration period;

    private final Cache<Object, Bucket> buckets;

    /** A budget of {@code capacity} units per key that refills over {@code period}. */
    public KeyedRateLimit(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
            .expireAfterAccess(period.compareTo(Duration.ofMinutes(5)) > 0 ? period : Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();
    }

    public KeyedRateLimit(long perMinute) {
        this(perMinute, Duration.ofMinutes(1));
    }

    /**
     * Takes {@code units} from the key's budget: null when they were available, else how
     * long to wait until they are.
     */
    public Duration take(Object key, long units) {
        var probe = buckets
            .get(key,
                    ignored -> Bucket.builder()
                        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build())
                        .build())
            .tryConsumeAndReturnRemaining(units);
        return probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

}
