package id.kriyanusa.insights;

import id.kriyanusa.catalog.Category;

/**
 * A category's products published now (those buyers see, of verified brands, and the
 * others apart) and the buyers' contacts about its products.
 */
public record CategoryOutcome(Category category, int productsPublished, int inquiries, int inquiriesAnswered,
        int whatsAppTaps, int productsSeenByBuyers, int productsOfUnverifiedBrands) {
}
