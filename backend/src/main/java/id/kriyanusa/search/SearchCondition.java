package id.kriyanusa.search;

import id.kriyanusa.platform.LocalizedText;

/**
 * A phrase of a search query understood as a condition rather than words to match: a
 * price limit, an availability, a place, or a wish for cheap products.
 *
 * @param kind what the phrase states
 * @param phrase the phrase as typed, with its joining word ("dari Loyok")
 * @param value the price in rupiah, the availability, the village's slug, the name of the
 * district, regency or island, or a {@link Kind#NEAR} circle as
 * "latitude,longitude,kilometres"; empty for {@link Kind#CHEAP_FIRST}
 * @param label the condition as a page shows it, in both languages
 * @param applied whether it restricts the search: false when the request's filter sets
 * the same kind of condition, which wins
 * @param queryWithout the query without the phrase: searching it removes the condition
 */
public record SearchCondition(Kind kind, String phrase, String value, LocalizedText label, boolean applied,
        String queryWithout) {

    /** What a phrase of the query states. */
    public enum Kind {

        PRICE_MIN, PRICE_MAX, AVAILABILITY, VILLAGE, DISTRICT, REGENCY, ISLAND, NEAR, CHEAP_FIRST;

        /** Whether it states where a product is made. */
        public boolean isPlace() {
            return switch (this) {
                case VILLAGE, DISTRICT, REGENCY, ISLAND, NEAR -> true;
                default -> false;
            };
        }

    }

}
