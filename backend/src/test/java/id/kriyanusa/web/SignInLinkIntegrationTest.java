package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The owner of an account whose network the throttle holds back (a guesser behind the
 * same address) gets a sign-in link by mail; it lets one attempt through, before the
 * password is checked, so a guessed or wrong code tells nothing about the password.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SignInLinkIntegrationTest {

    /** What {@link ApiClient#signUp(String, String)} signs up with. */
    static final String PASSWORD = "tenun-sukarara-2026";

    static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) {
              session { accessToken } userErrors { code } } }""";

    static final String REQUEST_LINK = """
            mutation($input: RequestSignInLinkInput!) { requestSignInLink(input: $input) {
              requested userErrors { code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    ApiClient from(int lastByte) throws Exception {
        return new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.11." + lastByte)));
    }

    String heldBack(ApiClient api, boolean verified) throws Exception {
        var email = ApiClient.unique("ditahan") + "@contoh.id";
        api.signUp(email, "PRODUCER");
        if (verified) {
            api.verifyEmail(inbox, email);
        }
        for (int guess = 0; guess < 5; guess++) {
            assertThat(login(api, email, "tebakan-salah-" + guess, null)).isEqualTo("userError:INVALID_CREDENTIALS");
        }
        assertThat(login(api, email, PASSWORD, null)).as("the owner behind the guesser's address")
            .isEqualTo("userError:RATE_LIMITED");
        return email;
    }

    @Test
    void aMailedLinkLetsTheOwnerPastTheThrottleOnce() throws Exception {
        var api = from(1);
        var email = heldBack(api, true);
        var requested = api.mutate(REQUEST_LINK, Map.of("email", email), null);
        assertThat((Boolean) JsonPath.read(requested, "$.data.requestSignInLink.requested")).isTrue();
        var code = code(ApiClient.awaitLink(inbox, email, "/masuk?kode="));

        assertThat(login(api, email, PASSWORD, "bukan-kode-yang-dikirim")).isEqualTo("userError:RATE_LIMITED");
        // one attempt per link: a wrong password uses it up
        assertThat(login(api, email, "tebakan-lagi", code)).isEqualTo("userError:INVALID_CREDENTIALS");
        assertThat(login(api, email, PASSWORD, code)).isEqualTo("userError:RATE_LIMITED");

        api.mutate(REQUEST_LINK, Map.of("email", email), null);
        var next = Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> inbox.to(email)
                .stream()
                .flatMap(mail -> mail.links().stream())
                .filter(link -> link.contains("/masuk?kode="))
                .map(SignInLinkIntegrationTest::code)
                .filter(fresh -> !fresh.equals(code))
                .findFirst(), Optional::isPresent)
            .orElseThrow();
        assertThat(login(api, email, PASSWORD, next)).isEqualTo("ok");
    }

    @Test
    void noLinkGoesToAnAddressNobodyConfirmed() throws Exception {
        var api = from(2);
        var email = heldBack(api, false);
        var unknown = api.mutate(REQUEST_LINK, Map.of("email", ApiClient.unique("tidak-ada") + "@contoh.id"), null);
        var unconfirmed = api.mutate(REQUEST_LINK, Map.of("email", email), null);
        assertThat(unconfirmed).as("the same answer either way").isEqualTo(unknown);
        Awaitility.await()
            .during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5))
            .until(() -> inbox.to(email)
                .stream()
                .noneMatch(mail -> mail.links().stream().anyMatch(link -> link.contains("/masuk?kode="))));
    }

    /** A link asked for without an address asks for it, rather than "sent". */
    @Test
    void aLinkAskedForWithoutAnAddressAsksForIt() throws Exception {
        var browser = new FormBrowser(port, InetAddress.getByName("127.0.11.4"));
        browser.get("/masuk");
        for (var typed : new String[] { "", "   " }) {
            var refused = browser.post("/masuk/tautan", Map.of("email", typed));
            assertThat(refused.statusCode()).isEqualTo(422);
            assertThat(refused.body())
                .contains("Tulis alamat email akun Anda untuk menerima tautan masuk", "id=\"link-email\"")
                .doesNotContain("tautan masuk sudah dikirim");
        }
        assertThat(browser.post("/masuk/tautan?lang=en", Map.of("email", "")).body())
            .contains("Enter the email address of your account to receive a sign-in link");
    }

    @Test
    void theSignInPageOffersTheLinkAndOpensWithIt() throws Exception {
        var api = from(3);
        var email = heldBack(api, true);
        var browser = new FormBrowser(port, InetAddress.getByName("127.0.11.3"));
        browser.get("/masuk");
        var refused = browser.post("/masuk", Map.of("email", email, "password", PASSWORD));
        assertThat(refused.body()).contains("Terlalu banyak percobaan masuk", "Kirim tautan masuk ke email saya");

        var sent = browser.post("/masuk/tautan", Map.of("email", email));
        assertThat(sent.body()).contains("tautan masuk sudah dikirim");
        var link = ApiClient.awaitLink(inbox, email, "/masuk?kode=");
        var opened = browser.get(link.substring(link.indexOf("/masuk?kode=")));
        assertThat(opened.body()).contains("Tautan masuk dibuka", "name=\"kode\"");
        var signedIn = browser.post("/masuk", Map.of("email", email, "password", PASSWORD, "kode", code(link)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(browser.get("/dasbor").statusCode()).isEqualTo(200);
    }

    private static String login(ApiClient api, String email, String password, String code) throws Exception {
        var input = new HashMap<String, Object>(Map.of("email", email, "password", password));
        if (code != null) {
            input.put("signInCode", code);
        }
        return ApiClient.outcome(api.mutate(LOGIN, input, null), "login");
    }

    private static String code(String link) {
        return link.substring(link.indexOf("kode=") + "kode=".length());
    }

}
