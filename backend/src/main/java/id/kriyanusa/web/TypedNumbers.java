package id.kriyanusa.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.search.Rupiah;

/**
 * Numbers as Indonesians type them into the pages' forms: a dot groups thousands and a
 * comma starts the decimals, so "125.500", "125500" and "Rp 125.500,-" are 125500 rupiah
 * (so are "125,5 rb" and "125.500 ribu": prices are read as search reads them) and "12,5"
 * is 12.5 centimetres. Each method answers null for a blank field and throws
 * {@link NumberFormatException} for anything else that is not such a number.
 */
final class TypedNumbers {

    /** Digits, optionally grouped by thousands with dots: 125500 or 125.500. */
    private static final Pattern WHOLE = Pattern.compile("\\d{1,3}(\\.\\d{3})+|\\d+");

    /** Centimetres: a whole number, or one with decimals after a comma (or a dot). */
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,7}([,.]\\d{1,3})?");

    private TypedNumbers() {
    }

    /**
     * What {@code reader} (one of the methods here) makes of a form's field, or null when
     * it is no such number: then an INVALID user error at the field's API path
     * ({@code field}) joins {@code unreadable}, for the page to say beside the field.
     */
    static <T> T read(String field, String typed, Function<String, T> reader, List<UserError> unreadable) {
        try {
            return reader.apply(typed);
        }
        catch (NumberFormatException e) {
            unreadable.add(UserError.of(field, UserErrorCode.INVALID, "Not a number as the form expects"));
            return null;
        }
    }

    /** Whole rupiah, at most what the API's Int holds. */
    static Integer rupiah(String typed) {
        return Rupiah.read(typed);
    }

    /** A count (pieces, days, grams), thousands optionally grouped with dots. */
    static Integer count(String typed) {
        var text = compact(typed);
        return text == null ? null : whole(text);
    }

    /** A length with a comma (or dot) for the decimals. */
    static Double decimal(String typed) {
        var text = compact(typed);
        if (text == null) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new NumberFormatException("Not a length: " + text);
        }
        return Double.valueOf(text.replace(',', '.'));
    }

    /** A number the way the forms show it: 125500 as "125.500", 12.5 as "12,5". */
    static String shown(Number number) {
        if (number == null) {
            return "";
        }
        if (number instanceof Integer || number instanceof Long) {
            return String.format(Locale.forLanguageTag("id-ID"), "%,d", number.longValue());
        }
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static Integer whole(String text) {
        if (!WHOLE.matcher(text).matches()) {
            throw new NumberFormatException("Not a whole number: " + text);
        }
        var digits = text.replace(".", "");
        // beyond what the API's Int holds, like any other number out of its range
        return digits.length() > 10 ? Integer.MAX_VALUE : (int) Math.min(Long.parseLong(digits), Integer.MAX_VALUE);
    }

    private static String compact(String typed) {
        if (typed == null) {
            return null;
        }
        var text = typed.replaceAll("[\\s\\u00a0]+", "");
        return text.isEmpty() ? null : text;
    }

}
