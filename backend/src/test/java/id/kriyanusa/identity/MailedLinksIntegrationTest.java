package id.kriyanusa.identity;

import static id.kriyanusa.platform.ApiClient.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Links mailed over real SMTP to the local GreenMail, read back from it as the recipient
 * would: verifying an address after sign-up, resetting a password, and the limits on
 * asking for mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class MailedLinksIntegrationTest {

    static final String ME = "{ me { email emailVerified } }";

    static final String VERIFY = """
            mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) {
              account { email emailVerified } userErrors { field code } } }""";

    static final String RESEND = "mutation { resendEmailVerification { sent userErrors { code } } }";

    static final String REQUEST_RESET = """
            mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) {
              requested userErrors { code } } }""";

    static final String RESET = """
            mutation($input: ResetPasswordInput!) { resetPassword(input: $input) {
              passwordChanged userErrors { field code } } }""";

    static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) {
              session { accessToken refreshToken } userErrors { code } } }""";

    static final String REFRESH = """
            mutation($input: RefreshSessionInput!) { refreshSession(input: $input) {
              session { accessToken } userErrors { code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    /**
     * A client from its own loopback address, so that per-address limits start afresh.
     */
    ApiClient client(int lastByte) throws Exception {
        return new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.9." + lastByte)));
    }

    static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void aNewAccountIsMailedALinkThatVerifiesItsAddressOnce() throws Exception {
        var api = client(1);
        var email = ApiClient.unique("siti") + "@contoh.id";
        var session = api.signUp(email, "BUYER");
        assertThat((Boolean) JsonPath.read(api.query(ME, Map.of(), session), "$.data.me.emailVerified")).isFalse();

        var mail = ApiClient.awaitLink(inbox, email, "/verifikasi-email/");
        var letter = inbox.to(email).getFirst();
        assertThat(letter.subject()).isEqualTo("Pastikan alamat email Anda / Confirm your email address");
        assertThat(letter.text()).contains("Halo Uji BUYER,", "Hello Uji BUYER,", "48 jam", "48 hours");
        assertThat(letter.text().indexOf("Halo")).isLessThan(letter.text().indexOf("Hello"));

        var verified = api.mutate(VERIFY, Map.of("token", token(mail)), null);
        assertThat(outcome(verified, "verifyEmail")).isEqualTo("ok");
        assertThat((String) JsonPath.read(verified, "$.data.verifyEmail.account.email")).isEqualTo(email);
        assertThat((Boolean) JsonPath.read(api.query(ME, Map.of(), session), "$.data.me.emailVerified")).isTrue();

        assertThat(outcome(api.mutate(VERIFY, Map.of("token", token(mail)), null), "verifyEmail"))
            .isEqualTo("userError:INVALID");
        assertThat(outcome(api.mutate(VERIFY, Map.of("token", "bukan-token"), null), "verifyEmail"))
            .isEqualTo("userError:INVALID");
        assertThat(outcome(api.query(RESEND, Map.of(), session), "resendEmailVerification"))
            .isEqualTo("userError:INVALID_STATE");
    }

    @Test
    void verificationMailCanBeSentAgainAFewTimesThenWaits() throws Exception {
        var api = client(2);
        var email = ApiClient.unique("lalu") + "@contoh.id";
        var session = api.signUp(email, "PRODUCER");
        assertThat(outcome(api.query(RESEND, Map.of(), null), "resendEmailVerification")).isEqualTo("UNAUTHORIZED");
        for (int i = 0; i < 3; i++) {
            assertThat(outcome(api.query(RESEND, Map.of(), session), "resendEmailVerification")).isEqualTo("ok");
        }
        assertThat(outcome(api.query(RESEND, Map.of(), session), "resendEmailVerification"))
            .isEqualTo("userError:RATE_LIMITED");
        // the sign-up's mail and three more arrive; any of them verifies
        org.awaitility.Awaitility.await().until(() -> inbox.to(email).size() == 4);
        api.verifyEmail(inbox, email);
    }

    @Test
    void aForgottenPasswordIsResetThroughTheMailedLinkAndEverySessionEnds() throws Exception {
        var api = client(3);
        var email = ApiClient.unique("inaq") + "@contoh.id";
        api.signUp(email, "BUYER");
        var signedIn = api.mutate(LOGIN, Map.of("email", email, "password", "tenun-sukarara-2026"), null);
        String refreshToken = JsonPath.read(signedIn, "$.data.login.session.refreshToken");
        String accessToken = JsonPath.read(signedIn, "$.data.login.session.accessToken");

        // the same answer for an address without an account, and no mail goes there
        var nobody = ApiClient.unique("tidak-ada") + "@contoh.id";
        var unknown = api.mutate(REQUEST_RESET, Map.of("email", nobody), null);
        var known = api.mutate(REQUEST_RESET, Map.of("email", " " + email.toUpperCase() + " "), null);
        assertThat(unknown).isEqualTo(known);
        assertThat((Boolean) JsonPath.read(known, "$.data.requestPasswordReset.requested")).isTrue();

        var link = ApiClient.awaitLink(inbox, email, "/atur-ulang-sandi/");
        assertThat(inbox.to(nobody)).isEmpty();
        assertThat(outcome(api.mutate(RESET, Map.of("token", token(link), "newPassword", "pendek"), null),
                "resetPassword"))
            .isEqualTo("userError:INVALID");
        var reset = api.mutate(RESET, Map.of("token", token(link), "newPassword", "gerabah-banyumulek-2026"), null);
        assertThat(outcome(reset, "resetPassword")).isEqualTo("ok");
        assertThat(outcome(api.mutate(RESET, Map.of("token", token(link), "newPassword", "lagi-lagi-2026-x"), null),
                "resetPassword"))
            .isEqualTo("userError:INVALID");

        // the earlier session is over, the old password no longer works, the new one does
        assertThat(outcome(api.mutate(REFRESH, Map.of("refreshToken", refreshToken), null), "refreshSession"))
            .isEqualTo("userError:INVALID");
        assertThat(api.http().graphQl(ME, Map.of(), accessToken).statusCode()).isEqualTo(401);
        assertThat(outcome(api.mutate(LOGIN, Map.of("email", email, "password", "tenun-sukarara-2026"), null), "login"))
            .isEqualTo("userError:INVALID_CREDENTIALS");
        var again = api.mutate(LOGIN, Map.of("email", email, "password", "gerabah-banyumulek-2026"), null);
        assertThat(outcome(again, "login")).isEqualTo("ok");
        // opening the reset link proved the address too
        assertThat((Boolean) JsonPath.read(
                api.query(ME, Map.of(), JsonPath.read(again, "$.data.login.session.accessToken")),
                "$.data.me.emailVerified"))
            .isTrue();
    }

    @Test
    void resetMailIsLimitedPerAddressAskedForAndPerClient() throws Exception {
        var api = client(4);
        var email = ApiClient.unique("wayan") + "@contoh.id";
        for (int i = 0; i < 3; i++) {
            assertThat(outcome(api.mutate(REQUEST_RESET, Map.of("email", email), null), "requestPasswordReset"))
                .isEqualTo("ok");
        }
        assertThat(outcome(api.mutate(REQUEST_RESET, Map.of("email", email), null), "requestPasswordReset"))
            .isEqualTo("userError:RATE_LIMITED");
        // another client asking for the same address waits too; other addresses go on
        assertThat(outcome(client(5).mutate(REQUEST_RESET, Map.of("email", email), null), "requestPasswordReset"))
            .isEqualTo("userError:RATE_LIMITED");
        // the refused request counted for the client too: 16 more make its 20
        for (int i = 0; i < 16; i++) {
            assertThat(outcome(api.mutate(REQUEST_RESET, Map.of("email", i + email), null), "requestPasswordReset"))
                .isEqualTo("ok");
        }
        assertThat(outcome(api.mutate(REQUEST_RESET, Map.of("email", "lain" + email), null), "requestPasswordReset"))
            .isEqualTo("userError:RATE_LIMITED");
    }

    @Test
    void theLocalCaughtMailPageListsTheMailWithItsLinks() throws Exception {
        var api = client(6);
        var email = ApiClient.unique("baiq") + "@contoh.id";
        api.signUp(email, "BUYER");
        var link = ApiClient.awaitLink(inbox, email, "/verifikasi-email/");
        var page = api.http().get("/surat");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(email, "Pastikan alamat email Anda", link)
            .as("sent at NTB's clock, never UTC's")
            .containsPattern("<time datetime=\"[^\"]+\">\\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} WITA</time>");
    }

}
