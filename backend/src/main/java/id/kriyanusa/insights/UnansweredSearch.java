package id.kriyanusa.insights;

import java.time.OffsetDateTime;

/**
 * A query visitors searched for in a period that found nothing at least once: how often
 * it was searched, how often without a result, and when last.
 */
public record UnansweredSearch(String query, int searches, int zeroResultSearches, OffsetDateTime lastSearchedAt) {
}
