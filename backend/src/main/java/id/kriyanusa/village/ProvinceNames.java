package id.kriyanusa.village;

import id.kriyanusa.platform.LocalizedText;

/**
 * A province's name in Indonesian and English: Nusa Tenggara Barat, where the portal's
 * villages lie, is "West Nusa Tenggara" in English, as the province and English guides
 * write it. Another name is shown as saved in both languages.
 */
public final class ProvinceNames {

    private static final String NTB = "Nusa Tenggara Barat";

    private ProvinceNames() {
    }

    /** The province's name in both languages. */
    public static LocalizedText of(String province) {
        if (province == null) {
            return null;
        }
        return new LocalizedText(province, NTB.equalsIgnoreCase(province.strip()) ? "West Nusa Tenggara" : province);
    }

}
