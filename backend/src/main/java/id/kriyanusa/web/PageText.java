package id.kriyanusa.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Helpers the templates call as {@code @pageText}: the visitor's language of a bilingual
 * text, falling back to Indonesian, which every producer writes; and a WhatsApp chat link
 * for an Indonesian mobile number.
 */
@Component("pageText")
public class PageText {

    /** The English text for English visitors when there is one, else the Indonesian. */
    public String pick(Map<String, ?> text) {
        if (text == null) {
            return null;
        }
        var en = text.get("english");
        if (Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage()) && en instanceof String s
                && !s.isBlank()) {
            return s;
        }
        return (String) text.get("indonesian");
    }

    /**
     * A measure as the visitor writes it: `12,5` in Indonesian, `12.5` in English, no
     * trailing zeros; a dash when there is none.
     */
    public String decimal(Number value) {
        if (value == null) {
            return "-";
        }
        var format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    /**
     * A calendar date as the visitor reads it, `18 Agu 2025` or `18 Aug 2025`, from the
     * API's ISO form.
     */
    public String date(String iso) {
        if (iso == null) {
            return "-";
        }
        return LocalDate.parse(iso)
            .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale()));
    }

    /** The digits wa.me expects: country code and number, no plus sign. */
    public String whatsappNumber(String e164) {
        return e164 == null ? null : e164.replaceAll("[^0-9]", "");
    }

}
