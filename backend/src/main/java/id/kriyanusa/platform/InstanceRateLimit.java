package id.kriyanusa.platform;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * A {@link KeyedRateLimit} kept in this instance's memory (Bucket4j). Keys idle for a
 * period (at least five minutes) are forgotten, their budgets full again by then.
 */
final class InstanceRateLimit implements KeyedRateLimit {

    private final long capacity;

    private final Duration period;

    private final Cache<Object, Bucket> buckets;

    InstanceRateLimit(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder()
            .expireAfterAccess(period.compareTo(Duration.ofMinutes(5)) > 0 ? period : Duration.ofMinutes(5))
            .maximumSize(100_000)
            .build();
    }

    @Override
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
