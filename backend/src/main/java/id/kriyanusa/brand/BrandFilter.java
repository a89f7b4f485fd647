package id.kriyanusa.brand;

import java.util.List;

/** Narrows the brand list; every part is optional and parts combine with AND. */
public record BrandFilter(List<String> villages, List<BrandVerificationStatus> verificationStatuses,
        List<BrandLegalForm> legalForms, String nameContains) {

    public static final BrandFilter NONE = new BrandFilter(null, null, null, null);

}
