package id.kriyanusa.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The sign-in throttle on the real database: instances count together, and someone who
 * keeps guessing waits longer and longer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LoginThrottleTest {

    @Autowired
    DataSource dataSource;

    static String email() {
        return "tamu-" + UUID.randomUUID() + "@contoh.id";
    }

    /** An address of the documentation range, a different one per test. */
    static String address() {
        var random = ThreadLocalRandom.current();
        return "203.0." + random.nextInt(256) + "." + random.nextInt(256);
    }

    @Test
    void twoInstancesOnOneDatabaseCountFailuresTogether() {
        var one = new LoginThrottle(dataSource);
        var other = new LoginThrottle(dataSource);
        var email = email();
        var address = address();
        for (int guess = 0; guess < 5; guess++) {
            assertThat(one.attempt(email, address).allowed()).as("guess %d", guess).isTrue();
        }
        assertThat(other.attempt(email, address).allowed()).isFalse();
        assertThat(other.attempt(email, address()).allowed()).as("the owner from elsewhere").isTrue();

        var busy = address();
        for (int guess = 0; guess < 20; guess++) {
            assertThat(one.attempt(email(), busy).allowed()).as("guess %d", guess).isTrue();
        }
        assertThat(other.attempt(email(), busy).allowed()).as("any account from an address that guessed a lot")
            .isFalse();
    }

    @Test
    void theRightPasswordForgivesEarlierFailuresFromThatAddress() {
        var throttle = new LoginThrottle(dataSource);
        var email = email();
        var address = address();
        for (int guess = 0; guess < 4; guess++) {
            throttle.attempt(email, address);
        }
        throttle.attempt(email, address).succeeded();
        for (int guess = 0; guess < 5; guess++) {
            assertThat(throttle.attempt(email, address).allowed()).as("guess %d", guess).isTrue();
        }
    }

    @Test
    void someoneWhoKeepsGuessingWaitsLongerAndLonger() {
        var clock = new ManualClock();
        var throttle = new LoginThrottle(dataSource, clock);
        var email = email();
        var address = address();
        var waits = new ArrayList<Duration>();
        int guesses = 0;
        while (guesses < 40) {
            var attempt = throttle.attempt(email, address);
            if (attempt.allowed()) {
                guesses++;
            }
            else {
                waits.add(attempt.retryAfter());
                clock.advance(attempt.retryAfter());
            }
        }
        // 5 at once, then one guess per 12 s, per minute, per 5 minutes...
        assertThat(waits).isSorted()
            .startsWith(Duration.ofSeconds(12))
            .contains(Duration.ofMinutes(1))
            .endsWith(Duration.ofMinutes(5));
    }

    /** Time that passes when the test says so. */
    static final class ManualClock implements TimeMeter {

        private long nanos = System.currentTimeMillis() * 1_000_000;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

    }

}
