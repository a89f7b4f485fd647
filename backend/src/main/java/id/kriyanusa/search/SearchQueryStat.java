package id.kriyanusa.search;

import java.time.OffsetDateTime;

/**
 * How often a (normalised) query was searched in a period and how many of those searches
 * found nothing.
 */
public record SearchQueryStat(String query, long searches, long zeroResultSearches, long lastResultCount,
        OffsetDateTime lastSearchedAt) {
}
