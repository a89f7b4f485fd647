package id.kriyanusa.platform.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import id.kriyanusa.platform.NtbTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Mail to one person: plain text and simple HTML from the Thymeleaf templates
 * {@code templates/mail/<name>.txt} and {@code .html}, with the texts of the bundle
 * {@code i18n/mail}, once in Indonesian and once in English below it (or the other way
 * round for someone who uses the site in English), whose links to the site's pages open
 * them in the reader's language. Composed when it is asked for and kept with the
 * transaction that asked for it (a {@link MailAsked} in the event publication registry),
 * then sent over SMTP ({@code spring.mail.*}; locally the GreenMail that the local
 * services start) by {@link MailDelivery} once that transaction commits, on a thread of
 * its own: a slow or absent mail server never holds up nor undoes a sign-up or an
 * invitation, a mail that could not leave is sent again until it does, and a transaction
 * that fails sends nothing.
 */
@Component
public class Mailer {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final ApplicationEventPublisher events;

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    private final MessageSource messages;

    private final String siteUrl;

    Mailer(ApplicationEventPublisher events, MessageSource messages,
            @Value("${kriyanusa.site-url:http://localhost:${server.port:8080}}") String siteUrl) {
        this.events = events;
        this.messages = messages;
        this.siteUrl = siteUrl.replaceAll("/+$", "");
        templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html"));
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt"));
        templates.setTemplateEngineMessageSource(messages);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern) {
        var resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        return resolver;
    }

    /**
     * The absolute address of a page for a link in a mail: from the configured
     * {@code kriyanusa.site-url}, never from a request's Host header, which a visitor
     * could set to their own site to receive someone else's reset link. Unset, as in
     * local runs, it is this machine on the portal's own port.
     */
    public String link(String path) {
        return siteUrl + path;
    }

    /**
     * Sends the mail {@code templates/mail/<template>} to {@code to} when the current
     * transaction commits (when the one this opens commits, without one).
     * @param language the reader's language, whose text comes first and in which the
     * site's pages among the {@code variables} (made with {@link #link}) open; null when
     * it is not known, for Indonesian
     */
    @Transactional
    public void send(String to, String template, Map<String, ?> variables, Locale language) {
        events.publishEvent(compose(to, template, variables, language));
    }

    private MailAsked compose(String to, String template, Map<String, ?> typed, Locale language) {
        var first = "en".equals(language == null ? null : language.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
        var variables = onNtbClock(first == Locale.ENGLISH ? inEnglish(typed) : typed);
        var languages = List.of(first, first == INDONESIAN ? Locale.ENGLISH : INDONESIAN);
        var subject = String.join(" / ",
                languages.stream()
                    .map(locale -> messages.getMessage("mail." + template + ".subject", null, locale))
                    .toList());
        var texts = languages.stream()
            .map(locale -> templates.process(template + ".txt", context(locale, variables)).strip())
            .toList();
        var parts = languages.stream()
            .map(locale -> templates.process(template + ".html", context(locale, variables)))
            .toList();
        var letter = new LinkedHashMap<String, Object>();
        letter.put("subject", subject);
        letter.put("parts", parts);
        var html = templates.process("letter.html", context(first, letter));
        return new MailAsked(to, subject, String.join("\n\n----\n\n", texts) + "\n", html, Instant.now());
    }

    /**
     * The variables with the site's pages among them opening in English (`lang=en`, as
     * the pages' own links do), so that a reader who used the site in English is not
     * taken to Indonesian pages by a mail written to them in English.
     */
    private Map<String, ?> inEnglish(Map<String, ?> variables) {
        var english = new LinkedHashMap<String, Object>();
        variables
            .forEach((name, value) -> english.put(name, value instanceof String page && page.startsWith(siteUrl + "/")
                    ? UriComponentsBuilder.fromUriString(page).replaceQueryParam("lang", "en").build(true).toUriString()
                    : value));
        return english;
    }

    /**
     * The variables with their moments (an invitation's end) on NTB's clock, so that a
     * mail names the day and hour its reader lives by, never UTC's.
     */
    private static Map<String, ?> onNtbClock(Map<String, ?> variables) {
        var local = new LinkedHashMap<String, Object>();
        variables.forEach((name, value) -> local.put(name, value instanceof OffsetDateTime || value instanceof Instant
                ? NtbTime.of((TemporalAccessor) value) : value));
        return local;
    }

    private static Context context(Locale locale, Map<String, ?> variables) {
        var context = new Context(locale);
        variables.forEach(context::setVariable);
        return context;
    }

}
