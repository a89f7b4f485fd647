package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * An inquiry's quantity keeps the unit the buyer typed it in, or is refused: never a
 * number without the unit that made it mean more ("2 kodi" read as 2).
 */
class QuantitiesTest {

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aQuantityKeepsItsUnit() {
        for (var language : List.of(TypedNumbersTest.INDONESIAN, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(language);
            for (var typed : new String[] { "1.200 buah", "1200pcs", " 1,200 Buah ", "1200 bh." }) {
                assertThat(Quantities.read(typed)).as(typed).isEqualTo(new Quantities.Quantity(1_200, "PIECE"));
            }
            assertThat(Quantities.read("20")).isEqualTo(new Quantities.Quantity(20, null));
            assertThat(Quantities.read("2 kodi")).isEqualTo(new Quantities.Quantity(2, "KODI"));
            assertThat(Quantities.read("3 Lusin")).isEqualTo(new Quantities.Quantity(3, "DOZEN"));
            assertThat(Quantities.read("5 pasang")).isEqualTo(new Quantities.Quantity(5, "PAIR"));
            assertThat(Quantities.read("4 set")).isEqualTo(new Quantities.Quantity(4, "SET"));
            assertThat(Quantities.read("10 lembar")).isEqualTo(new Quantities.Quantity(10, "SHEET"));
            assertThat(Quantities.read("25 meter")).isEqualTo(new Quantities.Quantity(25, "METRE"));
            assertThat(Quantities.read("25m")).isEqualTo(new Quantities.Quantity(25, "METRE"));
            assertThat(Quantities.read("8 kg")).isEqualTo(new Quantities.Quantity(8, "KILOGRAM"));
            assertThat(Quantities.read("6 bungkus")).isEqualTo(new Quantities.Quantity(6, "PACK"));
            assertThat(Quantities.read("2 gulung")).isEqualTo(new Quantities.Quantity(2, "ROLL"));
            assertThat(Quantities.read("  ")).isNull();
            for (var typed : new String[] { "12.5.3 buah", "buah", "20 buah 5", "1,2 pcs", "2 karung", "2,5 meter",
                    "dua kodi" }) {
                assertThatThrownBy(() -> Quantities.read(typed)).as(typed).isInstanceOf(NumberFormatException.class);
            }
        }
    }

    @Test
    void aDozenAndAKodiArePieces() {
        var quantities = new Quantities();
        assertThat(quantities.pieces(2, "KODI")).isEqualTo(40);
        assertThat(quantities.pieces(3, "DOZEN")).isEqualTo(36);
        assertThat(quantities.pieces(5, "PAIR")).isNull();
        assertThat(quantities.pieces(5, null)).isNull();
    }

}
