package id.kriyanusa.village;

import java.util.Locale;
import java.util.Map;

import id.kriyanusa.platform.LocalizedText;

/**
 * A regency's name in Indonesian and English: "Lombok Timur" is "East Lombok" in English,
 * as English guides and maps write it. A name without a compass word ("Sumbawa", "Kota
 * Bima") is the same in both languages.
 */
public final class RegencyNames {

    /** The Indonesian compass words of regency names, and their English. */
    private static final Map<String, String> COMPASS = Map.of("tengah", "Central", "timur", "East", "barat", "West",
            "utara", "North", "selatan", "South");

    private RegencyNames() {
    }

    /**
     * "Lombok Tengah" is "Central Lombok" in English; null when there is no such form.
     */
    public static String english(String regency) {
        var words = regency.strip().split("\\s+");
        if (words.length == 2) {
            var compass = COMPASS.get(words[1].toLowerCase(Locale.ROOT));
            if (compass != null) {
                return compass + " " + words[0];
            }
        }
        return null;
    }

    /**
     * The regency's name in both languages, the saved name where English has no other.
     */
    public static LocalizedText of(String regency) {
        if (regency == null) {
            return null;
        }
        var english = english(regency);
        return new LocalizedText(regency, english != null ? english : regency);
    }

}
