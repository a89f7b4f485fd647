package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A password reset is what someone does who fears another has their password: the pages
 * signed in before it, on any browser, are signed out at their next request, and the
 * owner signs in again with the new password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PasswordResetPagesIntegrationTest {

    /** What {@link ApiClient#signUp(String, String)} signs up with. */
    static final String SIGNED_UP_WITH = "tenun-sukarara-2026";

    static final String NEW_PASSWORD = "tenun-pringgasela-2026";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Test
    void aResetSignsOutThePagesSignedInBeforeIt() throws Exception {
        var api = new ApiClient(port);
        var email = ApiClient.unique("reset") + "@contoh.id";
        api.signUp(email, "PRODUCER");
        var elsewhere = new FormBrowser(port);
        elsewhere.signIn(email, SIGNED_UP_WITH);
        assertThat(elsewhere.get("/dasbor").statusCode()).isEqualTo(200);

        var owner = new FormBrowser(port);
        owner.get("/lupa-sandi");
        assertThat(owner.post("/lupa-sandi", Map.of("email", email)).statusCode()).isIn(200, 302);
        var link = ApiClient.awaitLink(inbox, email, "/atur-ulang-sandi/");
        var path = link.substring(link.indexOf("/atur-ulang-sandi/"));
        owner.get(path);
        var spaces = owner.post(path, Map.of("password", " ".repeat(12)));
        assertThat(spaces.statusCode()).as("a password of spaces only").isEqualTo(422);
        assertThat(spaces.body()).contains("tidak hanya spasi");
        assertThat(owner.post(path, Map.of("password", NEW_PASSWORD)).statusCode()).isIn(200, 302);

        assertThat(elsewhere.get("/dasbor").statusCode()).as("the session from before the reset").isEqualTo(302);
        var again = new FormBrowser(port);
        again.signIn(email, NEW_PASSWORD);
        assertThat(again.get("/dasbor").statusCode()).isEqualTo(200);
    }

    /** "Forgot password" sent without an address asks for it, rather than "sent to ". */
    @Test
    void aRequestWithoutAnAddressAsksForIt() throws Exception {
        var browser = new FormBrowser(port);
        browser.get("/lupa-sandi");
        for (var typed : new String[] { "", "   " }) {
            var refused = browser.post("/lupa-sandi", Map.of("email", typed));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body()).contains("Tulis alamat email akun Anda", "href=\"#email\"")
                .doesNotContain("Bila ada akun dengan alamat");
        }
        assertThat(browser.post("/lupa-sandi?lang=en", Map.of("email", "")).body())
            .contains("Enter the email address of your account");
    }

    @Test
    void aLinkThatNoLongerWorksSaysSoBeforeAPasswordIsTyped() throws Exception {
        var email = ApiClient.unique("reset-lama") + "@contoh.id";
        new ApiClient(port).signUp(email, "BUYER");
        var owner = new FormBrowser(port);
        var older = mailedLink(owner, email, null);
        var newer = mailedLink(owner, email, older);
        assertThat(owner.get(newer).body()).contains("type=\"password\"");
        assertThat(owner.post(newer, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(302);

        // the link used, and the other one it used up
        for (var link : List.of(newer, older)) {
            var page = owner.get(link);
            assertThat(page.statusCode()).as(link).isEqualTo(410);
            assertThat(page.body()).as(link)
                .contains("Tautan ini tidak berlaku", "href=\"/lupa-sandi\"", "Minta tautan baru")
                .doesNotContain("type=\"password\"");
        }
        assertThat(owner.get(older + "?lang=en").body()).contains("This link does not work", "Ask for a new link")
            .doesNotContain("type=\"password\"");
    }

    /**
     * Someone who asked twice finds the first mail first: only the newest link sets a
     * password, the older one says at once that it no longer works.
     */
    @Test
    void aNewerLinkCancelsTheOlderOne() throws Exception {
        var email = ApiClient.unique("reset-baru") + "@contoh.id";
        new ApiClient(port).signUp(email, "BUYER");
        var owner = new FormBrowser(port);
        var older = mailedLink(owner, email, null);
        var newer = mailedLink(owner, email, older);

        var cancelled = owner.get(older);
        assertThat(cancelled.statusCode()).isEqualTo(410);
        assertThat(cancelled.body()).contains("Tautan ini tidak berlaku", "Minta tautan baru")
            .doesNotContain("type=\"password\"");
        assertThat(owner.post(older, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(422);
        assertThat(owner.get(newer).body()).contains("type=\"password\"");
        assertThat(owner.post(newer, Map.of("password", NEW_PASSWORD)).statusCode()).isEqualTo(302);
        var signedIn = new FormBrowser(port);
        signedIn.signIn(email, NEW_PASSWORD);
        assertThat(signedIn.get("/dasbor").statusCode()).isEqualTo(200);
    }

    /** Asks for a reset link on `/lupa-sandi` and answers its path, once mailed. */
    private String mailedLink(FormBrowser owner, String email, String other) throws Exception {
        owner.get("/lupa-sandi");
        assertThat(owner.post("/lupa-sandi", Map.of("email", email)).statusCode()).isEqualTo(302);
        var link = ApiClient.awaitLink(inbox, email,
                mailed -> mailed.contains("/atur-ulang-sandi/") && (other == null || !mailed.endsWith(other)));
        return link.substring(link.indexOf("/atur-ulang-sandi/"));
    }

}
