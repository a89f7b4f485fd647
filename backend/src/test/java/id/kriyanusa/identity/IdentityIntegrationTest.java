package id.kriyanusa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.SecretKey;

import com.jayway.jsonpath.JsonPath;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
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

    @Autowired
    SecretKey tokenSigningKey;

    @Autowired
    JwtDecoder decoder;

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
        assertThat(errors(body)).containsExactlyInAnyOrder("input.email INVALID", "input.password INVALID",
                "input.displayName REQUIRED");
        assertThat((Object) JsonPath.read(body, "$.data.register.session")).isNull();
        assertThat(jdbc.sql("select count(*) from account where email = 'bukan-email'").query(Long.class).single())
            .isZero();
        // texts too long are TOO_LONG, as on every other mutation
        var tooLong = client()
            .graphQl(REGISTER, Map.of("input",
                    Map.of("email", uniqueEmail(), "password", "p".repeat(129), "displayName", "n".repeat(121))), null)
            .body();
        assertThat(errors(tooLong)).containsExactlyInAnyOrder("input.password TOO_LONG", "input.displayName TOO_LONG");
    }

    /** The user errors of a sign-up, as `field CODE`. */
    private static List<String> errors(String body) {
        List<Map<String, Object>> errors = JsonPath.read(body, "$.data.register.userErrors");
        return errors.stream().map(error -> error.get("field") + " " + error.get("code")).toList();
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

        // the same mailbox written with a trailing dot and spaces is the same address
        var dotted = client().graphQl(REGISTER,
                Map.of("input",
                        Map.of("email", " " + email + ". ", "password", "gerabah-penujak", "displayName", "Amaq Rudi")),
                null)
            .body();
        assertThat((List<String>) JsonPath.read(dotted, "$.data.register.userErrors[*].code")).containsExactly("TAKEN");
        var login = client()
            .graphQl(LOGIN, Map.of("input", Map.of("email", email.toUpperCase() + ".", "password", "gerabah-penujak")),
                    null)
            .body();
        assertThat((String) JsonPath.read(login, "$.data.login.session.accessToken")).isNotBlank();
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
    void aRotatedRefreshTokenUsedAgainEndsTheWholeSession() throws Exception {
        var email = signUp();
        var login = login(email);
        String stolen = JsonPath.read(login, "$.data.login.session.refreshToken");
        var renewed = client().graphQl(REFRESH, Map.of("input", Map.of("refreshToken", stolen)), null).body();
        String newer = JsonPath.read(renewed, "$.data.refreshSession.session.refreshToken");
        String newerAccess = JsonPath.read(renewed, "$.data.refreshSession.session.accessToken");
        assertThat(client().graphQl("{ me { email } }", Map.of(), newerAccess).body()).contains(email);

        // the thief (or the owner) uses the rotated token again: one of them must not go
        // on
        var reused = client().graphQl(REFRESH, Map.of("input", Map.of("refreshToken", stolen)), null).body();
        assertThat((List<String>) JsonPath.read(reused, "$.data.refreshSession.userErrors[*].code"))
            .containsExactly("INVALID");

        var withNewer = client().graphQl(REFRESH, Map.of("input", Map.of("refreshToken", newer)), null).body();
        assertThat((Object) JsonPath.read(withNewer, "$.data.refreshSession.session")).as("the newer refresh token")
            .isNull();
        assertThat(client().graphQl("{ me { email } }", Map.of(), newerAccess).statusCode())
            .as("the newer access token")
            .isEqualTo(401);
    }

    @Test
    void anAccessTokenIsRefusedOnceItsSessionIsSignedOut() throws Exception {
        var login = login(signUp());
        String access = JsonPath.read(login, "$.data.login.session.accessToken");
        String refresh = JsonPath.read(login, "$.data.login.session.refreshToken");
        assertThat(client().graphQl("{ me { email } }", Map.of(), access).statusCode()).isEqualTo(200);

        client().graphQl("mutation($input: RefreshSessionInput!) { logout(input: $input) { loggedOut } }",
                Map.of("input", Map.of("refreshToken", refresh)), null);

        assertThat(client().graphQl("{ me { email } }", Map.of(), access).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutExpiryIsRefusedEvenWhenSignedWithOurKey() throws Exception {
        var login = login(signUp());
        String access = JsonPath.read(login, "$.data.login.session.accessToken");
        var claims = decoder.decode(access).getClaims();
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey));
        var header = JwsHeader.with(MacAlgorithm.HS256).build();
        var everlasting = JwtClaimsSet.builder();
        claims.forEach((name, value) -> {
            if (!name.equals("exp")) {
                everlasting.claim(name, value);
            }
        });
        var forged = encoder.encode(JwtEncoderParameters.from(header, everlasting.build())).getTokenValue();
        var control = encoder
            .encode(JwtEncoderParameters.from(header, JwtClaimsSet.builder().claims(all -> all.putAll(claims)).build()))
            .getTokenValue();

        assertThat(client().graphQl("{ me { email } }", Map.of(), control).statusCode()).as("with exp").isEqualTo(200);
        assertThat(client().graphQl("{ me { email } }", Map.of(), forged).statusCode()).as("without exp")
            .isEqualTo(401);
    }

    private String signUp() throws Exception {
        var email = uniqueEmail();
        client().graphQl(REGISTER,
                Map.of("input", Map.of("email", email, "password", "gerabah-penujak-3", "displayName", "Inaq Sahnun")),
                null);
        return email;
    }

    private String login(String email) throws Exception {
        return client().graphQl(LOGIN, Map.of("input", Map.of("email", email, "password", "gerabah-penujak-3")), null)
            .body();
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
