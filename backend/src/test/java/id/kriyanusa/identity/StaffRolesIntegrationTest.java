package id.kriyanusa.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Admins grant and revoke the department's roles through the API: each change is audited
 * with its reason, a revocation ends the account's sessions at once, the last admin keeps
 * the role, and nobody else may do any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StaffRolesIntegrationTest {

    static final String GRANT = """
            mutation($input: StaffRoleInput!) { grantStaffRole(input: $input) {
              account { email roles } userErrors { field code } } }""";

    static final String REVOKE = """
            mutation($input: StaffRoleInput!) { revokeStaffRole(input: $input) {
              account { email roles } userErrors { field code } } }""";

    static final String GRANT_DRY_RUN = GRANT.replace("grantStaffRole(input: $input)",
            "grantStaffRole(input: $input, dryRun: true)");

    static final String REVOKE_DRY_RUN = REVOKE.replace("revokeStaffRole(input: $input)",
            "revokeStaffRole(input: $input, dryRun: true)");

    static final String HISTORY = """
            { staffRoleHistory(first: 2) { totalCount edges { node {
              account { email } role action reason changedBy { email } changedAt } } } }""";

    static final String MEMBERS = "{ staffMembers { email roles } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    static Map<String, Object> change(String email, String role, String reason) {
        return Map.of("account", email, "role", role, "reason", reason);
    }

    /** A new buyer's email, and its access token. */
    Map.Entry<String, String> someone() throws Exception {
        var email = ApiClient.unique("staf") + "@ntbprov.go.id";
        return Map.entry(email, api.signUp(email, "BUYER"));
    }

    @Test
    void anAdminGrantsAndRevokesWithReasonsThatTheHistoryKeepsNewestFirst() throws Exception {
        var admin = api.signIn(ApiClient.ADMIN);
        var email = someone().getKey();

        var granted = api.mutate(GRANT, change(email.toUpperCase(), "CURATOR", "Kurator Bimtek Semoyang 2026"), admin);
        assertThat(ApiClient.outcome(granted, "grantStaffRole")).as(granted).isEqualTo("ok");
        assertThat((List<String>) JsonPath.read(granted, "$.data.grantStaffRole.account.roles"))
            .containsExactlyInAnyOrder("BUYER", "CURATOR");
        assertThat((List<String>) JsonPath.read(api.query(MEMBERS, Map.of(), admin), "$.data.staffMembers[*].email"))
            .contains(email, ApiClient.ADMIN, ApiClient.CURATOR);

        var revoked = api.mutate(REVOKE, change(email, "CURATOR", "Pindah tugas ke dinas lain"), admin);
        assertThat(ApiClient.outcome(revoked, "revokeStaffRole")).as(revoked).isEqualTo("ok");
        assertThat((List<String>) JsonPath.read(revoked, "$.data.revokeStaffRole.account.roles"))
            .containsExactly("BUYER");
        assertThat((List<String>) JsonPath.read(api.query(MEMBERS, Map.of(), admin), "$.data.staffMembers[*].email"))
            .doesNotContain(email);

        var history = api.query(HISTORY, Map.of(), admin);
        assertThat((List<String>) JsonPath.read(history, "$.data.staffRoleHistory.edges[*].node.action"))
            .containsExactly("REVOKED", "GRANTED");
        assertThat((List<String>) JsonPath.read(history, "$.data.staffRoleHistory.edges[*].node.reason"))
            .containsExactly("Pindah tugas ke dinas lain", "Kurator Bimtek Semoyang 2026");
        assertThat((List<String>) JsonPath.read(history, "$.data.staffRoleHistory.edges[*].node.account.email"))
            .containsExactly(email, email);
        assertThat((List<String>) JsonPath.read(history, "$.data.staffRoleHistory.edges[*].node.changedBy.email"))
            .containsExactly(ApiClient.ADMIN, ApiClient.ADMIN);
    }

    @Test
    void aChangeWithoutAReasonOrForNobodyOrThatChangesNothingIsRefusedAndNotAudited() throws Exception {
        var admin = api.signIn(ApiClient.ADMIN);
        var email = someone().getKey();
        int before = JsonPath.read(api.query(HISTORY, Map.of(), admin), "$.data.staffRoleHistory.totalCount");

        var outcomes = new LinkedHashMap<String, List<String>>();
        outcomes.put("no reason", codes(api.mutate(GRANT, change(email, "CURATOR", "  "), admin), "grantStaffRole"));
        outcomes.put("nobody",
                codes(api.mutate(GRANT, change("tidak-ada@contoh.id", "CURATOR", "Uji"), admin), "grantStaffRole"));
        outcomes.put("not held", codes(api.mutate(REVOKE, change(email, "ADMIN", "Uji"), admin), "revokeStaffRole"));
        outcomes.put("held already",
                codes(api.mutate(GRANT, change(ApiClient.CURATOR, "CURATOR", "Uji"), admin), "grantStaffRole"));
        assertThat(outcomes).containsExactly(Map.entry("no reason", List.of("input.reason:REQUIRED")),
                Map.entry("nobody", List.of("input.account:NOT_FOUND")),
                Map.entry("not held", List.of("input.role:INVALID_STATE")),
                Map.entry("held already", List.of("input.role:INVALID_STATE")));
        assertThat((Integer) JsonPath.read(api.query(HISTORY, Map.of(), admin), "$.data.staffRoleHistory.totalCount"))
            .isEqualTo(before);
    }

    /**
     * An admin's dry run answers what the change would, user errors and all, and changes
     * nothing: no role, no history, no session ended.
     */
    @Test
    void anAdminsDryRunChangesNothingAndSaysWhatTheChangeWould() throws Exception {
        var admin = api.signIn(ApiClient.ADMIN);
        var someone = someone();
        var curator = someone();
        api.mutate(GRANT, change(curator.getKey(), "CURATOR", "Kurator uji coba"), admin);
        int before = JsonPath.read(api.query(HISTORY, Map.of(), admin), "$.data.staffRoleHistory.totalCount");

        var grant = api.mutate(GRANT_DRY_RUN, change(someone.getKey(), "ADMIN", "Uji coba saja"), admin);
        assertThat(ApiClient.outcome(grant, "grantStaffRole")).as(grant).isEqualTo("ok");
        assertThat((Object) JsonPath.read(grant, "$.data.grantStaffRole.account")).isNull();
        var revoke = api.mutate(REVOKE_DRY_RUN, change(curator.getKey(), "CURATOR", "Uji coba saja"), admin);
        assertThat(ApiClient.outcome(revoke, "revokeStaffRole")).as(revoke).isEqualTo("ok");
        assertThat((Object) JsonPath.read(revoke, "$.data.revokeStaffRole.account")).isNull();

        assertThat((List<String>) JsonPath.read(api.query(MEMBERS, Map.of(), admin), "$.data.staffMembers[*].email"))
            .contains(curator.getKey())
            .doesNotContain(someone.getKey());
        assertThat((Integer) JsonPath.read(api.query(HISTORY, Map.of(), admin), "$.data.staffRoleHistory.totalCount"))
            .isEqualTo(before);
        assertThat(api.http().graphQl("{ me { email } }", Map.of(), curator.getValue()).statusCode())
            .as("the curator's session goes on")
            .isEqualTo(200);

        var email = someone().getKey();
        var refusals = List.of(List.of(GRANT, GRANT_DRY_RUN, email, "CURATOR", "  "),
                List.of(GRANT, GRANT_DRY_RUN, "tidak-ada@contoh.id", "ADMIN", "x".repeat(501)),
                List.of(REVOKE, REVOKE_DRY_RUN, email, "ADMIN", "Uji"),
                List.of(GRANT, GRANT_DRY_RUN, ApiClient.CURATOR, "CURATOR", "Uji"));
        for (var refusal : refusals) {
            var field = refusal.get(0).equals(GRANT) ? "grantStaffRole" : "revokeStaffRole";
            var input = change(refusal.get(2), refusal.get(3), refusal.get(4));
            var dryRun = codes(api.mutate(refusal.get(1), input, admin), field);
            assertThat(dryRun).as(refusal.toString())
                .isNotEmpty()
                .isEqualTo(codes(api.mutate(refusal.get(0), input, admin), field));
        }
    }

    @Test
    void onlyAdminsSeeAndChangeStaffRoles() throws Exception {
        var callers = api.staffMatrixCallers();
        var outcomes = new LinkedHashMap<String, String>();
        for (var caller : callers.entrySet()) {
            var token = caller.getValue();
            var who = caller.getKey();
            outcomes.put("grantStaffRole/" + who, ApiClient.outcome(
                    api.mutate(GRANT, change(someone().getKey(), "CURATOR", "Uji matriks"), token), "grantStaffRole"));
            var curator = someone().getKey();
            api.mutate(GRANT, change(curator, "CURATOR", "Uji matriks"), callers.get("admin"));
            outcomes.put("grantStaffRole dryRun/" + who,
                    ApiClient.outcome(
                            api.mutate(GRANT_DRY_RUN, change(someone().getKey(), "CURATOR", "Uji matriks"), token),
                            "grantStaffRole"));
            // the dry run first: the real revocation leaves nothing to revoke
            outcomes.put("revokeStaffRole dryRun/" + who, ApiClient.outcome(
                    api.mutate(REVOKE_DRY_RUN, change(curator, "CURATOR", "Uji matriks"), token), "revokeStaffRole"));
            outcomes.put("revokeStaffRole/" + who, ApiClient
                .outcome(api.mutate(REVOKE, change(curator, "CURATOR", "Uji matriks"), token), "revokeStaffRole"));
            outcomes.put("staffMembers/" + who, queried(api.query(MEMBERS, Map.of(), token)));
            outcomes.put("staffRoleHistory/" + who, queried(api.query(HISTORY, Map.of(), token)));
        }
        var expected = new LinkedHashMap<String, String>();
        for (var operation : List.of("grantStaffRole", "revokeStaffRole", "grantStaffRole dryRun",
                "revokeStaffRole dryRun", "staffMembers", "staffRoleHistory")) {
            expected.put(operation + "/anonymous", "UNAUTHORIZED");
            expected.put(operation + "/buyer", "FORBIDDEN");
            expected.put(operation + "/producer of brand A", "FORBIDDEN");
            expected.put(operation + "/producer of brand B", "FORBIDDEN");
            expected.put(operation + "/curator", "FORBIDDEN");
            expected.put(operation + "/admin", "ok");
        }
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aRevokedCuratorsApiSessionsEndAtOnce() throws Exception {
        var admin = api.signIn(ApiClient.ADMIN);
        var curator = someone();
        api.mutate(GRANT, change(curator.getKey(), "CURATOR", "Kurator sementara"), admin);
        var signedIn = api.mutate("""
                mutation($input: LoginInput!) { login(input: $input) { session { accessToken refreshToken } } }""",
                Map.of("email", curator.getKey(), "password", "tenun-sukarara-2026"), null);
        String access = JsonPath.read(signedIn, "$.data.login.session.accessToken");
        String refresh = JsonPath.read(signedIn, "$.data.login.session.refreshToken");
        var staffOnly = "{ searchQueryStats(days: 7) { query } }";
        assertThat(queried(api.query(staffOnly, Map.of(), access))).isEqualTo("ok");

        api.mutate(REVOKE, change(curator.getKey(), "CURATOR", "Masa tugas selesai"), admin);

        assertThat(api.http().graphQl("{ me { email } }", Map.of(), access).statusCode()).as("access token")
            .isEqualTo(401);
        assertThat(api.http().graphQl("{ me { email } }", Map.of(), curator.getValue()).statusCode())
            .as("an earlier session's token")
            .isEqualTo(401);
        var renewed = api.mutate("""
                mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { userErrors { code } } }""",
                Map.of("refreshToken", refresh), null);
        assertThat(ApiClient.outcome(renewed, "refreshSession")).isEqualTo("userError:INVALID");
    }

    @Test
    void theLastAdminKeepsTheRole() throws Exception {
        var first = someone();
        var second = someone().getKey();
        try (var noAdmins = new AdminsSetAside(jdbc)) {
            jdbc.sql("update account set roles = array_append(roles, 'ADMIN') where email = ?")
                .param(first.getKey())
                .update();
            var admin = api.mutate("""
                    mutation($input: LoginInput!) { login(input: $input) { session { accessToken } } }""",
                    Map.of("email", first.getKey(), "password", "tenun-sukarara-2026"), null);
            String token = JsonPath.read(admin, "$.data.login.session.accessToken");

            var alone = api.mutate(REVOKE, change(first.getKey(), "ADMIN", "Pensiun"), token);
            assertThat(codes(alone, "revokeStaffRole")).containsExactly("input.role:LAST_ADMIN");
            var aloneDryRun = api.mutate(REVOKE_DRY_RUN, change(first.getKey(), "ADMIN", "Pensiun"), token);
            assertThat(codes(aloneDryRun, "revokeStaffRole")).containsExactly("input.role:LAST_ADMIN");

            api.mutate(GRANT, change(second, "ADMIN", "Pengganti operator"), token);
            var handedOver = api.mutate(REVOKE, change(first.getKey(), "ADMIN", "Pensiun"), token);
            assertThat(ApiClient.outcome(handedOver, "revokeStaffRole")).as(handedOver).isEqualTo("ok");
            assertThat(jdbc.sql("select count(*) from account where 'ADMIN' = any(roles)").query(Long.class).single())
                .isEqualTo(1);
        }
    }

    /** {@code ok}, or the classification of the query's error. */
    private static String queried(String body) {
        List<String> errors = JsonPath.read(body, "$..errors[*].extensions.classification");
        return errors.isEmpty() ? "ok" : errors.getFirst();
    }

    private static List<String> codes(String body, String field) {
        List<Map<String, String>> errors = JsonPath.read(body, "$.data." + field + ".userErrors");
        return errors.stream().map(error -> error.get("field") + ":" + error.get("code")).toList();
    }

}
