package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndonesianRootsTest {

    private final IndonesianRoots roots = new IndonesianRoots();

    @Test
    void affixedWordsAreReadAsTheirRootWithTheLetterThePrefixReplaced() {
        assertThat(roots.of("menenun penenun tenunan")).isEqualTo("tenun tenun tenun");
        assertThat(roots.of("untuk memasak, dipahat")).isEqualTo("untuk masak pahat");
    }

    @Test
    void wordsAsPeopleSpeakThemAreReadAsTheirFormalRoot() {
        assertThat(roots.of("tempat nabung")).isEqualTo("tempat tabung");
        assertThat(roots.of("ngopi")).isEqualTo("kopi");
        assertThat(roots.of("bersihin")).isEqualTo("bersih");
    }

    @Test
    void wordsWhoseMeaningLeftTheirRootStayWhole() {
        // jewellery is not "decorate", a craft not "diligent", clothing not "use"
        assertThat(roots.of("perhiasan kerajinan pakaian hiasan")).isEqualTo("perhiasan kerajinan pakaian hias");
        assertThat(IndonesianRoots.wholeWords()).contains("kemeja", "keranjang", "perhiasan").doesNotContain("hiasan");
    }

    @Test
    void wordsItDoesNotKnowStayAsWritten() {
        assertThat(roots.of("Tote Bag ketak")).isEqualTo("tote bag ketak");
        assertThat(roots.of("melati")).isEqualTo("melati");
    }

}
