package id.kriyanusa.insights;

import id.kriyanusa.catalog.Category;

/**
 * A category's products published now (those buyers see, of verified brands, and the
 * others apart) and the buyers' contacts about its products.
 */
public record CategoryOutcome(Category category, int productsPublished, int inquiries, int inquiriesAnswered,
        int whatsAppTaps, int productsSeenByBuyers, int productsOfUnverifiedBrands) {

    /** This category's figures with a sub-category's added. */
    CategoryOutcome plus(CategoryOutcome sub) {
        return new CategoryOutcome(category, productsPublished + sub.productsPublished, inquiries + sub.inquiries,
                inquiriesAnswered + sub.inquiriesAnswered, whatsAppTaps + sub.whatsAppTaps,
                productsSeenByBuyers + sub.productsSeenByBuyers,
                productsOfUnverifiedBrands + sub.productsOfUnverifiedBrands);
    }

}
