package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import id.kriyanusa.search.internal.OtherNames.Name;
import org.junit.jupiter.api.Test;

class OtherNamesTest {

    private final OtherNames otherNames = new OtherNames();

    @Test
    void aThingsOtherNamesAndItsKindAreFound() {
        var found = otherNames.of("purse");

        assertThat(found).containsOnlyKeys("purse");
        assertThat(found.get("purse")).contains(new Name("handbag", false), new Name("container", true));
        assertThat(words(otherNames.of("case").get("case"))).contains("container")
            .doesNotContain("shell", "pillowcase");
    }

    @Test
    void onlySensesOfThingsCount() {
        var pitcher = words(otherNames.of("pitcher").get("pitcher"));

        assertThat(pitcher).contains("ewer").doesNotContain("hurler", "twirler", "ballplayer");
    }

    @Test
    void theLongestNameWinsAndPluralsAreRead() {
        var found = otherNames.of("cheap tote bags");

        assertThat(found).containsOnlyKeys("tote", "bags");
        assertThat(found.get("tote")).isEqualTo(found.get("bags"));
        assertThat(words(found.get("tote"))).contains("carryall");
    }

    @Test
    void indonesianThingsHaveTheirOtherNamesReadBothWays() {
        assertThat(words(otherNames.of("nyiru").get("nyiru"))).contains("tampah");
        // "kemeja" lists "hem"; "hem" has no entry of its own
        assertThat(words(otherNames.of("baju hem").get("hem"))).contains("kemeja");
        assertThat(otherNames.of("nyiru").get("nyiru")).noneMatch(Name::kind);
    }

    @Test
    void onlyTheCommonestSenseOfAnIndonesianThingCounts() {
        assertThat(words(otherNames.of("kursi").get("kursi"))).contains("bangku").doesNotContain("jabatan", "pangkat");
    }

    @Test
    void senseLinesWrittenLooselyStillCount() throws Exception {
        var thesaurus = IndonesianThesaurus.read(new BufferedReader(new StringReader("""
                ISO8859-1
                lampit|2
                [N]|tikar rotan|amben
                [n]|kasur
                baki|1
                [n]nampan|talam
                angin|1
                angin besar|badai
                """)));

        assertThat(thesaurus.namesOf("lampit")).containsExactly("tikar rotan", "amben");
        assertThat(thesaurus.namesOf("baki")).containsExactly("nampan", "talam");
        // a sense without a part of speech is not known to name a thing
        assertThat(thesaurus.namesOf("angin")).isEmpty();
    }

    @Test
    void aThesaurusCutShortIsNotReadAsWhole() {
        assertThatIOException().isThrownBy(() -> IndonesianThesaurus
            .read(new BufferedReader(new StringReader("ISO8859-1\nlampit|2\n[n]|tikar\n"))));
    }

    @Test
    void wordsNamingNoThingAreLeftOut() {
        assertThat(otherNames.of("cheap murah")).isEmpty();
    }

    private static List<String> words(List<Name> names) {
        return names.stream().map(Name::words).toList();
    }

}
