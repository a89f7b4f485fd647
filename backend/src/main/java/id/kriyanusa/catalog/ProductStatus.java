package id.kriyanusa.catalog;

/**
 * Where a listing stands: DRAFT while its producers prepare it, PUBLISHED when it is
 * offered (to the public once its brand is VERIFIED), ARCHIVED when it is no longer
 * offered; an archived product may be published again.
 */
public enum ProductStatus {

    DRAFT, PUBLISHED, ARCHIVED

}
