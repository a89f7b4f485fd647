package id.kriyanusa.brand;

/** Order of a brand list. */
public enum BrandSort {

    NAME, NEWEST, RECENTLY_UPDATED, LONGEST_IN_STATUS

}
