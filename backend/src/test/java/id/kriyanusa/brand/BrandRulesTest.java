package id.kriyanusa.brand;

import static org.assertj.core.api.Assertions.assertThat;

import id.kriyanusa.brand.internal.BrandRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WhatsApp numbers as producers type them, normalised to the E.164 form buyers' phones
 * dial.
 */
class BrandRulesTest {

    @ParameterizedTest
    @CsvSource({ "081234567890, +6281234567890", "0812-3456-7890, +6281234567890", "+62 812 3456 7890, +6281234567890",
            "6281234567890, +6281234567890", "0811234567, +62811234567", "0812345678901, +62812345678901", })
    void indonesianMobileNumbersAreNormalised(String typed, String stored) {
        assertThat(BrandRules.normaliseWhatsapp(typed)).contains(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0812", "081234567", "08123456789012", "0215551234", "+6221555123", "+6181234567890",
            "08123abc890", "" })
    void otherNumbersAreRefused(String typed) {
        assertThat(BrandRules.normaliseWhatsapp(typed)).isEmpty();
    }

}
