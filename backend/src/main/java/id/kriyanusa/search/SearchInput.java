package id.kriyanusa.search;

import id.kriyanusa.platform.graphql.OffsetPage;

/**
 * The checks every search applies to what a visitor sends, so products, brands and
 * villages refuse alike.
 */
final class SearchInput {

    static final int MAX_QUERY_LENGTH = 200;

    /** Elasticsearch's index.max_result_window: deeper pages would need search_after. */
    static final int MAX_RESULT_WINDOW = 10_000;

    private SearchInput() {
    }

    /** The words to search for, trimmed; null when there are none. */
    static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var text = raw.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("A query may have at most " + MAX_QUERY_LENGTH + " characters");
        }
        return text;
    }

    static void check(ProductSearchFilter.Near near, OffsetPage page) {
        if (near != null && (near.radiusKm() <= 0 || Math.abs(near.lat()) > 90 || Math.abs(near.lon()) > 180)) {
            throw new IllegalArgumentException("filter.near needs a latitude, a longitude and a positive radius");
        }
        if (page.offset() + page.limit() > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException(
                    "Only the first " + MAX_RESULT_WINDOW + " results can be paged through; narrow the search");
        }
    }

}
