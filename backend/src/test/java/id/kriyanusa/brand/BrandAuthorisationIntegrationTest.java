package id.kriyanusa.brand;

import static id.kriyanusa.brand.BrandApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may do what with brands, cell by cell: every brand mutation for anonymous callers,
 * buyers, a producer of the brand, a producer of another brand, curators and admins; and
 * who sees a brand that is not verified yet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandAuthorisationIntegrationTest {

    static final String ANONYMOUS = "anonymous", BUYER = "buyer", PRODUCER_A = "producer of A",
            PRODUCER_B = "producer of B", CURATOR = "curator", ADMIN = "admin";
    static final List<String> ROLES = List.of(ANONYMOUS, BUYER, PRODUCER_A, PRODUCER_B, CURATOR, ADMIN);

    @LocalServerPort
    int port;

    BrandApi api;

    Map<String, String> tokens;

    @BeforeEach
    void signIn() throws Exception {
        api = new BrandApi(new HttpTestClient(port));
        tokens = new HashMap<>();
        tokens.put(ANONYMOUS, null);
        tokens.put(BUYER, api.signUp("BUYER"));
        tokens.put(PRODUCER_A, api.signUp("PRODUCER"));
        tokens.put(PRODUCER_B, api.signUp("PRODUCER"));
        tokens.put(CURATOR, api.signIn("kurator@kriyanusa.test"));
        tokens.put(ADMIN, api.signIn("admin@kriyanusa.test"));
        api.createBrand(tokens.get(PRODUCER_B));
    }

    /**
     * A fresh brand of producer A in the given status, so every cell starts from the same
     * state.
     */
    String brandOfA(String status) throws Exception {
        var id = (String) api.createBrand(tokens.get(PRODUCER_A)).get("id");
        if (!status.equals("DRAFT")) {
            api.transition(BrandApi.SUBMIT, "submitBrandForVerification", id, null, tokens.get(PRODUCER_A));
        }
        if (status.equals("VERIFIED")) {
            api.transition(BrandApi.VERIFY, "verifyBrand", id, null, tokens.get(CURATOR));
        }
        return id;
    }

    @Test
    void everyBrandMutationAnswersEachRoleAsTheRulesSay() throws Exception {
        var expected = new LinkedHashMap<String, List<String>>();
        // columns: anonymous buyer producer A producer B curator admin
        expected.put("createBrand", List.of("UNAUTHORIZED", "ok", "ok", "ok", "ok", "ok"));
        expected.put("updateBrand", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        expected.put("submitBrandForVerification",
                List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        expected.put("verifyBrand", List.of("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok", "ok"));
        expected.put("rejectBrand", List.of("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok", "ok"));
        expected.put("suspendBrand", List.of("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok", "ok"));
        expected.put("inviteBrandMember", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        expected.put("acceptBrandInvitation", List.of("UNAUTHORIZED", "userError:INVALID", "userError:INVALID",
                "userError:INVALID", "userError:INVALID", "userError:INVALID"));
        expected.put("cancelBrandInvitation",
                List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        // producer A is the brand's only member, who stays: authorised callers hear why
        expected.put("removeBrandMember", List.of("UNAUTHORIZED", "FORBIDDEN", "userError:LAST_MEMBER", "FORBIDDEN",
                "FORBIDDEN", "userError:LAST_MEMBER"));

        var actual = new LinkedHashMap<String, List<String>>();
        for (var mutation : expected.keySet()) {
            var row = new java.util.ArrayList<String>();
            for (var role : ROLES) {
                row.add(attempt(mutation, tokens.get(role)));
            }
            actual.put(mutation, row);
        }
        assertThat(actual).isEqualTo(expected);
    }

    private String attempt(String mutation, String token) throws Exception {
        return switch (mutation) {
            case "createBrand" ->
                outcome(api.call(BrandApi.CREATE, BrandApi.minimalBrand(BrandApi.unique("matriks")), token), mutation);
            case "updateBrand" -> {
                var id = brandOfA("DRAFT");
                yield outcome(
                        api.call(BrandApi.UPDATE, Map.of("id", id, "expectedVersion", 0, "tagline", "Diubah"), token),
                        mutation);
            }
            case "submitBrandForVerification" ->
                outcome(api.call(BrandApi.SUBMIT, Map.of("id", brandOfA("DRAFT")), token), mutation);
            case "verifyBrand" ->
                outcome(api.call(BrandApi.VERIFY, Map.of("id", brandOfA("SUBMITTED")), token), mutation);
            case "rejectBrand" -> outcome(
                    api.call(BrandApi.REJECT,
                            Map.of("id", brandOfA("SUBMITTED"), "note", "Lengkapi cerita dalam bahasa Inggris"), token),
                    mutation);
            case "suspendBrand" -> outcome(
                    api.call(BrandApi.SUSPEND,
                            Map.of("id", brandOfA("VERIFIED"), "note", "Laporan produk palsu sedang diperiksa"), token),
                    mutation);
            case "inviteBrandMember" -> outcome(api.call(BrandApi.INVITE,
                    Map.of("brandId", brandOfA("DRAFT"), "email", BrandApi.unique("anggota") + "@contoh.id"), token),
                    mutation);
            case "acceptBrandInvitation" -> {
                var invited = api.call(BrandApi.INVITE,
                        Map.of("brandId", brandOfA("DRAFT"), "email", BrandApi.unique("undangan") + "@contoh.id"),
                        tokens.get(PRODUCER_A));
                String secret = JsonPath.read(invited, "$.data.inviteBrandMember.invitation.token");
                yield outcome(api.call(BrandApi.ACCEPT, Map.of("token", secret), token), mutation);
            }
            case "cancelBrandInvitation" -> {
                var invited = api.call(BrandApi.INVITE,
                        Map.of("brandId", brandOfA("DRAFT"), "email", BrandApi.unique("batal") + "@contoh.id"),
                        tokens.get(PRODUCER_A));
                String id = JsonPath.read(invited, "$.data.inviteBrandMember.invitation.id");
                yield outcome(api.call(BrandApi.CANCEL_INVITATION, Map.of("id", id), token), mutation);
            }
            case "removeBrandMember" -> {
                String producerA = JsonPath.read(api.query("{ me { id } }", Map.of(), tokens.get(PRODUCER_A)),
                        "$.data.me.id");
                yield outcome(api.call(BrandApi.REMOVE_MEMBER,
                        Map.of("brandId", brandOfA("DRAFT"), "accountId", producerA), token), mutation);
            }
            default -> throw new IllegalArgumentException(mutation);
        };
    }

    @Test
    void curatorsMustSayWhyTheyRejectOrSuspendAndOnlyFromTheRightStatus() throws Exception {
        var curator = tokens.get(CURATOR);
        var submitted = brandOfA("SUBMITTED");
        assertThat(outcome(api.call(BrandApi.REJECT, Map.of("id", submitted), curator), "rejectBrand"))
            .isEqualTo("userError:REQUIRED");
        assertThat(outcome(api.call(BrandApi.SUSPEND, Map.of("id", submitted, "note", " "), curator), "suspendBrand"))
            .isEqualTo("userError:REQUIRED");
        var draft = brandOfA("DRAFT");
        assertThat(outcome(api.call(BrandApi.VERIFY, Map.of("id", draft), curator), "verifyBrand"))
            .isEqualTo("userError:INVALID_STATE");

        api.transition(BrandApi.REJECT, "rejectBrand", submitted, "Foto produk belum ada", curator);
        var body = api.query(BrandApi.BY_SLUG, Map.of("slug", slugOf(submitted)), tokens.get(PRODUCER_A));
        assertThat((String) JsonPath.read(body, "$.data.brand.verificationStatus")).isEqualTo("DRAFT");
        List<String> steps = JsonPath.read(body, "$.data.brand.verificationHistory[*].to");
        assertThat(steps).containsExactly("DRAFT", "SUBMITTED", "DRAFT");
        assertThat((String) JsonPath.read(body, "$.data.brand.verificationHistory[2].note"))
            .isEqualTo("Foto produk belum ada");
        assertThat((String) JsonPath.read(body, "$.data.brand.verificationHistory[2].changedBy.email"))
            .isEqualTo("kurator@kriyanusa.test");
    }

    @Test
    void aBrandThatIsNotVerifiedIsSeenOnlyByItsMembersAndStaff() throws Exception {
        var created = api.createBrand(tokens.get(PRODUCER_A));
        var slug = (String) created.get("slug");
        var name = "Kelompok Uji " + slug;

        var seen = new LinkedHashMap<String, Boolean>();
        var listed = new LinkedHashMap<String, Integer>();
        for (var role : ROLES) {
            var body = api.query(BrandApi.BY_SLUG, Map.of("slug", slug), tokens.get(role));
            seen.put(role, JsonPath.read(body, "$.data.brand") != null);
            var list = api.query("query($name: String) { brands(filter: { nameContains: $name }) { totalCount } }",
                    Map.of("name", name), tokens.get(role));
            listed.put(role, JsonPath.read(list, "$.data.brands.totalCount"));
        }
        assertThat(seen.values()).containsExactly(false, false, true, false, true, true);
        assertThat(listed.values()).containsExactly(0, 0, 1, 0, 1, 1);

        var byId = api.query("query($id: ID!) { node(id: $id) { ... on Brand { slug } } }",
                Map.of("id", created.get("id")), tokens.get(BUYER));
        assertThat((Object) JsonPath.read(byId, "$.data.node")).isNull();

        // once verified, everyone sees it, but only members and staff see who its members
        // are
        api.transition(BrandApi.SUBMIT, "submitBrandForVerification", (String) created.get("id"), null,
                tokens.get(PRODUCER_A));
        api.transition(BrandApi.VERIFY, "verifyBrand", (String) created.get("id"), null, tokens.get(CURATOR));
        var asBuyer = api.query(BrandApi.BY_SLUG, Map.of("slug", slug), tokens.get(BUYER));
        assertThat((String) JsonPath.read(asBuyer, "$.data.brand.slug")).isEqualTo(slug);
        assertThat((Object) JsonPath.read(asBuyer, "$.data.brand.members")).isNull();
        assertThat((Object) JsonPath.read(asBuyer, "$.data.brand.verificationHistory")).isNull();
        var asCurator = api.query(BrandApi.BY_SLUG, Map.of("slug", slug), tokens.get(CURATOR));
        assertThat((List<?>) JsonPath.read(asCurator, "$.data.brand.members")).hasSize(1);

        // suspended: hidden again from the public, the reason shown to members
        api.transition(BrandApi.SUSPEND, "suspendBrand", (String) created.get("id"), "Alamat tidak dapat diverifikasi",
                tokens.get(CURATOR));
        assertThat((Object) JsonPath.read(api.query(BrandApi.BY_SLUG, Map.of("slug", slug), null), "$.data.brand"))
            .isNull();
        var asMember = api.query("query($slug: String!) { brand(slug: $slug) { verificationStatus suspensionReason } }",
                Map.of("slug", slug), tokens.get(PRODUCER_A));
        assertThat((String) JsonPath.read(asMember, "$.data.brand.suspensionReason"))
            .isEqualTo("Alamat tidak dapat diverifikasi");
    }

    @Test
    void theDemoProducerRunsTwoBrandsAndTheDemoBrandsArePublic() throws Exception {
        var producer = api.signIn("produsen@kriyanusa.test");
        var body = api.query(
                "{ brands(first: 100, filter: { villages: [\"semoyang\", \"banyumulek\"] }) { edges { node { slug viewerIsMember verificationStatus } } } }",
                Map.of(), producer);
        List<String> own = JsonPath.read(body, "$.data.brands.edges[?(@.node.viewerIsMember == true)].node.slug");
        assertThat(own).contains("koperasi-kriya-tembakau-semoyang", "gerabah-banyumulek-lestari");

        var anonymous = api.query("{ brands(first: 100) { totalCount edges { node { verificationStatus } } } }",
                Map.of(), null);
        List<String> statuses = JsonPath.read(anonymous, "$.data.brands.edges[*].node.verificationStatus");
        assertThat(statuses).hasSizeGreaterThanOrEqualTo(20).containsOnly("VERIFIED");
    }

    private String slugOf(String id) throws Exception {
        var body = api.query("query($id: ID!) { node(id: $id) { ... on Brand { slug } } }", Map.of("id", id),
                tokens.get(ADMIN));
        return JsonPath.read(body, "$.data.node.slug");
    }

}
