package id.kriyanusa.catalog;

import static id.kriyanusa.catalog.CatalogApi.outcome;
import static id.kriyanusa.catalog.CatalogApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * Who may do what with products and categories, cell by cell: every catalog mutation for
 * anonymous callers, buyers, a producer of the product's brand, a producer of another
 * brand, curators and admins; and who sees drafts and products of brands that are not
 * verified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductAuthorisationIntegrationTest {

    static final String ANONYMOUS = "anonymous", BUYER = "buyer", PRODUCER_A = "producer of A",
            PRODUCER_B = "producer of B", CURATOR = "curator", ADMIN = "admin";
    static final List<String> ROLES = List.of(ANONYMOUS, BUYER, PRODUCER_A, PRODUCER_B, CURATOR, ADMIN);

    @LocalServerPort
    int port;

    CatalogApi api;

    Map<String, String> tokens;

    String brandA;

    String brandB;

    @BeforeEach
    void signIn() throws Exception {
        api = new CatalogApi(new HttpTestClient(port));
        tokens = new HashMap<>();
        tokens.put(ANONYMOUS, null);
        tokens.put(BUYER, api.signUp("BUYER"));
        tokens.put(PRODUCER_A, api.signUp("PRODUCER"));
        tokens.put(PRODUCER_B, api.signUp("PRODUCER"));
        tokens.put(CURATOR, api.signIn("kurator@kriyanusa.test"));
        tokens.put(ADMIN, api.signIn("admin@kriyanusa.test"));
        brandA = (String) api.createBrand(tokens.get(PRODUCER_A)).get("id");
        brandB = (String) api.createBrand(tokens.get(PRODUCER_B)).get("id");
    }

    @Test
    void aProducerCannotPutAnotherBrandsPhotoOnTheirProduct() throws Exception {
        var original = CatalogApi.completeProduct(brandA);
        api.createProduct(original, tokens.get(PRODUCER_A));
        @SuppressWarnings("unchecked")
        var photo = ((List<Map<String, Object>>) original.get("images")).getFirst();

        var copy = CatalogApi.completeProduct(brandB);
        copy.put("images", List.of(photo));
        var created = api.call(CatalogApi.CREATE, copy, tokens.get(PRODUCER_B));
        assertThat(outcome(created, "createProduct")).isEqualTo("userError:NOT_ALLOWED");
        assertThat((List<String>) JsonPath.read(created, "$.data.createProduct.userErrors[*].field"))
            .containsExactly("input.images[0].imageId");

        var own = api.createProduct(CatalogApi.completeProduct(brandB), tokens.get(PRODUCER_B));
        var updated = api.call(CatalogApi.UPDATE,
                Map.of("id", own.get("id"), "expectedVersion", own.get("version"), "images", List.of(photo)),
                tokens.get(PRODUCER_B));
        assertThat(outcome(updated, "updateProduct")).isEqualTo("userError:NOT_ALLOWED");
    }

    @Test
    void everyCatalogMutationAnswersEachRoleAsTheRulesSay() throws Exception {
        var expected = new LinkedHashMap<String, List<String>>();
        // columns: anonymous buyer producer A producer B curator admin
        expected.put("createProduct", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        expected.put("updateProduct", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        expected.put("publishProduct", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        expected.put("archiveProduct", List.of("UNAUTHORIZED", "FORBIDDEN", "ok", "FORBIDDEN", "FORBIDDEN", "ok"));
        // staff only, queries included
        for (var staffOnly : List.of("createCategory", "updateCategory", "retireCategory", "restoreCategory",
                "categories(includeRetired)", "Category.history")) {
            expected.put(staffOnly, List.of("UNAUTHORIZED", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "ok", "ok"));
        }

        var actual = new LinkedHashMap<String, List<String>>();
        for (var mutation : expected.keySet()) {
            var row = new ArrayList<String>();
            for (var role : ROLES) {
                row.add(attempt(mutation, tokens.get(role)));
            }
            actual.put(mutation, row);
        }
        assertThat(actual).isEqualTo(expected);
    }

    /**
     * Each cell starts from a fresh product of brand A, so one cell's change cannot
     * decide another's outcome.
     */
    private String attempt(String mutation, String token) throws Exception {
        return switch (mutation) {
            case "createProduct" ->
                outcome(api.call(CatalogApi.CREATE, CatalogApi.completeProduct(brandA), token), mutation);
            case "updateProduct" -> {
                var id = productOfA();
                yield outcome(
                        api.call(CatalogApi.UPDATE, Map.of("id", id, "expectedVersion", 0, "price", 95_000), token),
                        mutation);
            }
            case "publishProduct" -> outcome(api.call(CatalogApi.PUBLISH, Map.of("id", productOfA()), token), mutation);
            case "archiveProduct" -> outcome(api.call(CatalogApi.ARCHIVE, Map.of("id", productOfA()), token), mutation);
            case "createCategory" ->
                outcome(api.call(CatalogApi.CREATE_CATEGORY, CatalogApi.newCategory(unique("kriya-uji"), null), token),
                        mutation);
            case "updateCategory" -> outcome(api.call(CatalogApi.UPDATE_CATEGORY,
                    Map.of("id", category(), "name", Map.of("english", "Renamed craft")), token), mutation);
            case "retireCategory" ->
                outcome(api.call(CatalogApi.RETIRE_CATEGORY, Map.of("id", category()), token), mutation);
            case "restoreCategory" -> {
                var id = category();
                api.call(CatalogApi.RETIRE_CATEGORY, Map.of("id", id), tokens.get(CURATOR));
                yield outcome(api.call(CatalogApi.RESTORE_CATEGORY, Map.of("id", id), token), mutation);
            }
            case "categories(includeRetired)" ->
                queried(api.query("{ categories(includeRetired: true) { slug } }", Map.of(), token));
            case "Category.history" ->
                queried(api.query("{ category(slug: \"gerabah\") { history { action } } }", Map.of(), token));
            default -> throw new IllegalArgumentException(mutation);
        };
    }

    /** What the caller of a query noticed: {@code ok} or the error classification. */
    private static String queried(String body) {
        Map<String, Object> response = JsonPath.read(body, "$");
        return response.get("errors") == null ? "ok" : JsonPath.read(body, "$.errors[0].extensions.classification");
    }

    /** A new top-level category made by the curator: its id. */
    private String category() throws Exception {
        return (String) api.createCategory(unique("kriya-uji"), null, tokens.get(CURATOR)).get("id");
    }

    private String productOfA() throws Exception {
        return (String) api.createProduct(CatalogApi.completeProduct(brandA), tokens.get(PRODUCER_A)).get("id");
    }

    @Test
    void theRefusedCallsChangeNothing() throws Exception {
        var product = api.createProduct(CatalogApi.completeProduct(brandA), tokens.get(PRODUCER_A));
        for (var role : List.of(ANONYMOUS, BUYER, PRODUCER_B, CURATOR)) {
            api.call(CatalogApi.UPDATE, Map.of("id", product.get("id"), "expectedVersion", 0, "price", 1),
                    tokens.get(role));
            api.call(CatalogApi.PUBLISH, Map.of("id", product.get("id")), tokens.get(role));
        }
        var stored = api.query(CatalogApi.BY_SLUG, Map.of("slug", product.get("slug")), tokens.get(PRODUCER_A));
        assertThat((Integer) JsonPath.read(stored, "$.data.product.price")).isEqualTo(85_000);
        assertThat((String) JsonPath.read(stored, "$.data.product.status")).isEqualTo("DRAFT");
        assertThat((Integer) JsonPath.read(stored, "$.data.product.version")).isZero();
    }

    @Test
    void draftsAndProductsOfUnverifiedBrandsAreSeenOnlyByTheBrandsMembersAndStaff() throws Exception {
        var producer = tokens.get(PRODUCER_A);
        var verified = api.createBrand(producer);
        api.verifyBrand((String) verified.get("id"), producer, tokens.get(CURATOR));
        var unverifiedSlug = (String) JsonPath.read(api
            .query("query($id: ID!) { node(id: $id) { ... on Brand { slug } } }", Map.of("id", brandA), producer),
                "$.data.node.slug");

        var draft = api.createProduct(CatalogApi.completeProduct((String) verified.get("id")), producer);
        var published = api.publishedProduct((String) verified.get("id"), producer);
        var publishedOfUnverified = api.publishedProduct(brandA, producer);
        var archived = api.createProduct(CatalogApi.completeProduct((String) verified.get("id")), producer);
        api.call(CatalogApi.ARCHIVE, Map.of("id", archived.get("id")), producer);

        var expected = new LinkedHashMap<String, List<Boolean>>();
        // columns: anonymous buyer producer A producer B curator admin
        expected.put("draft", List.of(false, false, true, false, true, true));
        expected.put("published", List.of(true, true, true, true, true, true));
        expected.put("published, brand not verified", List.of(false, false, true, false, true, true));
        expected.put("archived", List.of(false, false, true, false, true, true));
        var products = Map.of("draft", draft, "published", published, "published, brand not verified",
                publishedOfUnverified, "archived", archived);

        var actual = new LinkedHashMap<String, List<Boolean>>();
        for (var entry : expected.keySet()) {
            var row = new ArrayList<Boolean>();
            for (var role : ROLES) {
                var product = products.get(entry);
                var bySlug = api.query("query($slug: String!) { product(slug: $slug) { slug } }",
                        Map.of("slug", product.get("slug")), tokens.get(role));
                var byId = api.query("query($id: ID!) { node(id: $id) { ... on Product { slug } } }",
                        Map.of("id", product.get("id")), tokens.get(role));
                boolean seen = JsonPath.read(bySlug, "$.data.product") != null;
                assertThat(JsonPath.read(byId, "$.data.node") != null).as("%s by id for %s", entry, role)
                    .isEqualTo(seen);
                row.add(seen);
            }
            actual.put(entry, row);
        }
        assertThat(actual).isEqualTo(expected);

        // lists obey the same rules; without statuses only published products are listed
        var document = "query($brands: [String!], $statuses: [ProductStatus!]) { products(filter: { brands: "
                + "$brands, statuses: $statuses }) { totalCount } }";
        var brands = List.of((String) verified.get("slug"), unverifiedSlug);
        var all = List.of("DRAFT", "PUBLISHED", "ARCHIVED");
        var listedAll = new ArrayList<Integer>();
        var listedDefault = new ArrayList<Integer>();
        for (var role : ROLES) {
            listedAll
                .add(JsonPath.read(api.query(document, Map.of("brands", brands, "statuses", all), tokens.get(role)),
                        "$.data.products.totalCount"));
            listedDefault.add(JsonPath.read(api.query(document, Map.of("brands", brands), tokens.get(role)),
                    "$.data.products.totalCount"));
        }
        assertThat(listedAll).containsExactly(1, 1, 4, 1, 4, 4);
        assertThat(listedDefault).containsExactly(1, 1, 2, 1, 2, 2);

        // the brand page lists the same
        var brandPage = "query($slug: String!) { brand(slug: $slug) { products(statuses: [DRAFT, PUBLISHED, "
                + "ARCHIVED]) { totalCount edges { node { slug viewerCanEdit } } } } }";
        assertThat((Integer) JsonPath.read(api.query(brandPage, Map.of("slug", verified.get("slug")), null),
                "$.data.brand.products.totalCount"))
            .isEqualTo(1);
        var asMember = api.query(brandPage, Map.of("slug", verified.get("slug")), producer);
        assertThat((Integer) JsonPath.read(asMember, "$.data.brand.products.totalCount")).isEqualTo(3);
        assertThat((List<Boolean>) JsonPath.read(asMember, "$.data.brand.products.edges[*].node.viewerCanEdit"))
            .containsOnly(true);

        // once the brand is verified, its published product goes public
        api.verifyBrand(brandA, producer, tokens.get(CURATOR));
        var now = api.query("query($slug: String!) { product(slug: $slug) { slug viewerCanEdit } }",
                Map.of("slug", publishedOfUnverified.get("slug")), null);
        assertThat((String) JsonPath.read(now, "$.data.product.slug")).isEqualTo(publishedOfUnverified.get("slug"));
        assertThat((Boolean) JsonPath.read(now, "$.data.product.viewerCanEdit")).isFalse();
    }

}
