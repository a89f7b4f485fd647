package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The links mailed about an account open pages in the language of the page that asked for
 * them: someone who signed up or asked for a new password in English is not sent to
 * Indonesian pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MailedLinksLanguageIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Test
    void linksAskedForInEnglishOpenEnglishPages() throws Exception {
        var browser = new FormBrowser(port, InetAddress.getByName("127.0.33.10"));
        browser.get("/daftar?lang=en");
        var email = ApiClient.unique("olivia") + "@contoh.id";
        assertThat(browser
            .post("/daftar?lang=en",
                    Map.of("displayName", "Olivia", "email", email, "password", "tenun-sukarara-2026", "role", "BUYER"))
            .statusCode()).isEqualTo(302);
        var verification = URI.create(ApiClient.awaitLink(inbox, email, "/verifikasi-email/"));
        assertThat(verification.getQuery()).isEqualTo("lang=en");

        var stranger = new FormBrowser(port, InetAddress.getByName("127.0.33.11"));
        stranger.get("/lupa-sandi?lang=en");
        stranger.post("/lupa-sandi?lang=en", Map.of("email", email));
        var reset = URI.create(ApiClient.awaitLink(inbox, email, "/atur-ulang-sandi/"));
        assertThat(reset.getQuery()).isEqualTo("lang=en");
        assertThat(stranger.get(reset.getPath() + "?" + reset.getQuery()).body()).contains("lang=\"en\"");
    }

    @Test
    void linksAskedForInIndonesianStayIndonesian() throws Exception {
        var browser = new FormBrowser(port, InetAddress.getByName("127.0.33.12"));
        browser.get("/daftar");
        var email = ApiClient.unique("baiq") + "@contoh.id";
        browser.post("/daftar",
                Map.of("displayName", "Baiq", "email", email, "password", "tenun-sukarara-2026", "role", "BUYER"));
        assertThat(URI.create(ApiClient.awaitLink(inbox, email, "/verifikasi-email/")).getQuery()).isNull();
    }

    /**
     * The link works once, so the page confirming the address has an address of its own:
     * reloading it or switching its language still says the address is confirmed, never
     * that the link was used.
     */
    @Test
    void theConfirmationReadsAgainInEitherLanguage() throws Exception {
        var browser = new FormBrowser(port, InetAddress.getByName("127.0.33.12"));
        browser.get("/daftar");
        var email = ApiClient.unique("nurul") + "@contoh.id";
        browser.post("/daftar",
                Map.of("displayName", "Nurul", "email", email, "password", "tenun-sukarara-2026", "role", "PRODUCER"));
        var link = URI.create(ApiClient.awaitLink(inbox, email, "/verifikasi-email/")).getPath();

        var opened = browser.get(link);
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location"))
            .hasValueSatisfying(to -> assertThat(to).endsWith("/verifikasi-email/selesai"));
        assertThat(browser.get("/verifikasi-email/selesai").body()).contains(
                "Terima kasih, alamat " + email + " sudah dipastikan.", "href=\"/verifikasi-email/selesai?lang=en\"");
        var english = browser.get("/verifikasi-email/selesai?lang=en");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("Thank you, the address " + email + " is confirmed.")
            .doesNotContain("This link does not work");

        assertThat(browser.get(link).statusCode()).as("the link itself still works once").isEqualTo(410);
        assertThat(new FormBrowser(port).get("/verifikasi-email/selesai").headers().firstValue("Location"))
            .as("nothing to confirm without the link")
            .hasValueSatisfying(to -> assertThat(to).endsWith("/dasbor"));
    }

}
