package id.kriyanusa.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after too many failed sign-ins within a window, further
 * attempts for that account, or from that address, are refused until the window has
 * passed. Kept in memory: an instance restart forgives, which is acceptable for a
 * throttle (accounts are not locked).
 */
@Component
public class LoginThrottle {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final int MAX_FAILURES_PER_ACCOUNT = 5;
    static final int MAX_FAILURES_PER_ADDRESS = 20;

    /**
     * Above this many tracked accounts and addresses, forgiven ones are dropped so memory
     * stays bounded.
     */
    private static final int MAX_TRACKED_KEYS = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    private final Clock clock;

    LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean allows(String email, String address) {
        return recent(accountKey(email)) < MAX_FAILURES_PER_ACCOUNT
                && recent(addressKey(address)) < MAX_FAILURES_PER_ADDRESS;
    }

    public void failed(String email, String address) {
        record(accountKey(email));
        record(addressKey(address));
    }

    public void succeeded(String email) {
        failures.remove(accountKey(email));
    }

    private int recent(String key) {
        var attempts = failures.get(key);
        if (attempts == null) {
            return 0;
        }
        synchronized (attempts) {
            prune(attempts);
            return attempts.size();
        }
    }

    private void record(String key) {
        if (failures.size() > MAX_TRACKED_KEYS) {
            failures.values().removeIf(attempts -> {
                synchronized (attempts) {
                    prune(attempts);
                    return attempts.isEmpty();
                }
            });
        }
        var attempts = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (attempts) {
            prune(attempts);
            attempts.addLast(clock.instant());
        }
    }

    private void prune(Deque<Instant> attempts) {
        var cutoff = clock.instant().minus(WINDOW);
        while (!attempts.isEmpty() && attempts.peekFirst().isBefore(cutoff)) {
            attempts.removeFirst();
        }
    }

    private static String accountKey(String email) {
        return "account:" + email.toLowerCase();
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

}
