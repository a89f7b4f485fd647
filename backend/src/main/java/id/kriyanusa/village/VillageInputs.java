package id.kriyanusa.village;

import java.util.List;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;

/** What curators send to create and change villages. */
public final class VillageInputs {

    private VillageInputs() {
    }

    public record Create(String slug, String name, String province, String regency, String district, GeoPoint location,
            LocalizedText description, LocalizedText story, VillageClassification classification,
            List<String> specialities) {
    }

    /**
     * Only the fields given change; {@code expectedVersion} guards against overwriting
     * someone else's change.
     */
    public record Update(String id, Long expectedVersion, String slug, String name, String province, String regency,
            String district, GeoPoint location, LocalizedText description, LocalizedText story,
            VillageClassification classification, List<String> specialities) {
    }

    public record DesignateModelVillage(String id, Long expectedVersion, Boolean designated, Integer programmeYear) {
    }

}
