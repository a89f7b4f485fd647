package id.kriyanusa.catalog;

/** Whether a product ships from stock or is made once ordered. */
public enum ProductAvailability {

    /** In stock: the product carries a stock quantity (0 or more). */
    READY_STOCK,
    /** Made once ordered: the product carries a lead time in days (1 to 365). */
    MADE_TO_ORDER

}
