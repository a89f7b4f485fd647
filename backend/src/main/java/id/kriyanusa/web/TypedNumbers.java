package id.kriyanusa.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.search.Rupiah;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Numbers in the pages' forms, read and shown in the page's language. Whole numbers
 * (rupiah, pieces, days, grams) have no fractions, so in either language a dot or a comma
 * before exactly three digits groups thousands: "1.200" and "1,200" are both twelve
 * hundred, "125.500", "125500" and "Rp 125.500,-" are 125500 rupiah (so are "125,5 rb"
 * and "125.500 ribu": prices are read as search reads them), and "12.5" is no count.
 * Lengths take the page's decimal separator ("12,5" cm in Indonesian, "12.5" in English);
 * the other one before one or two digits is a decimal too, before three it groups. Shown
 * as the page's language writes them: "1.200" and "12,5" in Indonesian, "1,200" and
 * "12.5" in English. Each reading method answers null for a blank field and throws
 * {@link NumberFormatException} for anything else that is not such a number.
 */
final class TypedNumbers {

    /**
     * Digits, optionally grouped by thousands with dots or commas: 125500, 125.500 or
     * 125,500.
     */
    private static final Pattern WHOLE = Pattern.compile("\\d{1,3}(?:([.,])\\d{3})(?:\\1\\d{3})*|\\d+");

    /** A length: a whole number, or one with decimals after a comma or a dot. */
    private static final Pattern DECIMAL = Pattern.compile("(\\d{1,7})(?:([,.])(\\d{1,3}))?");

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

    /** A count (pieces, days, grams), thousands optionally grouped. */
    static Integer count(String typed) {
        var text = compact(typed);
        return text == null ? null : whole(text);
    }

    /**
     * A length, with the page's decimal separator (or the other before one or two
     * digits).
     */
    static Double decimal(String typed) {
        var text = compact(typed);
        if (text == null) {
            return null;
        }
        var length = DECIMAL.matcher(text);
        if (!length.matches()) {
            throw new NumberFormatException("Not a length: " + text);
        }
        if (length.group(2) == null) {
            return Double.valueOf(text);
        }
        var grouping = length.group(3).length() == 3 && length.group(2).charAt(0) != decimalSeparator();
        return Double.valueOf(length.group(1) + (grouping ? "" : ".") + length.group(3));
    }

    /**
     * A number the way the page's language writes it: 125500 as "125.500" (Indonesian) or
     * "125,500" (English), 12.5 as "12,5" or "12.5"; empty for none.
     */
    static String shown(Number number) {
        if (number == null) {
            return "";
        }
        if (number instanceof Integer || number instanceof Long) {
            return String.format(language(), "%,d", number.longValue());
        }
        return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString().replace('.', decimalSeparator());
    }

    /** The page's language for numbers: English, or else Indonesian. */
    private static Locale language() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.ENGLISH
                : AddressLanguage.INDONESIAN;
    }

    private static char decimalSeparator() {
        return language() == Locale.ENGLISH ? '.' : ',';
    }

    private static Integer whole(String text) {
        if (!WHOLE.matcher(text).matches()) {
            throw new NumberFormatException("Not a whole number: " + text);
        }
        var digits = text.replaceAll("[.,]", "");
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
