package id.kriyanusa.search.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import id.kriyanusa.search.SearchIndexName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Background care of the search indices: at start-up (without delaying it, and without
 * failing it when Elasticsearch is down) each index is built when its alias is missing or
 * its definition changed, retried until it succeeds. Indexing that failed while
 * Elasticsearch was down is retried with the other modules' failed listeners, by the
 * platform's {@code EventPublicationRetries}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final SearchIndices indices;

    private final Completions completions;

    /**
     * Indices known to be built from the definition in the code; checked again only after
     * a failure.
     */
    private final Set<SearchIndexName> ready = ConcurrentHashMap.newKeySet();

    IndexMaintenance(SearchIndices indices, Completions completions) {
        this.indices = indices;
        this.completions = completions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Thread.ofVirtual().name("search-indices-startup").start(() -> {
            ensureIndices();
            // the search box completes from the first search on, not a minute later
            completions.count();
        });
    }

    /**
     * On every instance: its readiness follows what it found; a rebuild needed runs on
     * one instance at a time (SearchIndexer's advisory lock).
     */
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
