package id.kriyanusa.platform;

import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Resubmits the incomplete event publications of every module (listeners that failed:
 * indexing while Elasticsearch was down, a mail while the mail server was) with
 * exponential back-off, besides the resubmission at start-up that Spring Modulith does
 * itself: the first retry soon (a server restarting is back within seconds), then ever
 * less often, so a long outage does not make every pending publication hammer the server
 * and the database once a minute. The settings are {@code kriyanusa.events.retry.*}; the
 * names from when only search used it, {@code kriyanusa.search.retry.*}, still count.
 */
@Component
class EventPublicationRetries {

    private static final Logger log = LoggerFactory.getLogger(EventPublicationRetries.class);

    /**
     * A publication that never failed but is still incomplete this long after it started
     * was lost (not running).
     */
    static final Duration LOST_AFTER = Duration.ofMinutes(1);

    private static final String CHECK_INTERVAL = "${kriyanusa.events.retry.check-interval:"
            + "${kriyanusa.search.retry.check-interval:PT5S}}";

    private static final String FIRST_DELAY = "${kriyanusa.events.retry.first-delay:"
            + "${kriyanusa.search.retry.first-delay:PT10S}}";

    private static final String LONGEST_DELAY = "${kriyanusa.events.retry.longest-delay:"
            + "${kriyanusa.search.retry.longest-delay:PT15M}}";

    /** The first delay, doubled for each attempt after the first, capped. */
    private final ExponentialBackOff retryDelays;

    private final IncompleteEventPublications incomplete;

    EventPublicationRetries(IncompleteEventPublications incomplete, @Value(FIRST_DELAY) Duration firstRetry,
            @Value(LONGEST_DELAY) Duration longestRetry) {
        this.incomplete = incomplete;
        this.retryDelays = new ExponentialBackOff(firstRetry.toMillis(), 2);
        this.retryDelays.setMaxInterval(longestRetry.toMillis());
    }

    /**
     * On one instance of the fleet at a time, or every instance would run the same
     * publications' listeners again.
     */
    @Scheduled(initialDelayString = CHECK_INTERVAL, fixedDelayString = CHECK_INTERVAL)
    @SchedulerLock(name = "event-publication-retry", lockAtLeastFor = CHECK_INTERVAL, lockAtMostFor = CHECK_INTERVAL)
    public void retryFailedPublications() {
        var now = Instant.now();
        try {
            incomplete.resubmitIncompletePublications(
                    ResubmissionOptions.defaults().withFilter(publication -> due(publication, now)));
        }
        catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
        }
    }

    /**
     * Whether to resubmit now: a failed publication once its back-off since the last
     * attempt has passed; one that never failed only when it must have been lost (its
     * listener is not running any more).
     */
    boolean due(EventPublication publication, Instant now) {
        var last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        var wait = publication.getStatus() == EventPublication.Status.FAILED
                ? backOff(publication.getCompletionAttempts()) : LOST_AFTER;
        return !last.plus(wait).isAfter(now);
    }

    /**
     * The wait after the given number of attempts: the first delay, doubled for each
     * attempt after the first, capped.
     */
    Duration backOff(int attempts) {
        var delays = retryDelays.start();
        var wait = delays.nextBackOff();
        for (int attempt = 1; attempt < attempts && wait < retryDelays.getMaxInterval(); attempt++) {
            wait = delays.nextBackOff();
        }
        return Duration.ofMillis(wait);
    }

}
