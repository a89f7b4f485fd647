package id.kriyanusa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Signing up, in and out through the API, as a mobile or web client would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class IdentityIntegrationTest {

    static final String REGISTER = """
            mutation($input: RegisterInput!) { register(input: $input) {
              session { accessToken refreshToken account { email displayName roles } }
              userErrors { field code message } } }""";
    static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) {
              session { accessToken refreshToken } userErrors { field code message } } }""";
    static final String REFRESH = """
            mutation($input: RefreshSessionInput!) { refreshSession(input: $input) {
              session { accessToken refreshToken } userErrors { field code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient client() {
        return new HttpTestClient(port);
    }

    static String uniqueEmail() {
        return "pengrajin-" + UUID.randomUUID() + "@contoh.id";
    }

    @Test
    void aProducerSignsUpAndTheAccessTokenIdentifiesThem() throws Exception {
        var email = uniqueEmail();
        var registered = client()
            .graphQl(REGISTER,
                    Map.of("input", Map.of("email", email, "password", "tenun-sukarara-2026", "displayName",
                            "Inaq Saenah", "role", "PRODUCER")),
                    null)
            .body();
        assertThat((List<?>) JsonPath.read(registered, "$.data.register.userErrors")).isEmpty();
        assertThat((List<String>) JsonPath.read(registered, "$.data.register.session.account.roles"))
            .containsExactly("PRODUCER");
        String token = JsonPath.read(registered, "$.data.register.session.accessToken");

        var me = client().graphQl("{ me { email displayName roles } }", Map.of(), token).body();
        assertThat((String) JsonPath.read(me, "$.data.me.email")).isEqualTo(email);
        assertThat((String) JsonPath.read(me, "$.data.me.displayName")).isEqualTo("Inaq Saenah");

        var anonymous = client().graphQl("{ me { email } }").body();
        assertThat((Object) JsonPath.read(anonymous, "$.data.me")).isNull();

        String hash = jdbc.sql("select password_hash from account where email = ?")
            .param(email)
            .query(String.class)
            .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("tenun-sukarara-2026");
    }

    @Test
    void badSignUpInputGetsUserErrorsForEachFieldAndSavesNothing() throws Exception {
        var body = client()
            .graphQl(REGISTER,
                    Map.of("input", Map.of("email", "bukan-email", "password", "pendek", "displayName", " ")), null)
            .body();
        List<String> fields = JsonPath.read(body, "$.data.register.userErrors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("input.email", "input.password", "input.displayName");
        assertThat((Object) JsonPath.read(body, "$.data.register.session")).isNull();
        assertThat(jdbc.sql("select count(*) from account where email = 'bukan-email'").query(Long.class).single())
            .isZero();
    }

    @Test
    void anEmailCanHoldOnlyOneAccount() throws Exception {
        var email = uniqueEmail();
        var input = Map.of("input", Map.of("email", email, "password", "gerabah-penujak", "displayName", "Amaq Rudi"));
        client().graphQl(REGISTER, input, null);
        var again = client().graphQl(REGISTER, Map.of("input",
                Map.of("email", email.toUpperCase(), "password", "gerabah-penujak", "displayName", "Amaq Rudi")), null)
            .body();
        assertThat((List<String>) JsonPath.read(again, "$.data.register.userErrors[*].code")).containsExactly("TAKEN");
    }

    @Test
    void loginRefreshAndLogoutFollowTheSessionLifecycle() throws Exception {
        var email = uniqueEmail();
        client().graphQl(REGISTER,
                Map.of("input", Map.of("email", email, "password", "anyaman-ketak-1", "displayName", "Baiq Nur")),
                null);

        var wrong = client().graphQl(LOGIN, Map.of("input", Map.of("email", email, "password", "salah-sandi-1")), null)
            .body();
        assertThat((List<String>) JsonPath.read(wrong, "$.data.login.userErrors[*].code"))
            .containsExactly("INVALID_CREDENTIALS");

        var login = client()
            .graphQl(LOGIN, Map.of("input", Map.of("email", email, "password", "anyaman-ketak-1")), null)
            .body();
        String refreshToken = JsonPath.read(login, "$.data.login.session.refreshToken");

        var renewed = client().graphQl(REFRESH, Map.of("input", Map.of("refreshToken", refreshToken)), null).body();
        String newRefreshToken = JsonPath.read(renewed, "$.data.refreshSession.session.refreshToken");
        assertThat(newRefreshToken).isNotEqualTo(refreshToken);

        var reused = client().graphQl(REFRESH, Map.of("input", Map.of("refreshToken", refreshToken)), null).body();
        assertThat((List<String>) JsonPath.read(reused, "$.data.refreshSession.userErrors[*].code"))
            .containsExactly("INVALID");

        var logout = client()
            .graphQl("mutation($input: RefreshSessionInput!) { logout(input: $input) { loggedOut } }",
                    Map.of("input", Map.of("refreshToken", newRefreshToken)), null)
            .body();
        assertThat((Boolean) JsonPath.read(logout, "$.data.logout.loggedOut")).isTrue();
        var afterLogout = client().graphQl(REFRESH, Map.of("input", Map.of("refreshToken", newRefreshToken)), null)
            .body();
        assertThat((Object) JsonPath.read(afterLogout, "$.data.refreshSession.session")).isNull();
    }

    @Test
    void repeatedWrongPasswordsAreThrottledEvenWhenTheRightOneFollows() throws Exception {
        var email = uniqueEmail();
        client().graphQl(REGISTER,
                Map.of("input", Map.of("email", email, "password", "kriya-tembakau-9", "displayName", "Lalu Ahmad")),
                null);
        for (int attempt = 0; attempt < 5; attempt++) {
            client().graphQl(LOGIN, Map.of("input", Map.of("email", email, "password", "tebakan-" + attempt)), null);
        }
        var body = client()
            .graphQl(LOGIN, Map.of("input", Map.of("email", email, "password", "kriya-tembakau-9")), null)
            .body();
        assertThat((List<String>) JsonPath.read(body, "$.data.login.userErrors[*].code"))
            .containsExactly("RATE_LIMITED");
    }

    @Test
    void aForgedBearerTokenIsRejected() throws Exception {
        var response = client().graphQl("{ me { email } }", Map.of(),
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwicm9sZXMiOlsiQURNSU4iXX0.c2lnbmF0dXJlLXBhbHN1");
        assertThat(response.statusCode()).isEqualTo(401);
    }

}
