package id.kriyanusa.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import id.kriyanusa.search.SearchIndexName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search indices, one {@link SearchIndex} and {@link SearchIndexer} per
 * {@link IndexedDocuments} (products, brands, villages): the same machinery builds,
 * swaps, versions and reconciles each of them.
 * <p>
 * An admin's full reindex runs in the background, one index after another, and is
 * followed through {@link #latestReindex()} and each indexer's progress: rebuilding
 * 100,000 products takes longer than an HTTP request may wait. Only one runs at a time,
 * and none while an index is being rebuilt (at start-up, or by another instance).
 */
@Component
public class SearchIndices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndices.class);

    /** An admin's reindex of some indices: running while {@code finishedAt} is null. */
    public record Reindex(List<SearchIndexName> indices, String note, Instant startedAt, Instant finishedAt,
            String failure) {

        public boolean running() {
            return finishedAt == null;
        }

        Reindex ended(String failureMessage) {
            return new Reindex(indices, note, startedAt, Instant.now(), failureMessage);
        }
    }

    private final Map<SearchIndexName, SearchIndexer> indexers = new EnumMap<>(SearchIndexName.class);

    private final AtomicReference<Reindex> reindex = new AtomicReference<>();

    SearchIndices(ElasticsearchClient client, Rest5Client rest, RebuildsUnderWay rebuilds, JdbcClient jdbc,
            JsonMapper json, List<IndexedDocuments> documents, IndonesianRoots roots) {
        var analysis = SearchIndex.analysis(json, roots);
        for (var kind : documents) {
            indexers.put(kind.index(), new SearchIndexer(jdbc,
                    new SearchIndex(kind.index(), analysis, client, rest, rebuilds), kind, rebuilds));
        }
        if (indexers.size() != SearchIndexName.values().length) {
            throw new IllegalStateException("Every search index needs its documents; found " + indexers.keySet());
        }
    }

    @Override
    public void close() {
        indexers.values().forEach(SearchIndexer::close);
    }

    public SearchIndexer of(SearchIndexName name) {
        return indexers.get(name);
    }

    /** Every indexer, in the order of {@link SearchIndexName}. */
    public Collection<SearchIndexer> all() {
        return indexers.values();
    }

    /**
     * Starts rebuilding these indices from PostgreSQL, one after another, on a thread of
     * its own, and returns the reindex started; empty when a reindex (an admin's, or one
     * at start-up) is running already.
     */
    public Optional<Reindex> startReindex(List<SearchIndexName> names, String note) {
        var started = new Reindex(List.copyOf(names), note, Instant.now(), null, null);
        var latest = reindex.get();
        if ((latest != null && latest.running()) || indexers.values().stream().anyMatch(SearchIndexer::rebuilding)
                || !reindex.compareAndSet(latest, started)) {
            return Optional.empty();
        }
        log.info("Reindex of {} started{}", names, note == null ? "" : ": " + note);
        Thread.ofVirtual().name("search-reindex").start(() -> run(started));
        return Optional.of(started);
    }

    /**
     * The latest reindex an admin started since this instance started, running or
     * finished.
     */
    public Optional<Reindex> latestReindex() {
        return Optional.ofNullable(reindex.get());
    }

    private void run(Reindex started) {
        var failures = new ArrayList<String>();
        for (var name : started.indices()) {
            try {
                if (indexers.get(name).rebuild() == null) {
                    failures.add(name.alias() + ": was being rebuilt already");
                }
            }
            catch (RuntimeException e) {
                // the other indices are still worth rebuilding; the failed one keeps
                // answering from its old index
                log.warn("Rebuilding the {} index failed", name.alias(), e);
                failures.add(name.alias() + ": " + e);
            }
        }
        var failure = failures.isEmpty() ? null : String.join("; ", failures);
        reindex.set(started.ended(failure));
        log.info("Reindex of {} ended{}", started.indices(), failure == null ? "" : " with failures: " + failure);
    }

}
