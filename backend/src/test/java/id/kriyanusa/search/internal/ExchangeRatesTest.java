package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ExchangeRatesTest {

    /** The setting README names, one currency changed and the others as usual. */
    @Test
    void aRateIsSetByItsCurrencyCodeAndTheOthersStayAsUsual() {
        var settings = new MapConfigurationPropertySource(Map.of("kriyanusa.search.rupiah-per.jpy", "104.5"));

        var rates = new Binder(settings).bind("kriyanusa.search", ExchangeRates.class).get().rupiahPer();

        assertThat(rates).containsEntry("jpy", new BigDecimal("104.5"))
            .containsEntry("usd", ExchangeRates.USUAL.get("usd"));
    }

}
