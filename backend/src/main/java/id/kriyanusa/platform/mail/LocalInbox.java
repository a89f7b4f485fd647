package id.kriyanusa.platform.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

/**
 * The mail caught by the local mail server (GreenMail, started with the local services,
 * which publish its REST API as {@code kriyanusa.mail.local-inbox}), read as the
 * recipients would: for the local {@code /surat} page and the tests. It does not exist in
 * production, where mail leaves for real mailboxes.
 */
@Component
@ConditionalOnProperty("kriyanusa.mail.local-inbox")
public class LocalInbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** One caught mail: its plain text and the links in it. */
    public record CaughtMail(String to, String subject, Instant sentAt, String text, List<String> links) {

        /** The first link whose address contains {@code part}. */
        public String link(String part) {
            return links.stream()
                .filter(link -> link.contains(part))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No link with " + part + " in: " + text));
        }

    }

    private final RestClient api;

    LocalInbox(@Value("${kriyanusa.mail.local-inbox}") String apiUrl) {
        this.api = RestClient.create(apiUrl);
    }

    /** Every caught mail, newest first. */
    public List<CaughtMail> all() {
        var mail = new ArrayList<CaughtMail>();
        for (var user : (List<Map<String, Object>>) api.get().uri("/api/user").retrieve().body(List.class)) {
            mail.addAll(to((String) user.get("email")));
        }
        mail.sort(Comparator.comparing(CaughtMail::sentAt).reversed());
        return mail;
    }

    /** The mail caught for one address, newest first. */
    public List<CaughtMail> to(String address) {
        List<Map<String, Object>> messages;
        try {
            messages = api.get()
                .uri("/api/user/" + UriUtils.encodePathSegment(address, StandardCharsets.UTF_8) + "/messages/INBOX")
                .retrieve()
                .body(List.class);
        }
        catch (HttpClientErrorException.BadRequest noMailbox) {
            // GreenMail makes a mailbox when the first mail arrives
            return List.of();
        }
        var caught = new ArrayList<>(
                messages.stream().map(message -> parse(address, (String) message.get("mimeMessage"))).toList());
        // GreenMail lists in order of arrival; the Date header counts whole seconds, so
        // mail of the same second keeps that order (the sort is stable)
        Collections.reverse(caught);
        caught.sort(Comparator.comparing(CaughtMail::sentAt).reversed());
        return List.copyOf(caught);
    }

    private static CaughtMail parse(String to, String raw) {
        try {
            var message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            var text = plainText(message);
            var sent = message.getSentDate();
            var links = LINK.matcher(text).results().map(match -> match.group()).distinct().toList();
            return new CaughtMail(to, message.getSubject(), sent == null ? Instant.EPOCH : sent.toInstant(), text,
                    links);
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable caught mail to " + to, e);
        }
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                var text = plainText(child);
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

}
