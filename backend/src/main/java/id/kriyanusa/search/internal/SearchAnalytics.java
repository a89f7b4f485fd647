package id.kriyanusa.search.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * when. Nothing about who searched (no account, address or session) is stored with it.
 * For popular searches, which count the different searchers of a query rather than its
 * searches, a search with a client address also stores its {@link Searchers searcher}: a
 * hash of the address and the query with a salt of the day, which cannot be linked to the
 * address once the day is over.
 * <p>
 * Searches are recorded off the request path: {@link #record} only queues the row
 * (bounded; when the queue is full the row is dropped and counted, so a slow or
 * unavailable database never slows searches down), and a scheduled task writes what is
 * queued in one batched insert every {@code kriyanusa.search.analytics-flush-interval} (1
 * s), and announces the counts per query ({@link SearchesRecorded}) for the department's
 * figures: searches, and the searchers new that day, so that the figures can tell one
 * client repeating a query from many buyers asking for it.
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
     * is written. The client's address stays in memory until then, to be hashed.
     */
    private record Search(String query, long resultCount, OffsetDateTime searchedAt, String clientAddress) {
    }

    /**
     * A query that different searchers asked and found products with.
     *
     * @param searchers the different searchers of each day that found products, added up
     * over the days
     * @param lastResultCount how many products its last search found
     */
    public record Popular(String query, long searchers, long lastResultCount) {
    }

    private final JdbcClient jdbc;

    private final JdbcTemplate batches;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final BlockingQueue<Search> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

    private final AtomicLong dropped = new AtomicLong();

    private final Searchers searchers;

    SearchAnalytics(JdbcClient jdbc, JdbcTemplate batches, TransactionTemplate transactions,
            ApplicationEventPublisher events, Searchers searchers) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.transactions = transactions;
        this.events = events;
        this.searchers = searchers;
    }

    /** Lower case, single spaces, at most 200 characters. */
    public static String normalise(String query) {
        var text = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
    }

    /**
     * Queues a search for recording; never blocks and never fails the search. The
     * client's address (null for a search made in process) counts its searcher.
     */
    public void record(String query, long resultCount, String clientAddress) {
        if (!queue.offer(new Search(normalise(query), resultCount, OffsetDateTime.now(), clientAddress))) {
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
                    events.publishEvent(new SearchesRecorded(counted(batch, recordSearchers(batch))));
                });
            }
            catch (RuntimeException e) {
                log.warn("Could not record {} searches: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
    }

    /**
     * Stores who searched (see {@link Searchers}): one row per query, day and searcher,
     * with their last search's result count. Answers how many searchers each query had
     * for the first time that day: those whose row this batch inserted (a row another
     * instance inserts meanwhile is counted by that instance only).
     */
    private Map<String, Integer> recordSearchers(List<Search> batch) {
        var rows = new LinkedHashMap<String, Object[]>();
        for (var search : batch) {
            if (search.clientAddress() != null) {
                var searcher = searchers.of(search.clientAddress(), search.query());
                // a searcher's later search of the batch replaces the earlier: one row
                // each
                rows.put(searcher.day() + " " + HexFormat.of().formatHex(searcher.hash()) + " " + search.query(),
                        new Object[] { searcher.day(), search.query(), searcher.hash(), search.resultCount(),
                                search.searchedAt() });
            }
        }
        var newSearchers = new HashMap<String, Integer>();
        if (rows.isEmpty()) {
            return newSearchers;
        }
        var searched = List.copyOf(rows.values());
        var inserted = batches.batchUpdate("""
                insert into search_query_searcher (day, query_text, searcher, result_count, last_searched_at)
                values (?, ?, ?, ?, ?) on conflict (day, query_text, searcher) do nothing
                """, searched);
        var again = new ArrayList<Object[]>();
        for (var i = 0; i < searched.size(); i++) {
            var row = searched.get(i);
            if (inserted[i] == 1) {
                newSearchers.merge((String) row[1], 1, Integer::sum);
            }
            else {
                again.add(new Object[] { row[3], row[4], row[0], row[1], row[2], row[4] });
            }
        }
        if (!again.isEmpty()) {
            batches.batchUpdate("""
                    update search_query_searcher set result_count = ?, last_searched_at = ?
                    where day = ? and query_text = ? and searcher = ? and last_searched_at <= ?
                    """, again);
        }
        return newSearchers;
    }

    /** The searches per query, in the order first searched, with their new searchers. */
    private static List<SearchesRecorded.QueryCount> counted(List<Search> batch, Map<String, Integer> newSearchers) {
        var counts = new LinkedHashMap<String, SearchesRecorded.QueryCount>();
        for (var search : batch) {
            counts.merge(search.query(),
                    new SearchesRecorded.QueryCount(search.query(), 1, search.resultCount() == 0 ? 1 : 0,
                            search.searchedAt(), newSearchers.getOrDefault(search.query(), 0)),
                    (a, b) -> new SearchesRecorded.QueryCount(a.query(), a.searches() + b.searches(),
                            a.zeroResultSearches() + b.zeroResultSearches(),
                            a.lastSearchedAt().isAfter(b.lastSearchedAt()) ? a.lastSearchedAt() : b.lastSearchedAt(),
                            a.newSearchers()));
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

    /**
     * The queries that at least {@code minSearchers} different searchers searched on one
     * day within the {@link Searchers#KEPT} last days and found products with, whose last
     * search found products too; the most searchers first, including the searches still
     * queued. Searches without a client address do not count.
     */
    public List<Popular> popular(int minSearchers, int limit) {
        flush();
        return jdbc.sql("""
                select query_text, sum(searchers) as searchers,
                       (array_agg(last_result_count order by last_searched_at desc))[1] as last_result_count
                from (select day, query_text, count(*) filter (where result_count > 0) as searchers,
                             (array_agg(result_count order by last_searched_at desc))[1] as last_result_count,
                             max(last_searched_at) as last_searched_at
                      from search_query_searcher
                      where day >= ?
                      group by day, query_text) as days
                group by query_text
                having max(searchers) >= ? and (array_agg(last_result_count order by last_searched_at desc))[1] > 0
                order by searchers desc, max(last_searched_at) desc
                limit ?
                """)
            .param(LocalDate.now(Searchers.NTB).minusDays(Searchers.KEPT))
            .param(minSearchers)
            .param(limit)
            .query((rs, row) -> new Popular(rs.getString("query_text"), rs.getLong("searchers"),
                    rs.getLong("last_result_count")))
            .list();
    }

}
