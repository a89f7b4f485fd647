package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypedNumbersTest {

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

    @Test
    void lengthsTakeACommaForTheirDecimals() {
        assertThat(TypedNumbers.decimal("12,5")).isEqualTo(12.5);
        assertThat(TypedNumbers.decimal("12.5")).isEqualTo(12.5);
        assertThat(TypedNumbers.decimal("30")).isEqualTo(30.0);
        assertThatThrownBy(() -> TypedNumbers.decimal("12,5 cm")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void numbersAreShownAsTheyAreTyped() {
        assertThat(TypedNumbers.shown(125_500)).isEqualTo("125.500");
        assertThat(TypedNumbers.shown(12.5)).isEqualTo("12,5");
        assertThat(TypedNumbers.shown(18.0)).isEqualTo("18");
        assertThat(TypedNumbers.shown(null)).isEmpty();
    }

}
