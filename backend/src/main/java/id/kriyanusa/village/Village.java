package id.kriyanusa.village;

import java.util.List;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;

/** A village (desa) where producers live and work. */
public record Village(long id, String slug, String name, String province, String regency, String district,
        GeoPoint location, VillageClassification classification, boolean modelVillage, Integer modelProgrammeYear,
        List<String> specialities, LocalizedText description, LocalizedText story, long version) {
}
