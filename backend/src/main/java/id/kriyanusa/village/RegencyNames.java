package id.kriyanusa.village;

import java.util.Locale;
import java.util.Map;

import id.kriyanusa.platform.LocalizedText;

/**
 * A regency's name in Indonesian and English: "Lombok Timur" is "East Lombok" and "Kota
 * Bima" (the city, not the regency of Bima) is "Bima City" in English, as English guides
 * and maps write them. Another name ("Sumbawa", "Dompu") is the same in both languages.
 */
public final class RegencyNames {

    /** The Indonesian compass words of regency names, and their English. */
    private static final Map<String, String> COMPASS = Map.of("tengah", "Central", "timur", "East", "barat", "West",
            "utara", "North", "selatan", "South");

    private RegencyNames() {
    }

    /**
     * "Lombok Tengah" is "Central Lombok" and "Kota Mataram" "Mataram City" in English;
     * null when there is no such form.
     */
    public static String english(String regency) {
        var words = regency.strip().split("\\s+");
        if (words.length == 2) {
            var compass = COMPASS.get(words[1].toLowerCase(Locale.ROOT));
            if (compass != null) {
                return compass + " " + words[0];
            }
            if (words[0].equalsIgnoreCase("kota")) {
                return words[1] + " City";
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
