package id.kriyanusa.platform;

import java.time.Duration;

/**
 * A budget per key (a client address, an account) that refills evenly over a period.
 * Limits against abuse are shared by every instance of the portal
 * ({@link SharedRateLimits}); a limit whose point is fairness between clients may be kept
 * per instance ({@link #perInstance}), where a fleet of N instances grants it N times.
 */
public interface KeyedRateLimit {

    /**
     * Takes {@code units} from the key's budget: null when they were available, else how
     * long to wait until they are.
     */
    Duration take(Object key, long units);

    /** A budget of {@code perMinute} units per key, kept in this instance's memory. */
    static KeyedRateLimit perInstance(long perMinute) {
        return new InstanceRateLimit(perMinute, Duration.ofMinutes(1));
    }

}
