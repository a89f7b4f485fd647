package id.kriyanusa.search.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import id.kriyanusa.search.SearchQueryStat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What visitors search for: the normalised query text, how many products it found and when. Nothing about who
 * searched (no account, address or session) is stored.
 */
@Repository
public class SearchAnalytics {

    private static final Logger log = LoggerFactory.getLogger(SearchAnalytics.class);
    static final int MAX_QUERY = 200;

    private final JdbcClient jdbc;

    SearchAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lower case, single spaces, at most 200 characters. */
    public static String normalise(String query) {
        var text = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
    }

    /** Records a search; a failure is logged and never fails the search. */
    public void record(String query, long resultCount) {
        try {
            jdbc.sql("insert into search_query (query_text, result_count, zero_results) values (?, ?, ?)")
                    .param(normalise(query)).param(resultCount).param(resultCount == 0).update();
        }
        catch (RuntimeException e) {
            log.warn("Could not record a search: {}", e.toString());
        }
    }

    /** The most searched queries of the period, most frequent first. */
    public List<SearchQueryStat> top(Duration period, boolean zeroResultsOnly, int limit) {
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
                .param(OffsetDateTime.now().minus(period)).param(zeroResultsOnly).param(limit)
                .query((rs, row) -> new SearchQueryStat(rs.getString("query_text"), rs.getLong("searches"),
                        rs.getLong("zero_result_searches"), rs.getLong("last_result_count"),
                        rs.getObject("last_searched_at", OffsetDateTime.class)))
                .list();
    }
}
