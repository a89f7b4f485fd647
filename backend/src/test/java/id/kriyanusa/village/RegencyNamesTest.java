package id.kriyanusa.village;

import static org.assertj.core.api.Assertions.assertThat;

import id.kriyanusa.platform.LocalizedText;
import org.junit.jupiter.api.Test;

/** Regencies as English pages name them. */
class RegencyNamesTest {

    @Test
    void aCompassWordComesFirstInEnglishAndOtherNamesStayAsSaved() {
        assertThat(RegencyNames.of("Lombok Timur")).isEqualTo(new LocalizedText("Lombok Timur", "East Lombok"));
        assertThat(RegencyNames.of("Sumbawa Barat")).isEqualTo(new LocalizedText("Sumbawa Barat", "West Sumbawa"));
        assertThat(RegencyNames.english("Sumbawa")).isNull();
        assertThat(RegencyNames.english("Dompu")).isNull();
    }

    @Test
    void aCityIsNamedAsEnglishGuidesNameIt() {
        assertThat(RegencyNames.of("Kota Mataram")).isEqualTo(new LocalizedText("Kota Mataram", "Mataram City"));
        assertThat(RegencyNames.of("Kota Bima")).isEqualTo(new LocalizedText("Kota Bima", "Bima City"));
        // the regency of Bima is not the city
        assertThat(RegencyNames.english("Bima")).isNull();
    }

}
