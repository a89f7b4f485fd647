package id.kriyanusa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new installation's first admin, made at start-up from
 * `kriyanusa.identity.bootstrap-admin-email`: the start-up step runs here against a
 * portal whose admins are set aside, as on an empty database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class BootstrapAdminIntegrationTest {

    static final Pattern PASSWORD = Pattern.compile("is now the portal's admin\\.\\s+Password: (\\S+)");

    static final String LOGIN = """
            mutation($input: LoginInput!) { login(input: $input) {
              session { accessToken account { roles } } userErrors { code } } }""";

    @LocalServerPort
    int port;

    @Autowired
    BootstrapAdmin bootstrap;

    @Autowired
    JdbcClient jdbc;

    @Test
    void withoutAnAdminTheStartUpMakesOneThatSignsInWithThePrintedPasswordAndNextStartsPrintNothing(
            CapturedOutput output) throws Exception {
        var api = new ApiClient(port);
        var email = ApiClient.unique("dinas") + "@ntbprov.go.id";
        try (var noAdmins = new AdminsSetAside(jdbc)) {
            bootstrap.makeAdmin(" " + email.toUpperCase() + " ");

            var printed = PASSWORD.matcher(output.getAll());
            assertThat(printed.find()).as(output.getAll()).isTrue();
            assertThat(output.getAll()).contains("New account " + email + " is now the portal's admin", "/kelola/staf");
            // the password works until changed and stays in the log: the log says so and
            // how
            assertThat(output.getAll())
                .contains("It stays valid until it is changed", "/lupa-sandi", "requestPasswordReset")
                .doesNotContain("One-time", "only this once");
            var signedIn = api.mutate(LOGIN, Map.of("email", email, "password", printed.group(1)), null);
            assertThat((List<String>) JsonPath.read(signedIn, "$.data.login.session.account.roles"))
                .containsExactlyInAnyOrder("BUYER", "ADMIN");
            String token = JsonPath.read(signedIn, "$.data.login.session.accessToken");
            var history = api.query("{ staffRoleHistory(first: 1) { edges { node { account { email } role action "
                    + "reason changedBy { email } } } } }", Map.of(), token);
            assertThat((Map<String, Object>) JsonPath.read(history, "$.data.staffRoleHistory.edges[0].node"))
                .containsEntry("account", Map.of("email", email))
                .containsEntry("action", "GRANTED")
                .containsEntry("changedBy", null);

            var printedSoFar = output.getAll().length();
            bootstrap.makeAdmin(email);
            bootstrap.makeAdmin("lain-" + email);
            assertThat(output.getAll().substring(printedSoFar)).doesNotContain("Password:", "It stays valid",
                    "is now the portal's admin");
            assertThat(jdbc.sql("select count(*) from account where email = ?")
                .param("lain-" + email)
                .query(Long.class)
                .single()).isZero();
        }
    }

    @Test
    void anAccountThatHasTheAddressAlreadyBecomesAdminWithANewPasswordAndItsSessionsEnd(CapturedOutput output)
            throws Exception {
        var api = new ApiClient(port);
        var email = ApiClient.unique("operator") + "@ntbprov.go.id";
        var earlierSession = api.signUp(email, "BUYER");
        try (var noAdmins = new AdminsSetAside(jdbc)) {
            bootstrap.makeAdmin(email);

            assertThat(output.getAll()).contains("Existing account (its password replaced, its sessions ended) " + email
                    + " is now the portal's admin");
            assertThat(api.http().graphQl("{ me { email } }", Map.of(), earlierSession).statusCode()).isEqualTo(401);
            var printed = PASSWORD.matcher(output.getAll());
            assertThat(printed.find()).isTrue();
            var signedIn = api.mutate(LOGIN, Map.of("email", email, "password", printed.group(1)), null);
            assertThat((List<String>) JsonPath.read(signedIn, "$.data.login.session.account.roles"))
                .containsExactlyInAnyOrder("BUYER", "ADMIN");
            var oldPassword = api.mutate(LOGIN, Map.of("email", email, "password", "tenun-sukarara-2026"), null);
            assertThat((List<String>) JsonPath.read(oldPassword, "$.data.login.userErrors[*].code"))
                .containsExactly("INVALID_CREDENTIALS");
        }
    }

}
