package id.kriyanusa.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Indonesian mobile numbers (the ones WhatsApp runs on) as people type them, in the E.164
 * form phones dial: a brand's own WhatsApp number, and the number a buyer asks to be
 * answered on.
 */
public final class IndonesianMobileNumbers {

    /**
     * An Indonesian mobile number in national form: 08, then 8 to 11 digits (10 to 13
     * digits in all).
     */
    private static final Pattern NATIONAL_MOBILE = Pattern.compile("^08[0-9]{8,11}$");

    private IndonesianMobileNumbers() {
    }

    /**
     * An Indonesian mobile number in E.164 form (`+628…`), from `08…`, `628…` or `+628…`
     * with any spaces, dots or hyphens; empty when it is not one.
     */
    public static Optional<String> e164(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        var compact = typed.replaceAll("[\\s.()\\-]", "");
        String national;
        if (compact.startsWith("+62")) {
            national = "0" + compact.substring(3);
        }
        else if (compact.startsWith("62")) {
            national = "0" + compact.substring(2);
        }
        else {
            national = compact;
        }
        if (!NATIONAL_MOBILE.matcher(national).matches()) {
            return Optional.empty();
        }
        return Optional.of("+62" + national.substring(1));
    }

}
