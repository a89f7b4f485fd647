package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleThingTest {

    @Test
    void indonesianNamesTheThingFirstAndEnglishLast() {
        var pouch = TitleThing.of("Dompet Kecil Songket", "Small Songket Pouch, Zipped");

        assertThat(pouch.things()).containsExactly("dompet", "pouch");
        assertThat(pouch.secondWord()).isEqualTo("kecil");
        assertThat(TitleThing.of("Kain Songket Subahnale", "Subahnale Songket with Gold Thread").things())
            .containsExactly("kain", "songket");
    }

    @Test
    void whatFollowsOfNamesWhatTheThingIsMadeOf() {
        assertThat(TitleThing.of("Buku catatan sampul kertas tembakau A5", "Notebook of Tobacco-Stalk Paper").things())
            .containsExactly("buku", "notebook");
        assertThat(TitleThing.of("Kre Alang", "Kre Alang sarong of Sumbawa").things()).containsExactly("kre", "sarong");
    }

    @Test
    void countsSizesAndPacksAreNotTheThing() {
        var paper = TitleThing.of("Kertas serat batang tembakau A4 isi 10", "Tobacco-stalk paper A4, pack of 10");
        assertThat(paper.things()).containsExactly("kertas", "paper");

        var set = TitleThing.of("Set Sendok dan Centong Kayu", "Wooden Spoon and Rice Paddle Set");
        assertThat(set.things()).containsExactly("sendok", "paddle");
        assertThat(set.secondWord()).isEqualTo("centong");

        assertThat(TitleThing.of("2 Kendi Mini", "Set of 3 Bowls").things()).containsExactly("kendi", "bowls");
    }

    @Test
    void aTitleOfOneWordOrWithoutEnglishNamesWhatItCan() {
        var rimpu = TitleThing.of("Rimpu", null);

        assertThat(rimpu.things()).containsExactly("rimpu");
        assertThat(rimpu.secondWord()).isNull();
    }

}
