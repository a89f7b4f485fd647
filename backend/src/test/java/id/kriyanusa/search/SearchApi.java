package id.kriyanusa.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Drives product search (and the few catalog and brand calls its tests need) over real
 * HTTP, as clients do.
 */
final class SearchApi {

    static final String SEARCH = """
            query($query: String, $filter: ProductSearchFilter, $sort: ProductSearchSort, $first: Int, $after: String) {
              searchProducts(query: $query, filter: $filter, sort: $sort, first: $first, after: $after) {
                totalCount didYouMean pageInfo { hasNextPage endCursor }
                edges { cursor highlights { field snippets } node { slug price
                  title { indonesian english } brand { slug village
                    { slug } } } }
                facets {
                  categories { value count } villages { value count } regencies { value count } materials { value
                      count }
                  availability { value count } priceRanges { min max count }
                }
              }
            }""";

    private final ApiClient api;

    SearchApi(int port) {
        this.api = new ApiClient(new HttpTestClient(port));
    }

    ApiClient api() {
        return api;
    }

    /** Searches anonymously and returns the response body, failing on GraphQL errors. */
    String search(String query, Map<String, Object> filter, String sort, int first) throws Exception {
        var body = searchRaw(query, filter, sort, first, null);
        assertThat(hasErrors(body)).as(body).isFalse();
        return body;
    }

    String searchRaw(String query, Map<String, Object> filter, String sort, int first, String token) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("query", query);
        variables.put("filter", filter);
        variables.put("sort", sort);
        variables.put("first", first);
        return api.query(SEARCH, variables, token);
    }

    static boolean hasErrors(String body) {
        Map<String, Object> response = JsonPath.read(body, "$");
        return response.get("errors") != null;
    }

    static List<String> slugs(String body) {
        return JsonPath.read(body, "$.data.searchProducts.edges[*].node.slug");
    }

    static long total(String body) {
        return ((Number) JsonPath.read(body, "$.data.searchProducts.totalCount")).longValue();
    }

    /**
     * Polls the search until the condition holds on the slugs found for the query, at
     * most {@code timeout}.
     */
    boolean eventually(String query, Predicate<List<String>> condition, Duration timeout) {
        try {
            await().atMost(timeout)
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> condition.test(slugs(search(query, null, null, 50))));
            return true;
        }
        catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

    /**
     * A random word of letters, unlike any word of the catalog, for finding a test
     * product and nothing else.
     */
    static String marker() {
        var letters = new StringBuilder("zq");
        for (var c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    /** A new producer's brand in Banyumulek, verified by the curator: its id. */
    String verifiedBrand(String producer, String curator) throws Exception {
        return verifiedBrand(producer, curator, "banyumulek");
    }

    /** A new producer's brand in the village, verified by the curator: its id. */
    String verifiedBrand(String producer, String curator, String villageSlug) throws Exception {
        return verifiedBrand(producer, curator, villageSlug, null);
    }

    /** A new producer's brand of this name (a test name when null), verified: its id. */
    String verifiedBrand(String producer, String curator, String villageSlug, String name) throws Exception {
        var slug = ApiClient.unique("uji-cari");
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(Map.of("name", name == null ? "Kelompok Uji " + slug : name, "slug",
                        slug, "legalForm", "KELOMPOK_PENGRAJIN", "villageSlug", villageSlug)),
                producer);
        String brandId = JsonPath.read(created, "$.data.createBrand.brand.id");
        ok(api.mutate(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), producer), "submitBrandForVerification");
        ok(api.mutate("mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), curator), "verifyBrand");
        return brandId;
    }

    /**
     * A published product of the brand whose Indonesian title holds the marker: its id
     * and slug.
     */
    Map<String, Object> publishedProduct(String brandId, String marker, String producer) throws Exception {
        return publishedProduct(brandId, marker, producer, "kendi-dan-teko");
    }

    Map<String, Object> publishedProduct(String brandId, String marker, String producer, String categorySlug)
            throws Exception {
        return publishedProduct(brandId, "Kendi uji " + marker, "Kendi tanah liat buatan tangan.", producer,
                categorySlug);
    }

    /** The slug of a new published product of the brand (see the method below). */
    String publishedSlug(String brandId, String title, String description, String producer, String categorySlug)
            throws Exception {
        return (String) publishedProduct(brandId, title, description, producer, categorySlug).get("slug");
    }

    /** A published product of the brand with this Indonesian title and description. */
    Map<String, Object> publishedProduct(String brandId, String title, String description, String producer,
            String categorySlug) throws Exception {
        var input = new HashMap<String, Object>();
        input.put("brandId", brandId);
        input.put("title", ApiClient.text(title, null));
        input.put("description", ApiClient.text(description, null));
        input.put("categorySlug", categorySlug);
        input.put("materials", List.of("tanah liat"));
        input.put("price", 85_000);
        input.put("availability", "READY_STOCK");
        input.put("stockQuantity", 5);
        input.put("images", List.of(ApiClient.image("uji/" + ApiClient.unique("kendi") + ".jpg", "Kendi", null)));
        var created = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id slug } userErrors { code } } }",
                input, producer);
        ok(created, "createProduct");
        Map<String, Object> product = JsonPath.read(created, "$.data.createProduct.product");
        transition("publishProduct", (String) product.get("id"), producer);
        return product;
    }

    void transition(String mutation, String productId, String token) throws Exception {
        ok(api.mutate(
                "mutation($input: ProductTransitionInput!) { " + mutation + "(input: $input) { userErrors { code } } }",
                Map.of("id", productId), token), mutation);
    }

    static void ok(String body, String field) {
        assertThat(ApiClient.outcome(body, field)).as(body).isEqualTo("ok");
    }

}
