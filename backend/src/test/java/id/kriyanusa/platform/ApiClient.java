package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.mail.LocalInbox;
import org.awaitility.Awaitility;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Drives the GraphQL API over real HTTP as web and mobile clients do: signs accounts up
 * and in, and reports what the caller noticed of a mutation.
 */
public final class ApiClient {

    /**
     * Development password of the demo accounts (admin@, kurator@, produsen@,
     * pembeli@kriyanusa.test).
     */
    public static final String DEMO_PASSWORD = "kriyanusa-demo";

    public static final String ADMIN = "admin@kriyanusa.test";

    public static final String CURATOR = "kurator@kriyanusa.test";

    public static final String PRODUCER = "produsen@kriyanusa.test";

    public static final String BUYER = "pembeli@kriyanusa.test";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpTestClient http;

    private final HttpGraphQlTester graphQl;

    public ApiClient(int port) {
        this(new HttpTestClient(port));
    }

    public ApiClient(HttpTestClient http) {
        this.http = http;
        this.graphQl = HttpGraphQlTester.builder(http.webTestClient("/graphql"))
            .responseTimeout(Duration.ofSeconds(30))
            .build();
    }

    public HttpTestClient http() {
        return http;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Signs up a new account with the given role (BUYER or PRODUCER) and returns its
     * access token.
     */
    public String signUp(String email, String role) throws Exception {
        var body = mutate("""
                mutation($input: RegisterInput!) { register(input: $input) { session { accessToken }
                    userErrors { code } } }""",
                Map.of("email", email, "password", "tenun-sukarara-2026", "displayName", "Uji " + role, "role", role),
                null);
        return JsonPath.read(body, "$.data.register.session.accessToken");
    }

    public String signUp(String role) throws Exception {
        return signUp(unique(role.toLowerCase()) + "@contoh.id", role);
    }

    /**
     * Opens the verification link mailed to this address at sign-up, as its holder would:
     * waits for the mail to reach the local mail server, then verifies with the link's
     * token.
     */
    public void verifyEmail(LocalInbox inbox, String email) throws Exception {
        var link = awaitLink(inbox, email, "/verifikasi-email/");
        var body = mutate("mutation($input: VerifyEmailInput!) { verifyEmail(input: $input) { userErrors { code } } }",
                Map.of("token", link.substring(link.lastIndexOf('/') + 1)), null);
        assertThat(outcome(body, "verifyEmail")).as("verifying %s", email).isEqualTo("ok");
    }

    /** The newest link with this path mailed to the address, once it arrived. */
    public static String awaitLink(LocalInbox inbox, String email, String path) {
        return awaitLink(inbox, email, link -> link.contains(path));
    }

    /** The first link mailed to {@code email} that is {@code wanted}, once it arrived. */
    public static String awaitLink(LocalInbox inbox, String email, Predicate<String> wanted) {
        return Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> inbox.to(email).stream().flatMap(mail -> mail.links().stream()).filter(wanted).findFirst(),
                    Optional::isPresent)
            .orElseThrow();
    }

    /** Signs in with one of the demo accounts and returns its access token. */
    public String signIn(String email) throws Exception {
        var body = mutate("""
                mutation($input: LoginInput!) { login(input: $input) { session { accessToken } userErrors {
                    code } } }""", Map.of("email", email, "password", DEMO_PASSWORD), null);
        String token = JsonPath.read(body, "$.data.login.session.accessToken");
        assertThat(token).as("demo account %s signs in", email).isNotBlank();
        return token;
    }

    /**
     * One caller of each kind that staff-only mutations are checked against, by name,
     * with their access tokens (null for the anonymous caller): the demo producer stands
     * for brand A, a new producer for brand B.
     */
    public Map<String, String> staffMatrixCallers() throws Exception {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("buyer", signUp("BUYER"));
        callers.put("producer of brand A", signIn(PRODUCER));
        callers.put("producer of brand B", signUp("PRODUCER"));
        callers.put("curator", signIn(CURATOR));
        callers.put("admin", signIn(ADMIN));
        return callers;
    }

    /** A new DRAFT brand of the signed-in producer, in Banyumulek: its id and slug. */
    public Map<String, Object> createBrand(String token, String slugPrefix) throws Exception {
        var slug = unique(slugPrefix);
        var body = mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id slug } userErrors { code } } }",
                readyForVerification(Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm", "KELOMPOK_PENGRAJIN",
                        "villageSlug", "banyumulek")),
                token);
        assertThat((List<?>) JsonPath.read(body, "$.data.createBrand.userErrors")).as(body).isEmpty();
        return JsonPath.read(body, "$.data.createBrand.brand");
    }

    /**
     * Submits the brand as its producer and verifies it as the demo curator, so that
     * visitors see it.
     */
    public void submitAndVerify(String brandId, String producerToken) throws Exception {
        assertThat(outcome(mutate(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), producerToken), "submitBrandForVerification"))
            .isEqualTo("ok");
        assertThat(outcome(
                mutate("mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                        Map.of("id", brandId), signIn(CURATOR)),
                "verifyBrand"))
            .isEqualTo("ok");
    }

    /**
     * A `CreateBrandInput` with what submitting for verification asks for, a story in
     * Indonesian and a way to reach the brand, unless the input has its own.
     */
    public static Map<String, Object> readyForVerification(Map<String, ?> input) {
        var complete = new LinkedHashMap<String, Object>(input);
        complete.putIfAbsent("story", text("Kami menganyam daun tembakau sejak 2015.", null));
        complete.putIfAbsent("contacts", Map.of("whatsapp", "0812-3456-7890"));
        return complete;
    }

    /** Sends a mutation with one {@code input} variable. */
    public String mutate(String document, Map<String, ?> input, String token) throws Exception {
        return query(document, Map.of("input", input), token);
    }

    /**
     * Sends a GraphQL request, signed in when a bearer token is given, and returns the
     * response as JSON for the tests' JsonPath; errors are the caller's to check.
     */
    public String query(String document, Map<String, ?> variables, String token) throws Exception {
        var tester = (token == null) ? graphQl
                : graphQl.mutate().headers((headers) -> headers.setBearerAuth(token)).build();
        var response = tester.document(document).variables(new LinkedHashMap<>(variables)).execute();
        return JSON.writeValueAsString(response.returnResponse().toMap());
    }

    /**
     * What the caller noticed: {@code ok}, the error classification (UNAUTHORIZED,
     * FORBIDDEN, NOT_FOUND, ...) or {@code userError:CODE}.
     */
    public static String outcome(String body, String field) {
        Map<String, Object> response = JsonPath.read(body, "$");
        if (response.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
            return JsonPath.read(body, "$.errors[0].extensions.classification");
        }
        List<String> codes = JsonPath.read(body, "$.data." + field + ".userErrors[*].code");
        return codes.isEmpty() ? "ok" : "userError:" + codes.getFirst();
    }

    /** A `LocalizedTextInput`; either language may be null. */
    public static Map<String, Object> text(String indonesian, String english) {
        var text = new LinkedHashMap<String, Object>();
        text.put("indonesian", indonesian);
        text.put("english", english);
        return text;
    }

    /** The global id of the image stored under this key, as `Image.id` gives it. */
    public static String imageId(String key) {
        return GlobalId.encode("Image", key);
    }

    /**
     * A `ProductImageInput` for the image stored under this key; the catalog takes any
     * well-formed image id, uploaded or not.
     */
    public static Map<String, Object> image(String key, String altIndonesian, String altEnglish) {
        var image = new LinkedHashMap<String, Object>();
        image.put("imageId", imageId(key));
        image.put("alt", text(altIndonesian, altEnglish));
        return image;
    }

}
