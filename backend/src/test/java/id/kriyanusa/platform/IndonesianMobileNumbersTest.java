package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WhatsApp numbers as producers and buyers type them, normalised to the E.164 form phones
 * dial.
 */
class IndonesianMobileNumbersTest {

    @ParameterizedTest
    @CsvSource({ "081234567890, +6281234567890", "0812-3456-7890, +6281234567890", "+62 812 3456 7890, +6281234567890",
            "6281234567890, +6281234567890", "0811234567, +62811234567", "0812345678901, +62812345678901", })
    void indonesianMobileNumbersAreNormalised(String typed, String stored) {
        assertThat(IndonesianMobileNumbers.e164(typed)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0812", "081234567", "08123456789012", "0215551234", "+6221555123", "+6181234567890",
            "08123abc890", "" })
    void otherNumbersAreRefused(String typed) {
        assertThat(IndonesianMobileNumbers.e164(typed)).isEmpty();
    }

}
