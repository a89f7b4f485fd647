package id.kriyanusa.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.MessageSource;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Mails name the day their readers live by in NTB (WITA, UTC+8): an invitation that ends
 * at 16:45 UTC on 20 December ends on 21 December there.
 */
class MailTimesTest {

    @Test
    void anInvitationEndingNearMidnightUtcEndsOnNtbsDay() {
        var asked = new ArrayList<MailAsked>();
        new ApplicationContextRunner().withBean(MessageSource.class, MailTimesTest::mailTexts)
            .withBean(Mailer.class)
            .withBean(ApplicationListener.class, () -> caught(asked))
            .run(started -> started.getBean(Mailer.class)
                .send("inaq@contoh.id", "brand-invitation",
                        Map.of("email", "inaq@contoh.id", "brand", "Tenun Sukarara", "expiresAt",
                                OffsetDateTime.parse("2026-12-20T16:45:00Z"), "link", "http://localhost/undangan/x"),
                        null));
        assertThat(asked).singleElement()
            .satisfies(mail -> assertThat(mail.text())
                .contains("Undangan berlaku sampai 21 Desember 2026.",
                        "The invitation is valid until 21 December 2026.")
                .doesNotContain("20 Desember", "20 December"));
    }

    private static MessageSource mailTexts() {
        var messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/mail");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static ApplicationListener<ApplicationEvent> caught(List<MailAsked> asked) {
        return event -> {
            if (event instanceof PayloadApplicationEvent<?> published
                    && published.getPayload() instanceof MailAsked mail) {
                asked.add(mail);
            }
        };
    }

}
