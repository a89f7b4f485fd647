package id.kriyanusa.village;

import java.util.List;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;
import org.springframework.graphql.data.ArgumentValue;

/** What curators send to create and change villages. */
public final class VillageInputs {

    private VillageInputs() {
    }

    public record Create(String slug, String name, String province, String regency, String district, GeoPoint location,
            LocalizedText description, LocalizedText story, VillageClassification classification,
            List<String> specialities) {
    }

    /**
     * Only the fields given change: null clears an optional field (and is a user error
     * for a required one); {@code expectedVersion} guards against overwriting someone
     * else's change. The service acts on the village the GraphQL layer decoded from
     * {@code id}.
     */
    public record Update(String id, Long expectedVersion, ArgumentValue<String> slug, ArgumentValue<String> name,
            ArgumentValue<String> province, ArgumentValue<String> regency, ArgumentValue<String> district,
            ArgumentValue<GeoPoint> location, ArgumentValue<LocalizedText> description,
            ArgumentValue<LocalizedText> story, ArgumentValue<VillageClassification> classification,
            ArgumentValue<List<String>> specialities) {
    }

    public record DesignateModelVillage(String id, Long expectedVersion, Boolean designated, Integer programmeYear) {
    }

}
