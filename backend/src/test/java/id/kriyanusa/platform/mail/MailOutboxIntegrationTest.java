package id.kriyanusa.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import id.kriyanusa.localservices.LocalServices;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mail kept until it leaves, over real SMTP to the local GreenMail: a sign-up's
 * verification mail asked for while the mail server is away (GreenMail stopped, its port
 * refusing connections) arrives once the server is back, and only once; a mail asked for
 * in a transaction that fails never leaves; and a mail that left is not kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MailOutboxIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailAskedForWhileTheMailServerIsAwayArrivesOnceItIsBack() throws Exception {
        var api = new ApiClient(port);
        var email = ApiClient.unique("baiq") + "@contoh.id";
        try (var outage = LocalServices.get().mail().orElseThrow().outage()) {
            api.signUp(email, "BUYER");
            await("the mail server refused the mail, and again on a later attempt").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> attempts(email), attempts -> attempts.size() == 1
                        && "FAILED".equals(attempts.getFirst().status()) && attempts.getFirst().attempts() >= 2);
        }
        ApiClient.awaitLink(inbox, email, "/verifikasi-email/");
        await("the mail left and is not sent again").atMost(Duration.ofSeconds(20))
            .until(() -> attempts(email).stream().allMatch(Attempt::completed));
        // a few rounds of retries later there is still the one mail
        Thread.sleep(3_000);
        assertThat(inbox.to(email)).hasSize(1);

        // not forgetSent(): the minute's cleanup may hold its lock, and the call would be
        // skipped
        delivery.deleteSent();
        assertThat(attempts(email)).as("the sent mail, with its link, is not kept").isEmpty();
    }

    @Test
    void aMailAskedForInATransactionThatFailsNeverLeaves() {
        var undone = ApiClient.unique("batal") + "@contoh.id";
        var done = ApiClient.unique("jadi") + "@contoh.id";
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            writtenBack(undone);
            throw new IllegalStateException("the change that asked for the mail fails");
        })).isInstanceOf(IllegalStateException.class);
        transactions.executeWithoutResult(status -> writtenBack(done));

        ApiClient.awaitLink(inbox, done, "/dasbor/pesan");
        assertThat(inbox.to(undone)).isEmpty();
        assertThat(attempts(undone)).isEmpty();
    }

    private void writtenBack(String to) {
        mailer.send(to, "inquiry-written-back", Map.of("brand", "Gerabah Uji", "link", mailer.link("/dasbor/pesan")),
                null);
    }

    /**
     * The delivery of a mail to the address, as the event publication registry has it.
     */
    record Attempt(String status, int attempts, boolean completed) {
    }

    private List<Attempt> attempts(String to) {
        return jdbc.sql("""
                select status, coalesce(completion_attempts, 0) as attempts, completion_date is not null as completed
                  from event_publication where event_type = ? and position(? in serialized_event) > 0""")
            .params(MailAsked.class.getName(), to)
            .query(Attempt.class)
            .list();
    }

}
