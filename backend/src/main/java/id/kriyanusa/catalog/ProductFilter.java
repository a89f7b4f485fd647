package id.kriyanusa.catalog;

import java.util.List;

/**
 * Narrows a product list; every part is optional and parts combine with AND. Categories,
 * brands and villages are given by slug; a top-level category matches its children's
 * products too. Without {@code statuses} only PUBLISHED products are listed.
 */
public record ProductFilter(List<String> categories, List<String> brands, List<String> villages, List<String> materials,
        Long priceMin, Long priceMax, List<ProductAvailability> availability, List<ProductStatus> statuses) {

    public static final ProductFilter NONE = new ProductFilter(null, null, null, null, null, null, null, null);

}
