package id.kriyanusa.web;

import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Certificates as pages show them, called by templates as {@code @certificateNumbers}:
 * the kind's name, then the number. Producers often type the number as printed, "SNI
 * 7275:2008", which after the kind read "SNI SNI 7275:2008"; the page leaves out the
 * repeated kind while the number stays stored as typed.
 */
@Component("certificateNumbers")
public class CertificateNumbers {

    /**
     * What separates a repeated kind from the number: spaces, a colon, a dot or a dash.
     */
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s:.\\-–]+");

    /**
     * The number without a leading repetition of its kind (HALAL, SNI, PIRT, HKI), as
     * typed otherwise; null for none.
     */
    public String shown(String kind, String number) {
        if (number == null || kind == null || "OTHER".equals(kind)) {
            return number;
        }
        var typed = number.strip();
        var prefix = kind.toUpperCase(Locale.ROOT);
        if (typed.length() <= prefix.length() || !typed.toUpperCase(Locale.ROOT).startsWith(prefix)
                || Character.isLetterOrDigit(typed.charAt(prefix.length()))) {
            return number;
        }
        var rest = SEPARATOR.matcher(typed.substring(prefix.length())).replaceFirst("");
        return rest.isEmpty() ? number : rest;
    }

}
