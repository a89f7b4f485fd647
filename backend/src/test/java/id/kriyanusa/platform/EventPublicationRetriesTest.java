package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * When a failed listener (indexing, a mail) is tried again: soon at first, then ever less
 * often, never less often than the cap.
 */
class EventPublicationRetriesTest {

    static final Instant PUBLISHED = Instant.parse("2026-11-28T08:00:00Z");

    final EventPublicationRetries retries = new EventPublicationRetries(null, Duration.ofSeconds(10),
            Duration.ofMinutes(15));

    @Test
    void eachFailedAttemptDoublesTheWaitUpToTheCap() {
        assertThat(retries.backOff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retries.backOff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retries.backOff(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(retries.backOff(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(retries.backOff(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(retries.backOff(1_000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aFailedPublicationIsRetriedOnceItsWaitSinceTheLastAttemptHasPassed() {
        var firstFailure = publication(EventPublication.Status.FAILED, 1, null);
        assertThat(retries.due(firstFailure, PUBLISHED.plusSeconds(9))).isFalse();
        assertThat(retries.due(firstFailure, PUBLISHED.plusSeconds(10))).isTrue();

        var retriedTwice = publication(EventPublication.Status.FAILED, 3, PUBLISHED.plusSeconds(30));
        assertThat(retries.due(retriedTwice, PUBLISHED.plusSeconds(30 + 39))).isFalse();
        assertThat(retries.due(retriedTwice, PUBLISHED.plusSeconds(30 + 40))).isTrue();
    }

    @Test
    void aPublicationThatNeverFailedIsLeftToItsListenerUnlessItWasLost() {
        var running = publication(EventPublication.Status.PROCESSING, 1, null);
        assertThat(retries.due(running, PUBLISHED.plusSeconds(30))).isFalse();
        assertThat(retries.due(running, PUBLISHED.plus(EventPublicationRetries.LOST_AFTER))).isTrue();
    }

    @Test
    void theSettingsNamedWhenOnlySearchWasRetriedStillCount() {
        new ApplicationContextRunner().withInitializer(context -> {
            context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
            // without the build's own retry settings
            context.getEnvironment()
                .getPropertySources()
                .remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        })
            .withBean(IncompleteEventPublications.class, NothingIncomplete::new)
            .withBean(EventPublicationRetries.class)
            .withPropertyValues("kriyanusa.search.retry.first-delay=2s", "kriyanusa.search.retry.longest-delay=1h",
                    "kriyanusa.events.retry.longest-delay=8s")
            .run(context -> {
                var configured = context.getBean(EventPublicationRetries.class);
                assertThat(configured.backOff(1)).isEqualTo(Duration.ofSeconds(2));
                assertThat(configured.backOff(10)).as("the new name wins").isEqualTo(Duration.ofSeconds(8));
            });
    }

    static final class NothingIncomplete implements IncompleteEventPublications {

        @Override
        public void resubmitIncompletePublications(Predicate<EventPublication> filter) {
        }

        @Override
        public void resubmitIncompletePublicationsOlderThan(Duration duration) {
        }

        @Override
        public void resubmitIncompletePublications(ResubmissionOptions options) {
        }

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
