package id.kriyanusa.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.HttpTestClient;

/** Drives the brand API over real HTTP as the web and mobile clients do; shared by the brand tests. */
final class BrandApi {

    static final String DEMO_PASSWORD = "kriyanusa-demo";

    static final String BRAND_FIELDS = """
            id slug name legalForm verificationStatus version viewerIsMember tagline yearFounded
            story { id en } palette { primary secondary accent } contacts { whatsapp phone email socialLinks }
            certifications { kind number expiresOn } artisans { total women youth } village { slug name }
            """;
    static final String PAYLOAD = "{ brand { " + BRAND_FIELDS + " } userErrors { field code message } }";

    static final String CREATE = "mutation($input: CreateBrandInput!) { createBrand(input: $input) " + PAYLOAD + " }";
    static final String UPDATE = "mutation($input: UpdateBrandInput!) { updateBrand(input: $input) " + PAYLOAD + " }";
    static final String SUBMIT = "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) " + PAYLOAD + " }";
    static final String VERIFY = "mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) " + PAYLOAD + " }";
    static final String REJECT = "mutation($input: BrandTransitionInput!) { rejectBrand(input: $input) " + PAYLOAD + " }";
    static final String SUSPEND = "mutation($input: BrandTransitionInput!) { suspendBrand(input: $input) " + PAYLOAD + " }";
    static final String INVITE = """
            mutation($input: InviteBrandMemberInput!) { inviteBrandMember(input: $input) {
              invitation { id brandSlug email token expiresAt } userErrors { field code message } } }""";
    static final String ACCEPT = "mutation($input: AcceptBrandInvitationInput!) { acceptBrandInvitation(input: $input) " + PAYLOAD + " }";
    static final String BY_SLUG = "query($slug: String!) { brand(slug: $slug) { " + BRAND_FIELDS
            + " members { account { email } } verificationHistory { from to note changedBy { email } } invitations { email token } } }";

    private final HttpTestClient client;

    BrandApi(HttpTestClient client) {
        this.client = client;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Signs up a new account and returns its access token. */
    String signUp(String email, String role) throws Exception {
        var body = client.graphQl("""
                mutation($input: RegisterInput!) { register(input: $input) { session { accessToken } userErrors { code } } }""",
                Map.of("input", Map.of("email", email, "password", "tenun-sukarara-2026", "displayName", "Uji " + role, "role", role)),
                null).body();
        return JsonPath.read(body, "$.data.register.session.accessToken");
    }

    String signUp(String role) throws Exception {
        return signUp(unique(role.toLowerCase()) + "@contoh.id", role);
    }

    /** Signs in with one of the demo accounts. */
    String signIn(String email) throws Exception {
        var body = client.graphQl("""
                mutation($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors { code } } }""",
                Map.of("input", Map.of("email", email, "password", DEMO_PASSWORD)), null).body();
        String token = JsonPath.read(body, "$.data.login.session.accessToken");
        assertThat(token).as("demo account %s signs in", email).isNotBlank();
        return token;
    }

    static Map<String, Object> minimalBrand(String slug) {
        var input = new HashMap<String, Object>();
        input.put("name", "Kelompok Uji " + slug);
        input.put("slug", slug);
        input.put("legalForm", "KELOMPOK_PENGRAJIN");
        input.put("villageSlug", "semoyang");
        return input;
    }

    String call(String document, Map<String, ?> input, String token) throws Exception {
        return client.graphQl(document, Map.of("input", input), token).body();
    }

    /** Creates a DRAFT brand as the given account and returns it as JSON (id, slug, version). */
    Map<String, Object> createBrand(String token) throws Exception {
        var body = call(CREATE, minimalBrand(unique("uji")), token);
        assertThat((List<?>) JsonPath.read(body, "$.data.createBrand.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.createBrand.brand");
    }

    void transition(String document, String field, String brandId, String note, String token) throws Exception {
        var input = new HashMap<String, Object>();
        input.put("id", brandId);
        input.put("note", note);
        var body = call(document, input, token);
        assertThat((List<?>) JsonPath.read(body, "$.data." + field + ".userErrors")).as(body).isEmpty();
    }

    String query(String document, Map<String, ?> variables, String token) throws Exception {
        return client.graphQl(document, variables, token).body();
    }

    /**
     * What the caller noticed: {@code ok}, the error classification (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, ...) or
     * {@code userError:CODE}.
     */
    static String outcome(String body, String field) {
        Map<String, Object> response = JsonPath.read(body, "$");
        if (response.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return JsonPath.read(body, "$.errors[0].extensions.classification");
        }
        List<String> codes = JsonPath.read(body, "$.data." + field + ".userErrors[*].code");
        return codes.isEmpty() ? "ok" : "userError:" + codes.getFirst();
    }
}
