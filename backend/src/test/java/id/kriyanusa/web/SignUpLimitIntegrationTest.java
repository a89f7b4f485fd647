package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Sign-ups are limited per network address (here lowered to two per half hour), on the
 * API and on the sign-up page alike; another address signs up as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kriyanusa.identity.sign-ups-per-address=2")
@ActiveProfiles("demo")
class SignUpLimitIntegrationTest {

    static final String REGISTER = "mutation($input: RegisterInput!) { register(input: $input) {"
            + " userErrors { code message } } }";

    @LocalServerPort
    int port;

    @Test
    void aThirdSignUpFromOneAddressWaitsOnTheApiAndOnThePage() throws Exception {
        var script = new HttpTestClient(port, InetAddress.getByName("127.0.0.1"));
        script.awaitReady();
        assertThat(signUp(script)).isEqualTo("ok");
        assertThat(signUp(script)).isEqualTo("ok");
        assertThat(signUp(script)).isEqualTo("RATE_LIMITED");
        assertThat(signUp(new HttpTestClient(port, InetAddress.getByName("127.0.0.41")))).isEqualTo("ok");

        // the page's visitor is the same address, not "the pages" as one
        var browser = new FormBrowser(port);
        browser.get("/daftar");
        var refused = browser.post("/daftar", Map.of("displayName", "Inaq Sumiati", "email",
                ApiClient.unique("inaq") + "@contoh.id", "password", "anyaman-ketak-2026", "role", "PRODUCER"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Terlalu banyak");
    }

    private static String signUp(HttpTestClient client) throws Exception {
        var body = client
            .graphQl(REGISTER, Map.of("input", Map.of("email", ApiClient.unique("warga") + "@contoh.id", "password",
                    "anyaman-ketak-2026", "displayName", "Warga", "role", "BUYER")), null)
            .body();
        var codes = JsonPath.<List<String>>read(body, "$.data.register.userErrors[*].code");
        return codes.isEmpty() ? "ok" : codes.getFirst();
    }

}
