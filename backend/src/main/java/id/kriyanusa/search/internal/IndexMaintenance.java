package id.kriyanusa.search.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import id.kriyanusa.search.SearchIndexName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Background care of the search indices: at start-up (without delaying it, and without failing it when
 * Elasticsearch is down) each index is built when its alias is missing or its definition changed, retried until it
 * succeeds; and incomplete event publications (listeners that failed, e.g. while Elasticsearch was down) are
 * resubmitted periodically, besides the resubmission at start-up that Spring Modulith does itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
    /** Publications younger than this may still be running: resubmitting them would only repeat work. */
    static final Duration RESUBMIT_AFTER = Duration.ofMinutes(1);

    private final SearchIndices indices;
    private final IncompleteEventPublications incomplete;
    /** Indices known to be built from the definition in the code; checked again only after a failure. */
    private final Set<SearchIndexName> ready = ConcurrentHashMap.newKeySet();

    IndexMaintenance(SearchIndices indices, IncompleteEventPublications incomplete) {
        this.indices = indices;
        this.incomplete = incomplete;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("search-indices-startup").start(this::ensureIndices);
    }

    @Scheduled(initialDelayString = "${kriyanusa.search.maintenance-interval:PT1M}",
            fixedDelayString = "${kriyanusa.search.maintenance-interval:PT1M}")
    void maintain() {
        ensureIndices();
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(RESUBMIT_AFTER);
        }
        catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
        }
    }

    private void ensureIndices() {
        for (var indexer : indices.all()) {
            var name = indexer.index().name();
            if (ready.contains(name)) {
                continue;
            }
            try {
                indexer.ensureCurrent();
                ready.add(name);
            }
            catch (RuntimeException e) {
                log.warn("The {} index is not ready yet (retrying in the background): {}", name.alias(), e.toString());
            }
        }
    }
}
