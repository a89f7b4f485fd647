package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A certificate's number typed with its kind shows the kind once; other numbers as typed.
 */
class CertificateNumbersTest {

    private final CertificateNumbers numbers = new CertificateNumbers();

    @Test
    void aRepeatedKindIsLeftOut() {
        assertThat(numbers.shown("SNI", "SNI 7275:2008")).isEqualTo("7275:2008");
        assertThat(numbers.shown("PIRT", "pirt: 2065201010123-27")).isEqualTo("2065201010123-27");
        assertThat(numbers.shown("HALAL", "Halal ID52110000123")).isEqualTo("ID52110000123");
    }

    @Test
    void otherNumbersStayAsTyped() {
        assertThat(numbers.shown("SNI", "7275:2008")).isEqualTo("7275:2008");
        assertThat(numbers.shown("SNI", "SNI7275")).as("no separator: part of the number").isEqualTo("SNI7275");
        assertThat(numbers.shown("SNI", "SNI")).as("nothing but the kind").isEqualTo("SNI");
        assertThat(numbers.shown("OTHER", "OTHER 12")).isEqualTo("OTHER 12");
        assertThat(numbers.shown("HKI", null)).isNull();
    }

}
