package id.kriyanusa.village;

import java.util.List;

/** Narrows the village list; every part is optional and parts combine with AND. */
public record VillageFilter(List<String> regencies, List<VillageClassification> classifications,
        Boolean modelVillagesOnly, String nameContains) {

    public static final VillageFilter NONE = new VillageFilter(null, null, null, null);

}
