package id.kriyanusa.catalog;

/**
 * Why buyers (visitors, and accounts outside the product's brand) do not see a product:
 * they see the published products of verified brands.
 */
public enum HiddenFromBuyers {

    /** The product is a draft or archived. */
    NOT_PUBLISHED,

    /** Its brand is not verified, not yet or no longer. */
    BRAND_NOT_VERIFIED

}
