package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A completion marks the part of each word that a word typed begins, and nothing a
 * brand's name could smuggle into the page.
 */
class CompletionsTest {

    @Test
    void marksTheTypedStartOfEachWordIgnoringCaseAndAccents() {
        assertThat(Completions.highlighted("Lombok Tengah", Words.of("lom te")))
            .isEqualTo("<em>Lom</em>bok <em>Te</em>ngah");
        assertThat(Completions.highlighted("Tenun Éndah", Words.of("end"))).isEqualTo("Tenun <em>Énd</em>ah");
        // a word typed marks word starts only, not the middle of a word
        assertThat(Completions.highlighted("Anyaman", List.of("man"))).isEqualTo("Anyaman");
    }

    @Test
    void escapesTheTextAroundTheMarks() {
        assertThat(Completions.highlighted("Kopi & <b>Kriya</b>", Words.of("kri")))
            .isEqualTo("Kopi &amp; &lt;b&gt;<em>Kri</em>ya&lt;/b&gt;");
    }

}
