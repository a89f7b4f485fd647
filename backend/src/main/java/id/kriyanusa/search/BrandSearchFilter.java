package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.brand.CertificationKind;

/**
 * Conditions of a brand search; every part is optional, parts combine with AND, values
 * within a part with OR.
 */
public record BrandSearchFilter(List<String> villages, List<String> regencies, List<CertificationKind> certifications,
        Boolean modelVillagesOnly, ProductSearchFilter.Near near) {

    public static final BrandSearchFilter NONE = new BrandSearchFilter(null, null, null, null, null);

}
