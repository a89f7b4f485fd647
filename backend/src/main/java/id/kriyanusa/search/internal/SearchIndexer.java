package id.kriyanusa.search.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings one search index in line with PostgreSQL: for a few entities after a change, or
 * for all of them into a new index (then the alias moves). Idempotent: it re-reads the
 * current state, whatever the event said. One instance per index, each with its
 * {@link IndexedDocuments}; see {@link SearchIndices}.
 * <p>
 * <b>Ordering.</b> Every write carries an external version drawn from the PostgreSQL
 * sequence {@code search_revision} <em>before</em> the documents are read (READ
 * COMMITTED: each read statement sees everything committed before it). So a write with a
 * higher revision reflects at least every commit a lower one reflects, and Elasticsearch,
 * keeping the highest version, keeps the newest read whichever listener or batch finishes
 * last. Every change is followed by a listener that draws after the commit, so the change
 * is in the newest document. The alternatives fail in ways that matter here: an entity's
 * own {@code version} does not move when what its document includes changes (a village
 * rename reaches products and brands whose versions stay the same, and greatest(product,
 * brand, village versions) is not monotonic across entities), and an event's publication
 * time orders events but not the reads that follow them (an old event processed late
 * would re-read newer state yet carry an older time, and clocks of several instances
 * differ). One sequence needs no change to the other modules' tables and orders the
 * writes of every index, incremental and full reindex alike.
 */
public class SearchIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexer.class);
    static final int BATCH = 200;

    /** Batches between two progress lines in the log: every 5,000 documents. */
    private static final int LOG_EVERY_BATCHES = 25;

    /** A finished full reindex. */
    public record Rebuilt(String index, String previousIndex, int documents) {
    }

    /**
     * How the latest full reindex went, or is going: documents written so far, and its
     * end once it has one.
     */
    public record Progress(String index, String previousIndex, Instant startedAt, int documents, Instant finishedAt,
            String failure) {

        public boolean running() {
            return finishedAt == null;
        }

        Progress written(int count) {
            return new Progress(index, previousIndex, startedAt, count, null, null);
        }

        Progress ended(String failureMessage) {
            return new Progress(index, previousIndex, startedAt, documents, Instant.now(), failureMessage);
        }
    }

    private final JdbcClient jdbc;

    private final SearchIndex index;

    private final IndexedDocuments documents;

    private final RebuildsUnderWay rebuilds;

    private final IndexingQueue queue;

    private volatile Progress progress;

    SearchIndexer(JdbcClient jdbc, SearchIndex index, IndexedDocuments documents, RebuildsUnderWay rebuilds) {
        this.jdbc = jdbc;
        this.rebuilds = rebuilds;
        this.index = index;
        this.documents = documents;
        this.queue = new IndexingQueue(index.alias(), this::write);
    }

    public SearchIndex index() {
        return index;
    }

    IndexedDocuments documents() {
        return documents;
    }

    /**
     * Indexes the public ones of these entities and deletes the others from the index, in
     * bulk requests shared with other changes (see {@link IndexingQueue}); returns once
     * they are written.
     */
    public void index(Collection<Long> ids) {
        queue.index(ids);
    }

    private void write(List<Long> ids) {
        long revision = nextRevision(); // before reading: see the class comment
        var docs = documents.build(ids);
        var deletions = new ArrayList<Long>();
        ids.stream().filter(id -> !docs.containsKey(id)).forEach(deletions::add);
        index.write(docs.values(), deletions, revision);
    }

    @Override
    public void close() {
        queue.close();
    }

    /**
     * Rebuilds the index when the alias is missing or its index was built from another
     * definition.
     */
    public boolean ensureCurrent() {
        if (index.upToDate()) {
            return false;
        }
        return rebuild() != null;
    }

    /** Whether a full reindex of this index is running now, on any instance. */
    public boolean rebuilding() {
        return rebuilds.running(index.alias());
    }

    /**
     * Builds a new index from PostgreSQL in batches, then swaps the alias atomically and
     * deletes the old index. Searches keep using the old index until the swap; changes
     * made meanwhile, on any instance, are written to both. Returns null when another
     * rebuild of this index is running, here or on another instance.
     */
    public Rebuilt rebuild() {
        var started = rebuilds.start(index.alias());
        if (started.isEmpty()) {
            return null;
        }
        try (var rebuild = started.get()) {
            var previous = index.current().orElse(null);
            var target = index.createNext(previous);
            // committed before the first revision is drawn: a listener (on any instance)
            // that misses it drew a lower revision than every batch
            rebuild.filling(target);
            index.loadInBulk(target);
            progress = new Progress(target, previous, Instant.now(), 0, null, null);
            log.info("Rebuilding the {} index into {} (searches keep using {})", index.alias(), target, previous);
            int count = 0;
            int batches = 0;
            try {
                long after = 0;
                while (true) {
                    var ids = documents.idsAfter(after, BATCH);
                    if (ids.isEmpty()) {
                        break;
                    }
                    long revision = nextRevision();
                    var docs = documents.build(ids);
                    index.writeTo(target, docs.values(), List.of(), revision);
                    count += docs.size();
                    after = ids.getLast();
                    progress = progress.written(count);
                    if (++batches % LOG_EVERY_BATCHES == 0) {
                        log.info("Rebuilding {}: {} documents written", target, count);
                    }
                }
                index.readyForSearches(target);
                index.swap(previous, target);
            }
            catch (RuntimeException e) {
                rebuild.close();
                index.delete(target);
                progress = progress.ended(e.toString());
                throw e;
            }
            rebuild.close();
            if (previous != null) {
                index.delete(previous);
            }
            progress = progress.written(count).ended(null);
            // "Products index rebuilt: N documents" is what infra/bench/SearchBench.java
            // waits for
            log.info("{} index rebuilt: {} documents in {} (was {})", capitalised(index.alias()), count, target,
                    previous);
            return new Rebuilt(target, previous, count);
        }
    }

    /**
     * The latest full reindex since this instance started, running or finished; empty
     * when there was none.
     */
    public Optional<Progress> progress() {
        return Optional.ofNullable(progress);
    }

    private long nextRevision() {
        return jdbc.sql("select nextval('search_revision')").query(Long.class).single();
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

}
