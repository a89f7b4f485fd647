package id.kriyanusa.village.internal;

import java.util.List;

import id.kriyanusa.platform.GeoPoint;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.village.VillageClassification;

/** A village profile as checked, ready to be saved. */
public record VillageDetails(String slug, String name, String province, String regency, String district,
        GeoPoint location, LocalizedText description, LocalizedText story, VillageClassification classification,
        List<String> specialities) {
}
