package id.kriyanusa.search;

import static id.kriyanusa.search.SearchApi.ok;
import static id.kriyanusa.search.SearchApi.slugs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What curators do to a category reaches search without a reindex: a renamed category's
 * products are found by the new name and labelled with it, a moved one's under its new
 * top-level category, and a retired one's products stay findable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CategoryRelabellingIntegrationTest {

    static final Duration INDEXED_WITHIN = Duration.ofSeconds(30);

    static final String CATEGORY = "mutation($input: %1$sCategoryInput!) { %2$sCategory(input: $input) { "
            + "category { id } userErrors { field code message } } }";

    static final String LABELLED = """
            query($query: String, $filter: ProductSearchFilter) {
              searchProducts(query: $query, filter: $filter, first: 10) {
                edges { node { slug } }
                facets { categories { value label { indonesian english } } }
              }
            }""";

    @LocalServerPort
    int port;

    @Test
    void renamingMovingAndRetiringACategoryReachesSearch() throws Exception {
        var api = new SearchApi(port);
        var client = api.api();
        var curator = client.signIn(ApiClient.CURATOR);
        var producer = client.signUp("PRODUCER");
        var top = ApiClient.unique("kriya-uji");
        var other = top + "-lain";
        var child = top + "-anak";
        category(client, "create", Map.of("slug", top, "name", ApiClient.text("Kriya Uji", "Test Craft")), curator);
        category(client, "create", Map.of("slug", other, "name", ApiClient.text("Kriya Lain", "Other Craft")), curator);
        var childId = category(client, "create",
                Map.of("slug", child, "parentSlug", top, "name", ApiClient.text("Anak Uji", "Test Child")), curator);

        var marker = SearchApi.marker();
        var product = (String) api.publishedProduct(api.verifiedBrand(producer, curator), marker, producer, child)
            .get("slug");
        assertThat(api.eventually(marker, found -> found.contains(product), Duration.ofSeconds(90))).isTrue();

        var newWord = SearchApi.marker();
        category(client, "update",
                Map.of("id", childId, "name", ApiClient.text("Anyaman " + newWord, "Weaving " + newWord)), curator);
        assertThat(api.eventually(newWord, found -> found.contains(product), INDEXED_WITHIN))
            .as("found by the category's new name")
            .isTrue();
        List<Map<String, Object>> label = JsonPath.read(client.query(LABELLED, Map.of("query", marker), null),
                "$.data.searchProducts.facets.categories[?(@.value == '" + child + "')].label");
        assertThat(label).containsExactly(Map.of("indonesian", "Anyaman " + newWord, "english", "Weaving " + newWord));

        category(client, "update", Map.of("id", childId, "parentSlug", other), curator);
        await("found under the new top-level category").atMost(INDEXED_WITHIN)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> slugs(client.query(LABELLED,
                    Map.of("query", marker, "filter", Map.of("categories", List.of(other))), null)),
                    found -> found.contains(product));

        category(client, "retire", Map.of("id", childId), curator);
        var retired = client.query(LABELLED, Map.of("query", marker, "filter", Map.of("categories", List.of(child))),
                null);
        assertThat(slugs(retired)).containsExactly(product);
        assertThat((List<Object>) JsonPath.read(retired,
                "$.data.searchProducts.facets.categories[?(@.value == '" + child + "')].label.indonesian"))
            .containsExactly("Anyaman " + newWord);
    }

    /**
     * Calls createCategory, updateCategory or retireCategory and returns the category's
     * id.
     */
    private static String category(ApiClient client, String action, Map<String, Object> input, String curator)
            throws Exception {
        var type = Character.toUpperCase(action.charAt(0)) + action.substring(1);
        var body = client.mutate(CATEGORY.formatted(type, action), input, curator);
        ok(body, action + "Category");
        return JsonPath.read(body, "$.data." + action + "Category.category.id");
    }

}
