package id.kriyanusa.search;

/**
 * How well the best products found match the words of a query.
 */
public enum MatchQuality {

    /**
     * Some products have every word (typos forgiven, synonyms and the other language
     * included).
     */
    ALL_TERMS,

    /** No product has every word; these have most of them. */
    MOST_TERMS,

    /** No product has most of the words; these are related through some of them. */
    RELATED

}
