package id.kriyanusa.village;

import java.util.List;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;

/** A village (desa) where producers live and work. */
public record Village(long id, String slug, String name, String province, String regency, String district,
        GeoPoint location, VillageClassification classification, boolean modelVillage, Integer modelProgrammeYear,
        List<String> specialities, LocalizedText description, LocalizedText story, HeroImage heroImage, long version) {

    /**
     * The large picture of the village's page, chosen by curators: the media module's
     * image key, and its description for this page.
     */
    public record HeroImage(String key, LocalizedText alt) {
    }

}
