package id.kriyanusa.web;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.platform.IndonesianMobileNumbers;
import id.kriyanusa.platform.NtbTime;
import id.kriyanusa.search.Rupiah;
import jakarta.servlet.DispatcherType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Helpers the templates call as {@code @pageText}: the visitor's language of a bilingual
 * text, falling back to Indonesian, which every producer writes; the English of the
 * materials and techniques producers write; and WhatsApp chat and call links for a
 * number.
 */
@Component("pageText")
public class PageText {

    private final MessageSource messages;

    private final FormPages formPages;

    PageText(MessageSource messages, FormPages formPages) {
        this.messages = messages;
        this.formPages = formPages;
    }

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
     * A material or technique as a producer wrote it, in English for English visitors
     * when the craft's words ({@code i18n/craft-words}) hold it: "tanah liat" is clay,
     * "putar" wheel-thrown. Any other is shown as written.
     */
    public String craftWord(String written) {
        if (written == null || !Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())) {
            return written;
        }
        var key = "craft." + written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
        return messages.getMessage(key, null, written, Locale.ENGLISH);
    }

    /**
     * A craft a village is known for, as staff wrote it ("anyaman", "kriya tembakau"), in
     * the reader's language: for English readers the English of the category so named
     * (Basketry, Tobacco Crafts), in lower case as the tags are, else the craft's word
     * ("bambu" is bamboo), else as written.
     */
    public String speciality(String written, List<Map<String, ?>> categoryNames) {
        if (written == null || !Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage())) {
            return written;
        }
        return categoryNames.stream()
            .filter(name -> written.strip().equalsIgnoreCase(String.valueOf(name.get("indonesian"))))
            .map(name -> name.get("english"))
            .filter(english -> english instanceof String s && !s.isBlank())
            .map(english -> ((String) english).toLowerCase(Locale.ENGLISH))
            .findFirst()
            .orElseGet(() -> craftWord(written));
    }

    /**
     * The sizes a product gives (its `Dimensions`), by side in the order length, width,
     * height, each as the visitor writes it: `12,5` in Indonesian, `12.5` in English, no
     * trailing zeros. Sides not given are left out, for the page to name those given.
     */
    public Map<String, String> sizes(Map<String, ?> dimensions) {
        var sizes = new LinkedHashMap<String, String>();
        var format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMaximumFractionDigits(2);
        for (var side : List.of("lengthCm", "widthCm", "heightCm")) {
            if (dimensions != null && dimensions.get(side) instanceof Number size) {
                sizes.put(side, format.format(size));
            }
        }
        return sizes;
    }

    /**
     * This page in another language, with its query (a search and its filters) kept; an
     * error page links to the page its form was on ({@link #formPage}), or else to the
     * home page.
     */
    public String languageLink(String language) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current)) {
            return "/?lang=" + language;
        }
        var request = current.getRequest();
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            var formPage = formPages.of(request);
            return formPage == null ? "/?lang=" + language : request.getContextPath() + formPage + "?lang=" + language;
        }
        try {
            return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("lang", language)
                .build(true)
                .toUriString();
        }
        catch (IllegalArgumentException oddlyEncoded) {
            return request.getRequestURI() + "?lang=" + language;
        }
    }

    /**
     * On the error page of a refused form, the page the form was on, to go back to (a
     * path, for `@{...}`); null elsewhere.
     */
    public String formPage() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                ? formPages.of(current.getRequest()) : null;
    }

    /**
     * Whether this page has an address of its own to name (a GET, not an error page or a
     * form shown again after a refusal).
     */
    public boolean hasAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getRequest().getDispatcherType() != DispatcherType.ERROR
                && "GET".equals(current.getRequest().getMethod());
    }

    /**
     * The page's address as search engines should index it, absolute: its query without
     * the language switch, plus `lang=en` for the English version. Behind a proxy, set
     * `server.forward-headers-strategy` so the host is the public one.
     */
    public String canonicalUrl(String language) {
        var page = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang");
        if ("en".equals(language)) {
            page.queryParam("lang", "en");
        }
        return page.build(true).toUriString();
    }

    /** An absolute address of a path on this site, for link previews. */
    public String absolute(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }

    /**
     * A calendar date as the visitor reads it, `18 Agu 2025` or `18 Aug 2025`: a day as
     * the API writes it (`2025-08-18`), or the day in NTB of a moment
     * (`2025-08-17T16:45:00Z`, an instant or an offset time is 18 Aug, WITA). Day first
     * in English too, as read in Indonesia, Australia and Britain (the English locale's
     * own medium form is the American "Aug 18, 2025").
     */
    public String date(Object day) {
        if (day == null) {
            return "-";
        }
        var date = day instanceof String iso && iso.length() == 10 ? LocalDate.parse(iso) : moment(day).toLocalDate();
        return date.format(DateTimeFormatter.ofPattern("d MMM yyyy", LocaleContextHolder.getLocale()));
    }

    /**
     * Whether a day (as the API writes it) is over in NTB: a certificate valid until
     * yesterday has expired; false for none.
     */
    public boolean past(String day) {
        return day != null && LocalDate.parse(day).isBefore(NtbTime.today());
    }

    /**
     * A moment as the visitor reads it on NTB's clock, `7 Des 2026 00:45 WITA`, from the
     * API's timestamp or an instant.
     */
    public String dateTime(Object moment) {
        return moment == null ? "-" : moment(moment)
            .format(DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'WITA'", LocaleContextHolder.getLocale()));
    }

    private static ZonedDateTime moment(Object moment) {
        return NtbTime.of(moment instanceof String iso ? OffsetDateTime.parse(iso) : (TemporalAccessor) moment);
    }

    /**
     * A month as the visitor reads it, `Mar 2026` or `Mei 2026`, from the API's
     * `2026-03`.
     */
    public String month(String iso) {
        return iso == null ? "-"
                : YearMonth.parse(iso).format(DateTimeFormatter.ofPattern("MMM yyyy", LocaleContextHolder.getLocale()));
    }

    /** A price as the visitor groups it, "Rp 175.000" or "Rp 175,000"; null for none. */
    public String rupiah(Number price) {
        return price == null ? null : Rupiah.written(price.longValue(), LocaleContextHolder.getLocale());
    }

    /**
     * A count (pieces, grams) as the visitor groups it, "1.200" or "1,200"; a dash for
     * none.
     */
    public String count(Number count) {
        return count == null ? "-" : TypedNumbers.shown(count);
    }

    /**
     * A brand's link as buyers read it: an Instagram account as its `@name`, as people
     * say it, other addresses as they are.
     */
    public String socialLink(String address) {
        return BrandEditorForms.instagramName(address).map(name -> "Instagram @" + name).orElse(address);
    }

    /** The digits wa.me expects: country code and number, no plus sign. */
    public String whatsappNumber(String e164) {
        return e164 == null ? null : e164.replaceAll("[^0-9]", "");
    }

    /**
     * A chat with a number a buyer typed: an Indonesian mobile number however written
     * (0812-…, +62 812 …), or any number given with its country code; null for other
     * numbers (a landline has no WhatsApp).
     */
    public String whatsappChat(String typed) {
        var e164 = IndonesianMobileNumbers.e164(typed)
            .or(() -> Optional.ofNullable(typed).map(String::strip).filter(number -> number.startsWith("+")));
        return e164.map(number -> "https://wa.me/" + whatsappNumber(number)).orElse(null);
    }

    /**
     * A call to a number a buyer typed: Indonesian mobile numbers with their country code
     * (so they dial from abroad too), others as typed without spaces.
     */
    public String telephone(String typed) {
        if (typed == null) {
            return null;
        }
        return "tel:" + IndonesianMobileNumbers.e164(typed).orElseGet(() -> typed.replaceAll("[^+0-9]", ""));
    }

}
