package id.kriyanusa.catalog.internal;

import java.util.List;

import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.ProductAvailability;

/**
 * What producers write on a product listing, validated and normalised, ready to be
 * stored.
 */
public record ProductDetails(String slug, Long categoryId, String titleId, String titleEn, String descriptionId,
        String descriptionEn, List<String> materials, List<String> techniques, Product.Dimensions dimensions,
        Integer weightGrams, Long price, Integer minimumOrderQuantity, Long wholesalePrice,
        ProductAvailability availability, Integer stockQuantity, Integer leadTimeDays, List<ImageDetails> images) {

    /** An image reference with its alternative text in Indonesian and English. */
    public record ImageDetails(String key, String altId, String altEn) {
    }
}
