package id.kriyanusa.media;

import id.kriyanusa.brand.BrandId;
import id.kriyanusa.catalog.ProductId;
import id.kriyanusa.village.VillageId;

/**
 * What an uploaded image becomes: a product photo, a brand's logo or cover, or a village
 * page's hero image.
 */
public enum ImageTarget {

    PRODUCT, BRAND_LOGO, BRAND_COVER, VILLAGE_HERO;

    /**
     * The key of the product, brand or village a global id names;
     * IllegalArgumentException when it names anything else.
     */
    long keyOf(String globalId) {
        return switch (this) {
            case PRODUCT -> ProductId.decode(globalId).value();
            case BRAND_LOGO, BRAND_COVER -> BrandId.decode(globalId).value();
            case VILLAGE_HERO -> VillageId.decode(globalId).value();
        };
    }

}
