package id.kriyanusa.catalog;

import java.time.OffsetDateTime;
import java.util.List;

import id.kriyanusa.platform.LocalizedText;

/**
 * A product a brand lists, as seen by the caller who read it: {@code viewerCanEdit} tells
 * whether that caller may change it. Prices are whole rupiah. Its images are loaded
 * separately, in one batch for a whole page.
 */
public record Product(long id, String slug, long brandId, Long categoryId, LocalizedText title,
        LocalizedText description, List<String> materials, List<String> techniques, Dimensions dimensions,
        Integer weightGrams, Long price, Integer minimumOrderQuantity, Long wholesalePrice,
        ProductAvailability availability, Integer stockQuantity, Integer leadTimeDays, ProductStatus status,
        long version, boolean viewerCanEdit, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime publishedAt) {

    /** Outer dimensions in centimetres, each null when not given. */
    public record Dimensions(Double lengthCm, Double widthCm, Double heightCm) {

        public static Dimensions of(Double lengthCm, Double widthCm, Double heightCm) {
            return lengthCm == null && widthCm == null && heightCm == null ? null
                    : new Dimensions(lengthCm, widthCm, heightCm);
        }
    }

    /**
     * A reference to an image of the product, in display order, with its alternative
     * text.
     */
    public record Image(long productId, int position, String key, LocalizedText alt) {
    }

    Product withViewerCanEdit(boolean canEdit) {
        return canEdit == viewerCanEdit ? this
                : new Product(id, slug, brandId, categoryId, title, description, materials, techniques, dimensions,
                        weightGrams, price, minimumOrderQuantity, wholesalePrice, availability, stockQuantity,
                        leadTimeDays, status, version, canEdit, createdAt, updatedAt, publishedAt);
    }
}
