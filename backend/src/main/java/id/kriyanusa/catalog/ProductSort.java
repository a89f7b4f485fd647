package id.kriyanusa.catalog;

/** Order of a product list. */
public enum ProductSort {

    NEWEST, PRICE_ASC, PRICE_DESC, TITLE

}
