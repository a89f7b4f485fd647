package id.kriyanusa.platform.mail;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.mail.MessagingException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 * them in the reader's language. Sent over SMTP ({@code spring.mail.*}; locally the
 * GreenMail that the local services start) once the transaction that asked for it
 * commits, on a thread of its own: a slow or absent mail server never holds up nor undoes
 * a sign-up or an invitation, and a mail that did not leave is logged (the pages offer to
 * send it again).
 */
@Component
public class Mailer {

    private static final Log LOG = LogFactory.getLog(Mailer.class);

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final ObjectProvider<JavaMailSender> senders;

    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    private final MessageSource messages;

    private final String from;

    private final String siteUrl;

    Mailer(ObjectProvider<JavaMailSender> senders, MessageSource messages,
            @Value("${kriyanusa.mail.from:Kriyanusa <noreply@kriyanusa.id>}") String from,
            @Value("${kriyanusa.site-url:http://localhost:${server.port:8080}}") String siteUrl) {
        this.senders = senders;
        this.messages = messages;
        this.from = from;
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
     * transaction commits (at once without one).
     * @param language the reader's language, whose text comes first and in which the
     * site's pages among the {@code variables} (made with {@link #link}) open; null when
     * it is not known, for Indonesian
     */
    public void send(String to, String template, Map<String, ?> variables, Locale language) {
        var letter = compose(template, variables, language);
        Runnable delivery = () -> Thread.ofVirtual().name("mail-" + template).start(() -> deliver(to, letter));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    delivery.run();
                }
            });
        }
        else {
            delivery.run();
        }
    }

    record Letter(String subject, String text, String html) {
    }

    private Letter compose(String template, Map<String, ?> typed, Locale language) {
        var first = "en".equals(language == null ? null : language.getLanguage()) ? Locale.ENGLISH : INDONESIAN;
        var variables = first == Locale.ENGLISH ? inEnglish(typed) : typed;
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
        return new Letter(subject, String.join("\n\n----\n\n", texts) + "\n", html);
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

    private static Context context(Locale locale, Map<String, ?> variables) {
        var context = new Context(locale);
        variables.forEach(context::setVariable);
        return context;
    }

    private void deliver(String to, Letter letter) {
        var sender = senders.getIfAvailable();
        if (sender == null) {
            LOG.warn("No mail server configured (spring.mail.host): \"" + letter.subject() + "\" to " + to
                    + " was not sent");
            return;
        }
        try {
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(letter.subject());
            helper.setText(letter.text(), letter.html());
            sender.send(message);
        }
        catch (MessagingException | MailException e) {
            LOG.warn("Could not send \"" + letter.subject() + "\" to " + to + ": " + e.getMessage());
        }
    }

}
