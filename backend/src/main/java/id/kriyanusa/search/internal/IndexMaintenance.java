package id.kriyanusa.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import id.kriyanusa.search.SearchIndexName;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Background care of the search indices: at start-up (without delaying it, and without
 * failing it when Elasticsearch is down) each index is built when its alias is missing or
 * its definition changed, retried until it succeeds; and incomplete event publications
 * (listeners that failed, e.g. while Elasticsearch was down) are resubmitted with
 * exponential back-off, besides the resubmission at start-up that Spring Modulith does
 * itself: the first retry soon (a node restarting is back within seconds), then ever less
 * often, so a long outage does not make every pending change hammer the node and the
 * database once a minute.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    /**
     * A publication that never failed but is still incomplete this long after it started
     * was lost (not running).
     */
    static final Duration LOST_AFTER = Duration.ofMinutes(1);

    private final SearchIndices indices;

    private final IncompleteEventPublications incomplete;

    private final Completions completions;

    /** The first delay, doubled for each attempt after the first, capped. */
    private final ExponentialBackOff retryDelays;

    /**
     * Indices known to be built from the definition in the code; checked again only after
     * a failure.
     */
    private final Set<SearchIndexName> ready = ConcurrentHashMap.newKeySet();

    IndexMaintenance(SearchIndices indices, IncompleteEventPublications incomplete, Completions completions,
            @Value("${kriyanusa.search.retry.first-delay:PT10S}") Duration firstRetry,
            @Value("${kriyanusa.search.retry.longest-delay:PT15M}") Duration longestRetry) {
        this.indices = indices;
        this.incomplete = incomplete;
        this.completions = completions;
        this.retryDelays = new ExponentialBackOff(firstRetry.toMillis(), 2);
        this.retryDelays.setMaxInterval(longestRetry.toMillis());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("search-indices-startup").start(() -> {
            ensureIndices();
            // the search box completes from the first search on, not a minute later
            completions.count();
        });
    }

    @Scheduled(initialDelayString = "${kriyanusa.search.retry.check-interval:PT5S}",
            fixedDelayString = "${kriyanusa.search.retry.check-interval:PT5S}")
    // one instance resubmits, or every instance would index the same publications again
    @SchedulerLock(name = "search-publication-retry", lockAtLeastFor = "${kriyanusa.search.retry.check-interval:PT5S}",
            lockAtMostFor = "${kriyanusa.search.retry.check-interval:PT5S}")
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

    // on every instance: its readiness follows what it found; a rebuild needed runs on
    // one
    // instance at a time (SearchIndexer's advisory lock)
    @Scheduled(initialDelayString = "${kriyanusa.search.maintenance-interval:PT1M}",
            fixedDelayString = "${kriyanusa.search.maintenance-interval:PT1M}")
    void ensureIndices() {
        for (var indexer : indices.all()) {
            var name = indexer.index().name();
            if (ready.contains(name)) {
                continue;
            }
            try {
                indexer.ensureCurrent();
                // another instance may be building it: ready once it is there
                if (indexer.index().upToDate()) {
                    ready.add(name);
                }
            }
            catch (RuntimeException e) {
                log.warn("The {} index is not ready yet (retrying in the background): {}", name.alias(), e.toString());
            }
        }
    }

    /** The indices that do not exist yet, or are still being built at start-up. */
    Set<SearchIndexName> indicesNotReady() {
        var pending = EnumSet.noneOf(SearchIndexName.class);
        indices.all()
            .stream()
            .map(indexer -> indexer.index().name())
            .filter(name -> !ready.contains(name))
            .forEach(pending::add);
        return pending;
    }

}
