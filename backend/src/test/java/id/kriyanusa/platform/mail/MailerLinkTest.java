package id.kriyanusa.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Links in mail lead back to the portal that sent them: the configured site, or in a
 * local run on another port (README: `--server.port=8081`) that port, not 8080 where
 * nothing, or another run, answers.
 */
class MailerLinkTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner().withBean(Mailer.class);

    @Test
    void aLocalRunOnAnotherPortLinksToThatPort() {
        context.withPropertyValues("server.port=8087")
            .run(started -> assertThat(started.getBean(Mailer.class).link("/surat"))
                .isEqualTo("http://localhost:8087/surat"));
    }

    @Test
    void theConfiguredSiteWins() {
        context.withPropertyValues("server.port=8087", "kriyanusa.site-url=https://kriyanusa.id/")
            .run(started -> assertThat(started.getBean(Mailer.class).link("/surat"))
                .isEqualTo("https://kriyanusa.id/surat"));
    }

}
