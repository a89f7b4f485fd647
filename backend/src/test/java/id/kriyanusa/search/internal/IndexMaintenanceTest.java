package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

/**
 * When failed indexing is tried again: soon at first, then ever less often, never less
 * often than the cap.
 */
class IndexMaintenanceTest {

    static final Instant PUBLISHED = Instant.parse("2026-11-28T08:00:00Z");

    final IndexMaintenance maintenance = new IndexMaintenance(null, null, null, Duration.ofSeconds(10),
            Duration.ofMinutes(15));

    @Test
    void eachFailedAttemptDoublesTheWaitUpToTheCap() {
        assertThat(maintenance.backOff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(maintenance.backOff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(maintenance.backOff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(maintenance.backOff(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(maintenance.backOff(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(maintenance.backOff(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aFailedPublicationIsRetriedOnceItsWaitSinceTheLastAttemptHasPassed() {
        var firstFailure = publication(EventPublication.Status.FAILED, 1, null);
        assertThat(maintenance.due(firstFailure, PUBLISHED.plusSeconds(9))).isFalse();
        assertThat(maintenance.due(firstFailure, PUBLISHED.plusSeconds(10))).isTrue();

        var retriedTwice = publication(EventPublication.Status.FAILED, 3, PUBLISHED.plusSeconds(30));
        assertThat(maintenance.due(retriedTwice, PUBLISHED.plusSeconds(30 + 39))).isFalse();
        assertThat(maintenance.due(retriedTwice, PUBLISHED.plusSeconds(30 + 40))).isTrue();
    }

    @Test
    void aPublicationThatNeverFailedIsLeftToItsListenerUnlessItWasLost() {
        var running = publication(EventPublication.Status.PROCESSING, 1, null);
        assertThat(maintenance.due(running, PUBLISHED.plusSeconds(30))).isFalse();
        assertThat(maintenance.due(running, PUBLISHED.plus(IndexMaintenance.LOST_AFTER))).isTrue();
    }

    static EventPublication publication(EventPublication.Status status, int attempts, Instant lastResubmission) {
        return new EventPublication() {

            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return PUBLISHED;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return status;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return lastResubmission;
            }

            @Override
            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }

}
