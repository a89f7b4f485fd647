package id.kriyanusa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Failed sign-ins slow down whoever keeps failing, from where they fail, and lock nobody
 * out: API clients at different addresses of the loopback network stand for people in
 * different places.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SignInThrottleIntegrationTest {

    static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) {
              session { accessToken } userErrors { code message } } }""";

    @LocalServerPort
    int port;

    /** A client at an address of 127.0.0.0/8 that no other test uses. */
    HttpTestClient somewhere() throws Exception {
        var random = ThreadLocalRandom.current();
        return new HttpTestClient(port, InetAddress
            .getByAddress(new byte[] { 127, (byte) random.nextInt(10, 250), (byte) random.nextInt(256), 7 }));
    }

    static String login(HttpTestClient client, String email, String password) throws Exception {
        return client.graphQl(LOGIN, Map.of("input", Map.of("email", email, "password", password)), null).body();
    }

    static List<String> codes(String body) {
        return JsonPath.read(body, "$.data.login.userErrors[*].code");
    }

    @Test
    void aStrangerGuessingTheAdminsPasswordDoesNotStopTheAdminSigningIn() throws Exception {
        var stranger = somewhere();
        for (int guess = 0; guess < 5; guess++) {
            assertThat(codes(login(stranger, ApiClient.ADMIN, "tebakan-" + guess)))
                .containsExactly("INVALID_CREDENTIALS");
        }
        var refused = login(stranger, ApiClient.ADMIN, "tebakan-5");
        assertThat(codes(refused)).containsExactly("RATE_LIMITED");

        var admin = login(somewhere(), ApiClient.ADMIN, ApiClient.DEMO_PASSWORD);
        assertThat(codes(admin)).isEmpty();
        assertThat((String) JsonPath.read(admin, "$.data.login.session.accessToken")).isNotBlank();

        // the stranger waits a little, not a quarter of an hour
        assertThat((List<String>) JsonPath.read(refused, "$.data.login.userErrors[*].message"))
            .containsExactly("Too many failed sign-ins. Try again in 1 minute.");
    }

    @Test
    void anAddressGuessingManyAccountsIsSlowedDownAndNobodyElse() throws Exception {
        var guesser = somewhere();
        var refusals = 0;
        // one account each time: only the address's own budget can refuse them
        for (int guess = 0; guess < 45; guess++) {
            if (codes(login(guesser, ApiClient.unique("tamu") + "@contoh.id", "tebakan-" + guess))
                .contains("RATE_LIMITED")) {
                refusals++;
            }
        }
        assertThat(refusals).isPositive();
        assertThat(codes(login(somewhere(), ApiClient.BUYER, ApiClient.DEMO_PASSWORD))).isEmpty();
    }

}
