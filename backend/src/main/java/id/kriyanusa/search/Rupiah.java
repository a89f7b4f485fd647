package id.kriyanusa.search;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Amounts of rupiah as Indonesians write them. Read: "150000", "150.000", "Rp 150.000,-",
 * "150rb", "150 ribu", "150k", "1,5 jt", "IDR 2 juta", one reading for the conditions
 * typed into a search ("di bawah 75 ribu") and for the price boxes of the pages, so a
 * price understood in one is understood in the other. Rupiah have no fractions, so in
 * either language a dot or a comma before exactly three digits groups thousands: "1.200"
 * and "1,200" are both twelve hundred. Written: in rupiah in every language, as
 * Indonesian shops price in rupiah, grouped as the reader groups: "Rp 175.000" in
 * Indonesian, "Rp 175,000" in English, on chips, cards and messages alike.
 */
public final class Rupiah {

    /**
     * A number as typed: digits, with dots or commas grouping thousands (75.000,
     * 1,250,000) or starting decimals (1,5).
     */
    public static final String NUMBER = "(\\d+(?:[.,]\\d+)*)";

    /**
     * A word for thousands or millions after a number: Indonesian, Sundanese ("rebu"),
     * Javanese ("ewu", "yuta") and English.
     */
    public static final String UNIT = "(ribu|rebu|rbu|rb|ewu|k|jt|juta|yuta|m|mio|thousand|million)";

    private static final Map<String, Long> UNITS = Map.ofEntries(Map.entry("ribu", 1_000L), Map.entry("rebu", 1_000L),
            Map.entry("ewu", 1_000L), Map.entry("yuta", 1_000_000L), Map.entry("rbu", 1_000L), Map.entry("rb", 1_000L),
            Map.entry("k", 1_000L), Map.entry("thousand", 1_000L), Map.entry("jt", 1_000_000L),
            Map.entry("juta", 1_000_000L), Map.entry("m", 1_000_000L), Map.entry("mio", 1_000_000L),
            Map.entry("million", 1_000_000L));

    /** A whole amount in a box, spaces removed: [Rp|IDR] number [unit]. */
    private static final Pattern AMOUNT = Pattern.compile("(?:rp\\.?|idr)?" + NUMBER + UNIT + "?");

    /**
     * What shops write after a price: ",-" or ",00" (".00" in English), "rupiah" or
     * "IDR".
     */
    private static final Pattern TRAILING_DECORATION = Pattern.compile("([.,](-|0{1,2})|rupiah|idr)$");

    private static final BigDecimal LARGEST = BigDecimal.valueOf(Integer.MAX_VALUE);

    private Rupiah() {
    }

    /**
     * The whole rupiah typed into a price box, at most what the API's Int holds (larger
     * amounts come back as that, for the API's range check to refuse); null for a blank
     * box.
     * @throws NumberFormatException when the text is not an amount of whole rupiah
     */
    public static Integer read(String typed) {
        if (typed == null) {
            return null;
        }
        var text = typed.replaceAll("[\\s\\u00a0]+", "").toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return null;
        }
        var amount = AMOUNT.matcher(TRAILING_DECORATION.matcher(text).replaceAll(""));
        // one kind of separator: "1.200,000" is a typing slip, not twelve hundred
        // thousand
        if (!amount.matches() || amount.group(1).contains(".") && amount.group(1).contains(",")) {
            throw new NumberFormatException("Not an amount of rupiah: " + typed);
        }
        var value = value(amount.group(1), amount.group(2));
        if (value.stripTrailingZeros().scale() > 0) {
            throw new NumberFormatException("Not whole rupiah: " + typed);
        }
        return value.min(LARGEST).intValueExact();
    }

    /**
     * An amount as pages and messages show it to a reader of {@code language}: "Rp
     * 175.000", or "Rp 175,000" in English.
     */
    public static String written(long rupiah, Locale language) {
        var grouped = String.format(Locale.ROOT, "%,d", rupiah);
        return "Rp "
                + (Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? grouped : grouped.replace(',', '.'));
    }

    /**
     * The amount a number and its unit (null for none) state, as written.
     * @throws NumberFormatException when the number's separators make no sense (1.25.500)
     */
    public static BigDecimal value(String number, String unit) {
        BigDecimal value;
        if (number.matches("\\d{1,3}([.,]\\d{3})+")) {
            // 75.000 or 1,250,000: separators of thousands
            value = new BigDecimal(number.replaceAll("[.,]", ""));
        }
        else {
            value = new BigDecimal(number.replace(',', '.'));
        }
        return unit == null ? value : value.multiply(BigDecimal.valueOf(UNITS.get(unit)));
    }

}
