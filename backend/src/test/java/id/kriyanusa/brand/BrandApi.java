package id.kriyanusa.brand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;

/**
 * Drives the brand API over real HTTP as the web and mobile clients do; shared by the
 * brand tests.
 */
final class BrandApi {

    static final String DEMO_PASSWORD = ApiClient.DEMO_PASSWORD;

    static final String BRAND_FIELDS = """
            id slug name legalForm verificationStatus version viewerIsMember tagline yearFounded
            story { indonesian english } palette { primary secondary accent }
            contacts { whatsapp phone email socialLinks }
            certifications { kind number expiresOn } artisans { total women youth } village { slug name }
            """;
    static final String PAYLOAD = "{ brand { " + BRAND_FIELDS + " } userErrors { field code message } }";

    static final String CREATE = "mutation($input: CreateBrandInput!) { createBrand(input: $input) " + PAYLOAD + " }";
    static final String UPDATE = "mutation($input: UpdateBrandInput!) { updateBrand(input: $input) " + PAYLOAD + " }";
    static final String SUBMIT = "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) "
            + PAYLOAD + " }";
    static final String VERIFY = "mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) " + PAYLOAD
            + " }";
    static final String REJECT = "mutation($input: BrandTransitionInput!) { rejectBrand(input: $input) " + PAYLOAD
            + " }";
    static final String SUSPEND = "mutation($input: BrandTransitionInput!) { suspendBrand(input: $input) " + PAYLOAD
            + " }";
    static final String INVITE = """
            mutation($input: InviteBrandMemberInput!) { inviteBrandMember(input: $input) {
              invitation { id brandSlug email token expiresAt } userErrors { field code message } } }""";
    static final String ACCEPT = "mutation($input: AcceptBrandInvitationInput!) { acceptBrandInvitation(input: $input) "
            + PAYLOAD + " }";
    static final String CANCEL_INVITATION = "mutation($input: CancelBrandInvitationInput!) { "
            + "cancelBrandInvitation(input: $input) " + PAYLOAD + " }";
    static final String REMOVE_MEMBER = "mutation($input: RemoveBrandMemberInput!) { removeBrandMember(input: $input) "
            + PAYLOAD + " }";
    static final String BY_SLUG = "query($slug: String!) { brand(slug: $slug) { " + BRAND_FIELDS
            + " members { account { email } } verificationHistory { from to note changedBy { email } } invitations { email token } } }";

    private final ApiClient api;

    BrandApi(HttpTestClient client) {
        this.api = new ApiClient(client);
    }

    static String unique(String prefix) {
        return ApiClient.unique(prefix);
    }

    String signUp(String email, String role) throws Exception {
        return api.signUp(email, role);
    }

    String signUp(String role) throws Exception {
        return api.signUp(role);
    }

    /** Signs in with one of the demo accounts. */
    String signIn(String email) throws Exception {
        return api.signIn(email);
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
        return api.mutate(document, input, token);
    }

    /**
     * Creates a DRAFT brand as the given account and returns it as JSON (id, slug,
     * version).
     */
    Map<String, Object> createBrand(String token) throws Exception {
        var body = call(CREATE, ApiClient.readyForVerification(minimalBrand(unique("uji"))), token);
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
        return api.query(document, variables, token);
    }

    /**
     * What the caller noticed: {@code ok}, the error classification or
     * {@code userError:CODE}.
     */
    static String outcome(String body, String field) {
        return ApiClient.outcome(body, field);
    }

}
