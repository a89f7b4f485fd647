package id.kriyanusa.engagement;

/** What a buyer asks about: one product, or the brand as a whole. */
public enum InquirySubject {

    PRODUCT, BRAND

}
