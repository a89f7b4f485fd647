package id.kriyanusa.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * An inquiry's quantity as buyers type it: a whole number (read as {@link TypedNumbers}
 * reads counts) and, after it or not, a word of its unit, "20 buah", "12 pcs", "2 kodi",
 * "5 meter", read into the API's `QuantityUnit`. Words of one piece of something (buah,
 * pcs, biji, unit, botol...) are pieces; a word the form does not know is refused rather
 * than dropped, so "2 karung" never reaches the brand as "2". Called by templates as
 * {@code @quantities} for the pieces a dozen or a kodi makes.
 */
@Component("quantities")
public class Quantities {

    /** A quantity read: its number and unit (null for a plain number). */
    record Quantity(Integer count, String unit) {
    }

    /** The number, then the unit's word, an optional dot after it ("20 bh."). */
    private static final Pattern TYPED = Pattern.compile("(.*?\\d)\\s*(\\p{L}+)\\.?\\s*", Pattern.DOTALL);

    /** The unit's words, in Indonesian and English, lower case. */
    private static final Map<String, Pattern> WORDS = Map.of("PIECE",
            words("buah|bh|biji|pcs|pc|pieces?|units?|items?|potong|botol|bottles?|kotak|box(es)?"), "PAIR",
            words("pasang|pairs?"), "SET", words("sets?|stel"), "SHEET", words("lembar|lbr|helai|sheets?"), "DOZEN",
            words("lusin|dozens?|dz|doz"), "KODI", words("kodi|scores?"), "METRE", words("m|meter|metres?|meters?|mtr"),
            "KILOGRAM", words("kg|kilo|kilogram|kilograms|kgs"), "PACK", words("pak|packs?|bungkus"), "ROLL",
            words("gulung|rolls?"));

    /** How many pieces one of a unit holds, for units of a fixed number of them. */
    private static final Map<String, Integer> PIECES_EACH = Map.of("PIECE", 1, "DOZEN", 12, "KODI", 20);

    /**
     * The quantity typed, null when blank; {@link NumberFormatException} for a number
     * {@link TypedNumbers#count} refuses or a unit word the form does not know.
     */
    static Quantity read(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        var withUnit = TYPED.matcher(typed.strip());
        if (!withUnit.matches()) {
            return new Quantity(TypedNumbers.count(typed), null);
        }
        var word = withUnit.group(2).toLowerCase(Locale.ROOT);
        var unit = WORDS.entrySet()
            .stream()
            .filter(entry -> entry.getValue().matcher(word).matches())
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new NumberFormatException("Not a unit of quantity: " + word));
        return new Quantity(TypedNumbers.count(withUnit.group(1)), unit);
    }

    /**
     * The pieces {@code count} of {@code unit} make, for a unit of a fixed number of them
     * (a dozen, a kodi); else null.
     */
    public Integer pieces(Number count, String unit) {
        var each = unit == null || count == null ? null : PIECES_EACH.get(unit);
        return each == null ? null : count.intValue() * each;
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile(alternatives);
    }

}
