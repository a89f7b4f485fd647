package id.kriyanusa.brand;

/** Kind of certification a brand holds. */
public enum CertificationKind {

    HALAL, SNI, PIRT, HKI, OTHER

}
