package id.kriyanusa.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What visitors searched for in one write of the search analytics (about a second's
 * searches), per normalised query: how often, how often nothing was found, and when last.
 * Counts only, nothing about who searched. Published in the transaction that stores the
 * searches.
 */
public record SearchesRecorded(List<QueryCount> queries) {

    public record QueryCount(String query, int searches, int zeroResultSearches, OffsetDateTime lastSearchedAt) {
    }

}
