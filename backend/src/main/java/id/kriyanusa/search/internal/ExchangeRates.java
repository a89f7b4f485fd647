package id.kriyanusa.search.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What a unit of the foreign money visitors price in is worth in rupiah, by currency
 * code, for prices typed in it ("basket under $20", "under 3000 yen"):
 * {@code kriyanusa.search.rupiah-per.usd=16500}. A currency not configured keeps its
 * usual rate here, of late 2026; a chip shows the amount as typed beside the rupiah, so a
 * buyer sees what it was read as.
 *
 * @param rupiahPer rupiah per unit, by lower-case ISO 4217 code
 */
@ConfigurationProperties("kriyanusa.search")
record ExchangeRates(Map<String, BigDecimal> rupiahPer) {

    static final Map<String, BigDecimal> USUAL = Map.of("usd", BigDecimal.valueOf(16_500), "eur",
            BigDecimal.valueOf(19_000), "aud", BigDecimal.valueOf(10_800), "myr", BigDecimal.valueOf(3_700), "sgd",
            BigDecimal.valueOf(12_700), "gbp", BigDecimal.valueOf(22_000), "jpy", BigDecimal.valueOf(108), "krw",
            new BigDecimal("11.5"), "cny", BigDecimal.valueOf(2_300));

    ExchangeRates {
        var rates = new HashMap<>(USUAL);
        if (rupiahPer != null) {
            rates.putAll(rupiahPer);
        }
        rates.forEach((code, rate) -> {
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("kriyanusa.search.rupiah-per." + code + " must be above 0");
            }
        });
        rupiahPer = Map.copyOf(rates);
    }

}
