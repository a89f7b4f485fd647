package id.kriyanusa.media;

/**
 * What an uploaded image becomes: a product photo, a brand's logo or cover, or a village
 * page's hero image.
 */
public enum ImageTarget {

    PRODUCT, BRAND_LOGO, BRAND_COVER, VILLAGE_HERO

}
