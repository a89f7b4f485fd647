package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Place names as curators write them, and as buyers type them. */
class PlacesTest {

    @Test
    void aWordSayingWhatKindOfPlaceItIsIsNotPartOfTheName() {
        assertThat(Places.withoutKindWord("Desa Semoyang")).isEqualTo("Semoyang");
        assertThat(Places.withoutKindWord("Kec. Pujut")).isEqualTo("Pujut");
        assertThat(Places.withoutKindWord("Kabupaten Lombok Tengah")).isEqualTo("Lombok Tengah");
        assertThat(Places.withoutKindWord(" Loyok ")).isEqualTo("Loyok");
        // a city is not the regency of the same name
        assertThat(Places.withoutKindWord("Kota Bima")).isEqualTo("Kota Bima");
        // a village named only "Desa" keeps it
        assertThat(Places.withoutKindWord("Desa")).isEqualTo("Desa");
    }

}
