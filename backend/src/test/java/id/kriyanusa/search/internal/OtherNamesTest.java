package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;

import id.kriyanusa.search.internal.OtherNames.Name;
import id.kriyanusa.search.internal.OtherNames.Relation;
import org.junit.jupiter.api.Test;

class OtherNamesTest {

    private final OtherNames otherNames = new OtherNames();

    @Test
    void aThingsOtherNamesAndItsKindAreFound() {
        var found = otherNames.of("purse");

        assertThat(found).containsOnlyKeys("purse");
        assertThat(found.get("purse")).contains(new Name("handbag", Relation.SAME),
                new Name("container", Relation.KIND));
        assertThat(words(otherNames.of("case").get("case"))).contains("container")
            .doesNotContain("shell", "pillowcase");
        // a bag is not a baseball base, a plate not home plate (rare senses, a sport's)
        assertThat(words(otherNames.of("bag").get("bag"))).doesNotContain("base");
        assertThat(words(otherNames.of("plate").get("plate"))).doesNotContain("home plate", "home base");
    }

    /**
     * WordNet knows "wooden spoon" only as a kind of booby prize: the spoons of wood keep
     * the names of a spoon, so an Indonesian "sendok kayu" is found.
     */
    @Test
    void aNameOfSeveralWordsKnownOnlyByItsKindLeavesItsWordsTheirNames() {
        var found = otherNames.of("wooden spoons");

        assertThat(words(found.get("spoons"))).contains("sendok").doesNotContain("booby prize");
    }

    @Test
    void theFoodCategoriesAreToldFromTheCraftsByTheirEnglishNames() {
        assertThat(List.of("Processed Foods", "Coffee", "Honey", "Snacks and Biscuits", "Herbal Drinks"))
            .allMatch(otherNames::isFood);
        assertThat(List.of("Tobacco Crafts", "Pottery", "Weaving", "Basketry", "Woodcraft", "Jewellery",
                "Leather Goods", "Batik and Eco-print", "Metalcraft", "Jugs and Teapots", "Clay Kitchenware",
                "Cukli Mother-of-Pearl Inlay", "Woven Tobacco-Leaf Goods", "Tea Towels", "Natural-Dye Textiles"))
            .noneMatch(otherNames::isFood);
    }

    @Test
    void wordsNamingThingsMadeAreToldFromFoods() {
        assertThat(List.of(List.of("bag"), List.of("tas"), List.of("gelang", "perak"), List.of("tote", "bag")))
            .allMatch(otherNames::nameThingsMade);
        // a food, a word with a food's sense, a thing of food, and a word no lexicon
        // knows
        assertThat(
                List.of(List.of("kopi"), List.of("madu"), List.of("chips"), List.of("tas", "kopi"), List.of("zqxwv")))
            .noneMatch(otherNames::nameThingsMade);
    }

    @Test
    void theKindsOfAThingAreReadUpToTwoStepsAndInIndonesian() {
        // a table is furniture (mebel); a chair a seat, and so furniture
        assertThat(otherNames.kindsOf(List.of("meja"))).contains("furniture", "mebel");
        assertThat(otherNames.kindsOf(List.of("kursi"))).contains("seat", "furniture");
        assertThat(otherNames.kindsOf(List.of("sandal"))).contains("shoe", "footwear", "alas kaki");
        // "tas" is not the plural of "ta" (tantalum), so no metal
        assertThat(otherNames.kindsOf(List.of("tas"))).doesNotContain("metal");
    }

    @Test
    void wordsALexiconKnowsAreNotTakenForMisspellings() {
        // the outside tester's "did you mean": photo frame -> poto from, belt -> bulat
        assertThat(List.of("photo", "frame", "frames", "belt", "sash", "neck")).allMatch(otherNames::isKnownWord);
        assertThat(List.of("gerabah", "keranjang", "cangkir")).allMatch(otherNames::isKnownWord);
        assertThat(List.of("gerabh", "songkte", "kranjangg", "necklce")).noneMatch(otherNames::isKnownWord);
        // the vocabulary's words, its regional ones too, and the misspellings it maps
        // ("necklase" is a necklace) need no correction
        assertThat(List.of("kereng", "tikeh", "necklase", "towe", "ketjap", "pendaringan", "taburet", "glugu", "crorot",
                "butang", "sketsel", "kuker", "teuweul"))
            .allMatch(otherNames::isKnownWord);
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
    void theThesaurusGroupsThingsAlikeWhileATranslationIsTheSame() {
        // a guci is an urn, a tempayan a water jar: like a kendi (jug), not one
        assertThat(otherNames.of("kendi").get("kendi")).contains(new Name("guci", Relation.ALIKE),
                new Name("tempayan", Relation.ALIKE), new Name("jug", Relation.SAME));
    }

    @Test
    void everydayNounsAreTranslatedBothWays() {
        assertThat(words(otherNames.of("fish").get("fish"))).contains("ikan");
        assertThat(words(otherNames.of("bayi").get("bayi"))).contains("baby");
        assertThat(words(otherNames.of("talenan").get("talenan"))).contains("chopping board");
        var savings = otherNames.of("piggy bank");
        assertThat(words(savings.get("piggy"))).contains("celengan");
    }

    @Test
    void anEnglishPluralIsTranslatedAsItsSingular() {
        assertThat(words(otherNames.of("earrings").get("earrings"))).contains("subang");
        assertThat(words(otherNames.of("woven baskets").get("baskets"))).contains("keranjang", "bakul");
    }

    @Test
    void aDictionaryReadsEachSensesTranslationsOfNounsOnly() throws Exception {
        var dictionary = EnglishIndonesianDictionary.read(new BufferedReader(new StringReader("""
                basket //ˈbæskɪt// <n>
                1. keranjang 2.
                basketball: act of putting the ball through the basket
                 3.
                basketball: hoop from which a net is suspended
                2. bakul, keranjang
                container
                fish //fɪʃ// <n>
                ikan 2.
                cold-blooded vertebrate
                weave //wiːv// <v>
                menenun, menganyam
                to form something by passing lengthwise strands over and under crosswise strands
                motive /ˈməʊtɪv/ <n>
                alasan, motif
                a reason for doing something
                excursion /ɪkˈskɜːʃən/ <n>
                darmawisata
                a brief recreational trip
                excuse me /ɪkˈskjuːz miː/ <phraseologicalUnit>
                1. permisi
                request to pass
                2. maafkan saya
                sorry
                """)));

        assertThat(dictionary.translationsOf("basket")).containsExactly("keranjang", "bakul");
        assertThat(dictionary.translationsOf("keranjang")).containsExactly("basket");
        // the number left at a line's end opens the next sense, and is no word of it
        assertThat(dictionary.translationsOf("fish")).containsExactly("ikan");
        // what a gloss says is no translation
        assertThat(dictionary.translationsOf("container")).isEmpty();
        assertThat(dictionary.translationsOf("weave")).isEmpty();
        // read back, only a sense's first word: a motif is a pattern, not a motive
        assertThat(dictionary.translationsOf("alasan")).containsExactly("motive");
        assertThat(dictionary.translationsOf("motif")).isEmpty();
        // a phrase is no sense of the noun before it
        assertThat(dictionary.translationsOf("excursion")).containsExactly("darmawisata");
        assertThat(dictionary.translationsOf("permisi")).isEmpty();
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
