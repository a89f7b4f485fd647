package id.kriyanusa.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What visitors searched for in one write of the search analytics (about a second's
 * searches), per normalised query: how often, how often nothing was found, when last, and
 * how many searchers it had for the first time that day. Counts only, nothing about who
 * searched. Published in the transaction that stores the searches.
 */
public record SearchesRecorded(List<QueryCount> queries) {

    /**
     * @param newSearchers the searchers (see ADR 0027) who searched the query for the
     * first time on the day of {@code lastSearchedAt}: added up per day, the day's
     * different searchers. Zero in announcements stored before searchers were counted,
     * which lack it.
     */
    public record QueryCount(String query, int searches, int zeroResultSearches, OffsetDateTime lastSearchedAt,
            Integer newSearchers) {

        public QueryCount {
            newSearchers = newSearchers == null ? 0 : newSearchers;
        }

    }

}
