package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.village.VillageClassification;

/**
 * Conditions of a village search; every part is optional, parts combine with AND, values
 * within a part with OR.
 */
public record VillageSearchFilter(List<String> regencies, List<VillageClassification> classifications,
        Boolean modelVillagesOnly, ProductSearchFilter.Near near) {

    public static final VillageSearchFilter NONE = new VillageSearchFilter(null, null, null, null);

}
