package id.kriyanusa.brand;

/** Which of a brand's two images: the logo or the cover. */
public enum BrandImageKind {

    LOGO, COVER

}
