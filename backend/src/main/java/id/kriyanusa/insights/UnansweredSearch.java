package id.kriyanusa.insights;

import java.time.OffsetDateTime;

/**
 * A query visitors searched for in a period that found nothing at least once: how often
 * it was searched, how often without a result, when last, and by how many searchers (each
 * day's different searchers, added up over the days).
 */
public record UnansweredSearch(String query, int searches, int zeroResultSearches, OffsetDateTime lastSearchedAt,
        int searchers) {
}
