package id.kriyanusa.search;

import java.util.List;
import java.util.stream.Stream;

import id.kriyanusa.catalog.ProductAvailability;

/**
 * Conditions of a product search; every part is optional, parts combine with AND, values
 * within a part with OR. Slugs name categories (a top-level category includes its
 * sub-categories), villages and brands.
 */
public record ProductSearchFilter(List<String> categories, List<String> villages, List<String> regencies,
        List<String> brands, List<String> materials, Long priceMin, Long priceMax,
        List<ProductAvailability> availability, Boolean modelVillagesOnly, Near near) {

    public static final ProductSearchFilter NONE = new ProductSearchFilter(null, null, null, null, null, null, null,
            null, null, null);

    /** Whether it sets no condition, so that a search with it is for its words alone. */
    public boolean setsNothing() {
        return Stream.of(categories, villages, regencies, brands, materials, availability)
            .allMatch(values -> values == null || values.isEmpty()) && priceMin == null && priceMax == null
                && !Boolean.TRUE.equals(modelVillagesOnly) && near == null;
    }

    /**
     * Within {@code radiusKm} kilometres of a point, measured to the product's village.
     */
    public record Near(double lat, double lon, double radiusKm) {

        /** As the value of a NEAR condition: "latitude,longitude,kilometres". */
        public String asConditionValue() {
            return lat + "," + lon + "," + radiusKm;
        }

        /** The circle a NEAR condition's value names. */
        public static Near ofConditionValue(String value) {
            var parts = value.split(",");
            return new Near(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
        }

    }
}
