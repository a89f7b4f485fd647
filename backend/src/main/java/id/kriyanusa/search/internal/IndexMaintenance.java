package id.kriyanusa.search.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Background care of the products index: at start-up (without delaying it, and without failing it when
 * Elasticsearch is down) the index is built when the alias is missing or its definition changed, retried until it
 * succeeds; and incomplete event publications (listeners that failed, e.g. while Elasticsearch was down) are
 * resubmitted periodically, besides the resubmission at start-up that Spring Modulith does itself.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);
    /** Publications younger than this may still be running: resubmitting them would only repeat work. */
    static final Duration RESUBMIT_AFTER = Duration.ofMinutes(1);

    private final ProductIndexer indexer;
    private final IncompleteEventPublications incomplete;
    private final AtomicBoolean indexReady = new AtomicBoolean();

    IndexMaintenance(ProductIndexer indexer, IncompleteEventPublications incomplete) {
        this.indexer = indexer;
        this.incomplete = incomplete;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("products-index-startup").start(this::ensureIndex);
    }

    @Scheduled(initialDelayString = "${kriyanusa.search.maintenance-interval:PT1M}",
            fixedDelayString = "${kriyanusa.search.maintenance-interval:PT1M}")
    void maintain() {
        if (!indexReady.get()) {
            ensureIndex();
        }
        try {
            incomplete.resubmitIncompletePublicationsOlderThan(RESUBMIT_AFTER);
        }
        catch (RuntimeException e) {
            log.warn("Resubmitting incomplete event publications failed: {}", e.toString());
        }
    }

    private void ensureIndex() {
        try {
            indexer.ensureCurrent();
            indexReady.set(true);
        }
        catch (RuntimeException e) {
            log.warn("The products index is not ready yet (retrying in the background): {}", e.toString());
        }
    }
}
