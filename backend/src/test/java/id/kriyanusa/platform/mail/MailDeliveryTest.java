package id.kriyanusa.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * What becomes of a mail the mail server does not take: it fails, so that it is sent
 * again, until a day after it was asked for; and without a mail server configured it is
 * only logged.
 */
@ExtendWith(OutputCaptureExtension.class)
class MailDeliveryTest {

    @Test
    void aMailTheServerRefusesFailsSoThatItIsSentAgain() throws IOException {
        var delivery = new MailDelivery(senders(refusingServer()), null, "Kriyanusa <noreply@kriyanusa.id>");
        assertThatThrownBy(() -> delivery.deliver(mail(Instant.now()))).isInstanceOf(MailException.class);
    }

    @Test
    void aMailAskedForMoreThanADayAgoIsGivenUpWithAWarning(CapturedOutput output) throws IOException {
        var delivery = new MailDelivery(senders(refusingServer()), null, "Kriyanusa <noreply@kriyanusa.id>");
        delivery.deliver(mail(Instant.now().minus(MailDelivery.GIVEN_UP_AFTER).minus(Duration.ofMinutes(1))));
        assertThat(output).contains("WARN", "Gave up sending \"Uji\" to siti@contoh.id");
    }

    @Test
    void withoutAMailServerTheMailIsOnlyLogged(CapturedOutput output) {
        var delivery = new MailDelivery(senders(null), null, "Kriyanusa <noreply@kriyanusa.id>");
        delivery.deliver(mail(Instant.now()));
        assertThat(output).contains("No mail server configured (spring.mail.host): \"Uji\" to siti@contoh.id");
    }

    private static MailAsked mail(Instant askedAt) {
        return new MailAsked("siti@contoh.id", "Uji", "Halo", "<p>Halo</p>", askedAt);
    }

    /** A mail server on a port that nobody listens on. */
    private static JavaMailSender refusingServer() throws IOException {
        var sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        try (var socket = new ServerSocket(0)) {
            sender.setPort(socket.getLocalPort());
        }
        return sender;
    }

    private static ObjectProvider<JavaMailSender> senders(JavaMailSender sender) {
        var beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        return beans.getBeanProvider(JavaMailSender.class);
    }

}
