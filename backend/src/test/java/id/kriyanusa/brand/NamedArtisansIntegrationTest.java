package id.kriyanusa.brand;

import static id.kriyanusa.brand.BrandApi.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Producers name their artisans, say who agreed to be shown and when their certificates
 * were issued, through the API; visitors see only the artisans who agreed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class NamedArtisansIntegrationTest {

    static final String UPDATE_ARTISANS = """
            mutation($input: UpdateNamedArtisansInput!) { updateNamedArtisans(input: $input) {
              brand { version namedArtisans { name role { indonesian english } consentToShow } }
              userErrors { field code message } } }""";

    static final String ARTISANS_BY_SLUG = """
            query($slug: String!) { brand(slug: $slug) {
              namedArtisans { name role { indonesian english } consentToShow }
              palette { primary primaryContrast readablePrimary }
              certifications { kind number issuedOn expiresOn } } }""";

    @LocalServerPort
    int port;

    BrandApi api;

    String producer;

    @BeforeEach
    void signUp() throws Exception {
        api = new BrandApi(new HttpTestClient(port));
        producer = api.signUp("BUYER");
    }

    @Test
    void visitorsSeeOnlyTheArtisansWhoAgreedToBeShownAndMembersSeeAll() throws Exception {
        var brand = verifiedBrand();
        var body = api.call(UPDATE_ARTISANS, Map.of("brandId", brand.get("id"), "expectedVersion", brand.get("version"),
                "artisans",
                List.of(Map.of("name", "Inaq Sahnun", "role", ApiClient.text("Penenun", "Weaver"), "consentToShow",
                        true), Map.of("name", "Amaq Rusdi", "role", ApiClient.text("Pengrajin ketak", null)))),
                producer);
        assertThat((List<?>) JsonPath.read(body, "$.data.updateNamedArtisans.userErrors")).as(body).isEmpty();
        assertThat((Integer) JsonPath.read(body, "$.data.updateNamedArtisans.brand.version"))
            .isEqualTo((Integer) brand.get("version") + 1);

        var member = api.query(ARTISANS_BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((List<String>) JsonPath.read(member, "$.data.brand.namedArtisans[*].name"))
            .containsExactly("Inaq Sahnun", "Amaq Rusdi");
        assertThat((List<Boolean>) JsonPath.read(member, "$.data.brand.namedArtisans[*].consentToShow"))
            .containsExactly(true, false);

        var visitor = api.query(ARTISANS_BY_SLUG, Map.of("slug", brand.get("slug")), null);
        assertThat((List<String>) JsonPath.read(visitor, "$.data.brand.namedArtisans[*].name"))
            .containsExactly("Inaq Sahnun");
        assertThat((String) JsonPath.read(visitor, "$.data.brand.namedArtisans[0].role.english")).isEqualTo("Weaver");
    }

    @Test
    void aStaleVersionBadNamesAndOtherBrandsProducersChangeNothing() throws Exception {
        var brand = api.createBrand(producer);
        var stale = api.call(
                UPDATE_ARTISANS, Map.of("brandId", brand.get("id"), "expectedVersion",
                        (Integer) brand.get("version") - 1, "artisans", List.of(Map.of("name", "Inaq Sahnun"))),
                producer);
        assertThat(outcome(stale, "updateNamedArtisans")).isEqualTo("userError:CONFLICT");

        var bad = api.call(UPDATE_ARTISANS,
                Map.of("brandId", brand.get("id"), "expectedVersion", brand.get("version"), "artisans",
                        List.of(Map.of("name", "  "), Map.of("name", "x".repeat(121)),
                                Map.of("name", "Papuq", "role", ApiClient.text("r".repeat(121), null)))),
                producer);
        assertThat((List<String>) JsonPath.read(bad, "$.data.updateNamedArtisans.userErrors[*].field"))
            .containsExactly("input.artisans[0].name", "input.artisans[1].name", "input.artisans[2].role.indonesian");
        var tooMany = api.call(UPDATE_ARTISANS, Map.of("brandId", brand.get("id"), "expectedVersion",
                brand.get("version"), "artisans", java.util.Collections.nCopies(51, Map.of("name", "Inaq"))), producer);
        assertThat(outcome(tooMany, "updateNamedArtisans")).isEqualTo("userError:TOO_MANY");

        var other = api.call(UPDATE_ARTISANS, Map.of("brandId", brand.get("id"), "expectedVersion",
                brand.get("version"), "artisans", List.of(Map.of("name", "Bukan perajin kami"))),
                api.signUp("PRODUCER"));
        assertThat(outcome(other, "updateNamedArtisans")).isEqualTo("FORBIDDEN");
        assertThat(outcome(api.call(UPDATE_ARTISANS,
                Map.of("brandId", brand.get("id"), "expectedVersion", brand.get("version"), "artisans", List.of()),
                null), "updateNamedArtisans"))
            .isEqualTo("UNAUTHORIZED");

        var member = api.query(ARTISANS_BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((List<?>) JsonPath.read(member, "$.data.brand.namedArtisans")).isEmpty();
    }

    @Test
    void certificatesKeepTheirIssueDateWhichIsNotInTheFuture() throws Exception {
        var brand = api.createBrand(producer);
        var input = new HashMap<String, Object>();
        input.put("id", brand.get("id"));
        input.put("expectedVersion", brand.get("version"));
        input.put("certifications", List.of(Map.of("kind", "PIRT", "number", "2065201010123-27", "issuedOn",
                "2024-03-05", "expiresOn", "2029-03-05")));
        assertThat(outcome(api.call(BrandApi.UPDATE, input, producer), "updateBrand")).isEqualTo("ok");
        var read = api.query(ARTISANS_BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((String) JsonPath.read(read, "$.data.brand.certifications[0].issuedOn")).isEqualTo("2024-03-05");
        assertThat((String) JsonPath.read(read, "$.data.brand.certifications[0].expiresOn")).isEqualTo("2029-03-05");

        input.put("expectedVersion", (Integer) brand.get("version") + 1);
        input.put("certifications",
                List.of(Map.of("kind", "HALAL", "issuedOn", LocalDate.now().plusDays(2).toString())));
        var future = api.call(BrandApi.UPDATE, input, producer);
        assertThat((List<String>) JsonPath.read(future, "$.data.updateBrand.userErrors[*].field"))
            .containsExactly("input.certifications[0].issuedOn");
    }

    @Test
    void aPaleMainColourIsReportedWithTheShadeThePageShows() throws Exception {
        var brand = api.createBrand(producer);
        var input = new HashMap<String, Object>();
        input.put("id", brand.get("id"));
        input.put("expectedVersion", brand.get("version"));
        input.put("palette", Map.of("primary", "#F4D03F"));
        assertThat(outcome(api.call(BrandApi.UPDATE, input, producer), "updateBrand")).isEqualTo("ok");
        var read = api.query(ARTISANS_BY_SLUG, Map.of("slug", brand.get("slug")), producer);
        assertThat((Double) JsonPath.read(read, "$.data.brand.palette.primaryContrast")).isLessThan(2.0);
        String shade = JsonPath.read(read, "$.data.brand.palette.readablePrimary");
        assertThat(PaletteContrast.withWhiteText(shade)).isGreaterThanOrEqualTo(4.5);
    }

    /**
     * A new brand of the producer, verified by the department so that visitors see it.
     */
    private Map<String, Object> verifiedBrand() throws Exception {
        var brand = api.createBrand(producer);
        api.transition(BrandApi.SUBMIT, "submitBrandForVerification", (String) brand.get("id"), null, producer);
        api.transition(BrandApi.VERIFY, "verifyBrand", (String) brand.get("id"), null, api.signIn(ApiClient.CURATOR));
        var read = api.query("query($slug: String!) { brand(slug: $slug) { id slug version } }",
                Map.of("slug", brand.get("slug")), producer);
        return JsonPath.read(read, "$.data.brand");
    }

}
