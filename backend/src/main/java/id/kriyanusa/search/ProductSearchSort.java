package id.kriyanusa.search;

/** Order of search results. */
public enum ProductSearchSort {

    RELEVANCE, NEWEST, PRICE_ASC, PRICE_DESC, DISTANCE

}
