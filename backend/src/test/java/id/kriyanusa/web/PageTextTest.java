package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The links a producer's inbox offers to answer a buyer on the number they gave, and
 * dates as visitors read them.
 */
class PageTextTest {

    final PageText text = new PageText(craftWords(), null);

    private static MessageSource craftWords() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasename("i18n/craft-words");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @Test
    void materialsAndTechniquesReadInEnglishOnEnglishPages() {
        try {
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(text.craftWord("tanah liat")).isEqualTo("clay");
            assertThat(text.craftWord("Benang  Katun ")).isEqualTo("cotton yarn");
            assertThat(text.craftWord("putar")).isEqualTo("wheel-thrown");
            assertThat(text.craftWord("kayu kedondong")).as("a word not listed, as written")
                .isEqualTo("kayu kedondong");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
            assertThat(text.craftWord("tanah liat")).isEqualTo("tanah liat");
        }
        finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void indonesianMobileNumbersChatAndCallWithTheirCountryCode() {
        for (var typed : new String[] { "0819-0722-5678", "+62 819 0722 5678", "62819.0722.5678" }) {
            assertThat(text.whatsappChat(typed)).as(typed).isEqualTo("https://wa.me/6281907225678");
            assertThat(text.telephone(typed)).as(typed).isEqualTo("tel:+6281907225678");
        }
    }

    @Test
    void otherNumbersAreCalledAsTypedAndChatOnlyWithACountryCode() {
        assertThat(text.whatsappChat("+44 7700 900123")).isEqualTo("https://wa.me/447700900123");
        assertThat(text.telephone("+44 7700 900123")).isEqualTo("tel:+447700900123");
        assertThat(text.whatsappChat("0370-631234")).as("a Mataram landline").isNull();
        assertThat(text.telephone("0370-631234")).isEqualTo("tel:0370631234");
    }

    @Test
    void datesReadDayFirstInBothLanguages() {
        try {
            LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
            assertThat(text.date("2026-12-05")).isEqualTo("5 Des 2026");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(text.date("2026-12-05")).as("not the American Dec 5, 2026").isEqualTo("5 Dec 2026");
            assertThat(text.month("2026-05")).isEqualTo("May 2026");
            LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
            assertThat(text.month("2026-05")).isEqualTo("Mei 2026");
        }
        finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    /**
     * 16:45 UTC on 6 December is 00:45 on 7 December in NTB (WITA), where producers,
     * staff and buyers read every date and time.
     */
    @Test
    void momentsReadOnNtbsClock() {
        try {
            LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
            assertThat(text.date("2026-12-06T16:45:00Z")).isEqualTo("7 Des 2026");
            assertThat(text.date(OffsetDateTime.parse("2026-12-06T16:44:59Z"))).isEqualTo("7 Des 2026");
            assertThat(text.date("2026-12-06T15:59:59Z")).as("still the 6th in NTB").isEqualTo("6 Des 2026");
            assertThat(text.dateTime(Instant.parse("2026-12-06T16:45:00Z"))).isEqualTo("7 Des 2026 00:45 WITA");
            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(text.dateTime("2026-12-06T16:45:00.123Z")).isEqualTo("7 Dec 2026 00:45 WITA");
        }
        finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

}
