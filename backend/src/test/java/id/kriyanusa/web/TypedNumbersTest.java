package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

class TypedNumbersTest {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    @Test
    void rupiahAreReadWithOrWithoutTheirDotsAndDecorations() {
        for (var typed : new String[] { "125500", "125.500", "Rp 125.500", "Rp125.500,-", "rp. 125.500,00",
                " 125 500 " }) {
            assertThat(TypedNumbers.rupiah(typed)).as(typed).isEqualTo(125_500);
        }
        assertThat(TypedNumbers.rupiah("  ")).isNull();
        // as the search words read them ("di bawah 100 ribu")
        for (var typed : new String[] { "100rb", "100 ribu", "100k", "100 RB", "Rp 100 rb", "100.000 rupiah",
                "0,1 jt" }) {
            assertThat(TypedNumbers.rupiah(typed)).as(typed).isEqualTo(100_000);
        }
        assertThat(TypedNumbers.rupiah("1,5 jt")).isEqualTo(1_500_000);
        assertThat(TypedNumbers.rupiah("Rp 150.000")).isEqualTo(150_000);
        assertThat(TypedNumbers.rupiah("99.999.999.999.999")).as("beyond the API's Int, refused by its range check")
            .isEqualTo(Integer.MAX_VALUE);
        for (var typed : new String[] { "seratus ribu", "12,5", "1.25.500", "125.50", "-5", "rb", "1,2345 rb",
                "100 ribuan" }) {
            assertThatThrownBy(() -> TypedNumbers.rupiah(typed)).as(typed).isInstanceOf(NumberFormatException.class);
        }
    }

    /**
     * Rupiah and counts have no fractions: a dot or a comma before three digits groups
     * thousands in either language, and anything else with a separator is refused.
     */
    @Test
    void wholeNumbersAreGroupedByADotOrACommaInEitherLanguage() {
        for (var language : List.of(INDONESIAN, Locale.ENGLISH)) {
            LocaleContextHolder.setLocale(language);
            for (var typed : new String[] { "1200", "1.200", "1,200", " 1 200 " }) {
                assertThat(TypedNumbers.count(typed)).as(typed).isEqualTo(1_200);
            }
            assertThat(TypedNumbers.count("1,250,000")).isEqualTo(1_250_000);
            for (var typed : new String[] { "405,000", "Rp 405.000", "Rp 405,000.00", "IDR 405,000" }) {
                assertThat(TypedNumbers.rupiah(typed)).as(typed).isEqualTo(405_000);
            }
            for (var typed : new String[] { "1,2", "1.20", "12.5.3", "1.200,000", "1,2000", "dua ratus" }) {
                assertThatThrownBy(() -> TypedNumbers.count(typed)).as(typed).isInstanceOf(NumberFormatException.class);
            }
            assertThatThrownBy(() -> TypedNumbers.count("20 buah")).as("grams or days take no unit")
                .isInstanceOf(NumberFormatException.class);
            for (var typed : new String[] { "405.5", "405,50", "1,200.5", "1.200,000" }) {
                assertThatThrownBy(() -> TypedNumbers.rupiah(typed)).as(typed)
                    .isInstanceOf(NumberFormatException.class);
            }
        }
    }

    @Test
    void lengthsTakeThePagesDecimalSeparator() {
        LocaleContextHolder.setLocale(INDONESIAN);
        assertThat(TypedNumbers.decimal("12,5")).isEqualTo(12.5);
        assertThat(TypedNumbers.decimal("12.5")).as("the other separator before one digit").isEqualTo(12.5);
        assertThat(TypedNumbers.decimal("1,250")).isEqualTo(1.25);
        assertThat(TypedNumbers.decimal("1.250")).isEqualTo(1250.0);
        assertThat(TypedNumbers.decimal("30")).isEqualTo(30.0);
        assertThatThrownBy(() -> TypedNumbers.decimal("12,5 cm")).isInstanceOf(NumberFormatException.class);
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(TypedNumbers.decimal("12.5")).isEqualTo(12.5);
        assertThat(TypedNumbers.decimal("12,5")).isEqualTo(12.5);
        assertThat(TypedNumbers.decimal("1.250")).isEqualTo(1.25);
        assertThat(TypedNumbers.decimal("1,250")).isEqualTo(1250.0);
    }

    @Test
    void numbersAreShownAsThePagesLanguageWritesThem() {
        LocaleContextHolder.setLocale(INDONESIAN);
        assertThat(TypedNumbers.shown(125_500)).isEqualTo("125.500");
        assertThat(TypedNumbers.shown(12.5)).isEqualTo("12,5");
        assertThat(TypedNumbers.shown(18.0)).isEqualTo("18");
        assertThat(TypedNumbers.shown(null)).isEmpty();
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(TypedNumbers.shown(125_500)).isEqualTo("125,500");
        assertThat(TypedNumbers.shown(12.5)).isEqualTo("12.5");
    }

    @AfterEach
    void forgetTheLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

}
