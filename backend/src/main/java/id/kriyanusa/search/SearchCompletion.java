package id.kriyanusa.search;

/**
 * A word or name that completes what a visitor typed.
 *
 * @param text the completed text
 * @param highlighted the text HTML-escaped, with the parts that match what was typed
 * wrapped in {@code <em>}
 * @param kind what the text names
 * @param productCount how many published products have it; for a popular search, how many
 * it found the last time
 */
public record SearchCompletion(String text, String highlighted, Kind kind, long productCount) {

    /** What a completion names; in the order a tie is broken. */
    public enum Kind {

        CATEGORY, CRAFT_WORD, MATERIAL, VILLAGE, DISTRICT, REGENCY, BRAND, POPULAR_SEARCH

    }

}
