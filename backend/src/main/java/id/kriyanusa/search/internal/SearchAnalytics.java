package id.kriyanusa.search.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import id.kriyanusa.search.SearchQueryStat;
import id.kriyanusa.search.SearchesRecorded;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What visitors search for: the normalised query text, how many products it found and
 * when. Nothing about who searched (no account, address or session) is stored.
 * <p>
 * Searches are recorded off the request path: {@link #record} only queues the row
 * (bounded; when the queue is full the row is dropped and counted, so a slow or
 * unavailable database never slows searches down), and a scheduled task writes what is
 * queued in one batched insert every {@code kriyanusa.search.analytics-flush-interval} (1
 * s), and announces the counts per query ({@link SearchesRecorded}) for the department's
 * figures.
 */
@Repository
public class SearchAnalytics {

    private static final Logger log = LoggerFactory.getLogger(SearchAnalytics.class);
    static final int MAX_QUERY = 200;

    /**
     * About a minute of searches at a busy 100/s: enough to ride out a slow flush, small
     * enough to cost little memory.
     */
    static final int QUEUE_CAPACITY = 10_000;

    private static final int BATCH = 500;

    /**
     * One search, as it will be stored; the time is taken when it happened, not when it
     * is written.
     */
    private record Search(String query, long resultCount, OffsetDateTime searchedAt) {
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final BlockingQueue<Search> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

    private final AtomicLong dropped = new AtomicLong();

    SearchAnalytics(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.events = events;
    }

    /** Lower case, single spaces, at most 200 characters. */
    public static String normalise(String query) {
        var text = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
    }

    /** Queues a search for recording; never blocks and never fails the search. */
    public void record(String query, long resultCount) {
        if (!queue.offer(new Search(normalise(query), resultCount, OffsetDateTime.now()))) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Writes the queued searches, in batches; rows that cannot be written are dropped
     * with a warning. On every instance: each flushes the searches it queued.
     */
    @Scheduled(fixedDelayString = "${kriyanusa.search.analytics-flush-interval:PT1S}")
    public synchronized void flush() {
        var lost = dropped.getAndSet(0);
        if (lost > 0) {
            log.warn("Search analytics: {} searches not recorded, the queue was full", lost);
        }
        var batch = new ArrayList<Search>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            try {
                // one JDBC batch for up to 500 searches rather than a statement and a
                // commit per search, announced with it
                transactions.executeWithoutResult(status -> {
                    batches.batchUpdate(
                            "insert into search_query (query_text, result_count, zero_results, searched_at) values (?, ?, ?, ?)",
                            batch.stream()
                                .map(search -> new Object[] { search.query(), search.resultCount(),
                                        search.resultCount() == 0, search.searchedAt() })
                                .toList());
                    events.publishEvent(new SearchesRecorded(counted(batch)));
                });
            }
            catch (RuntimeException e) {
                log.warn("Could not record {} searches: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    /** The searches per query, in the order first searched. */
    private static List<SearchesRecorded.QueryCount> counted(List<Search> batch) {
        var counts = new LinkedHashMap<String, SearchesRecorded.QueryCount>();
        for (var search : batch) {
            counts.merge(search.query(),
                    new SearchesRecorded.QueryCount(search.query(), 1, search.resultCount() == 0 ? 1 : 0,
                            search.searchedAt()),
                    (a, b) -> new SearchesRecorded.QueryCount(a.query(), a.searches() + b.searches(),
                            a.zeroResultSearches() + b.zeroResultSearches(),
                            a.lastSearchedAt().isAfter(b.lastSearchedAt()) ? a.lastSearchedAt() : b.lastSearchedAt()));
        }
        return List.copyOf(counts.values());
    }

    @PreDestroy
    void close() {
        flush();
    }

    /**
     * The most searched queries of the period, most frequent first, including the
     * searches still queued.
     */
    public List<SearchQueryStat> top(Duration period, boolean zeroResultsOnly, int limit) {
        flush();
        return jdbc.sql("""
                select query_text, count(*) as searches, count(*) filter (where zero_results) as zero_result_searches,
                       (array_agg(result_count order by searched_at desc))[1] as last_result_count,
                       max(searched_at) as last_searched_at
                from search_query
                where searched_at >= ?
                group by query_text
                having not ? or count(*) filter (where zero_results) > 0
                order by searches desc, last_searched_at desc
                limit ?
                """)
            .param(OffsetDateTime.now().minus(period))
            .param(zeroResultsOnly)
            .param(limit)
            .query((rs, row) -> new SearchQueryStat(rs.getString("query_text"), rs.getLong("searches"),
                    rs.getLong("zero_result_searches"), rs.getLong("last_result_count"),
                    rs.getObject("last_searched_at", OffsetDateTime.class)))
            .list();
    }

}
