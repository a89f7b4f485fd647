package id.kriyanusa.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.MediaApi;
import id.kriyanusa.media.UnreferencedMedia;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Deleting a product: who may, and what everyone notices afterwards (API, storefront
 * page, search, the images' files once the grace period has passed).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductDeletionIntegrationTest {

    static final String DELETE = """
            mutation($input: ProductTransitionInput!) { deleteProduct(input: $input) {
              deletedProductId userErrors { field code message } } }""";
    static final String SEARCH = "query($query: String) { searchProducts(query: $query, first: 10) { edges { node { "
            + "slug } } } }";

    @LocalServerPort
    int port;

    @Autowired
    UnreferencedMedia unreferenced;

    CatalogApi api;

    HttpTestClient http;

    String producer;

    String brandId;

    @BeforeEach
    void producerWithAVerifiedBrand() throws Exception {
        http = new HttpTestClient(port);
        api = new CatalogApi(http);
        producer = api.signUp("PRODUCER");
        brandId = (String) api.createBrand(producer).get("id");
        api.verifyBrand(brandId, producer, api.signIn(ApiClient.CURATOR));
    }

    @Test
    void aDeletedProductDisappearsEverywhereAndItsImagesGoAfterTheGracePeriod() throws Exception {
        var marker = "zqhapus" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "q");
        var input = CatalogApi.completeProduct(brandId);
        input.put("title", ApiClient.text("Kendi " + marker, null));
        var product = api.createProduct(input, producer);
        var id = (String) product.get("id");
        var slug = (String) product.get("slug");
        var form = MediaApi.uploadForm(port, "PRODUCT", id, "kendi.jpg", "image/jpeg", MediaApi.uniquePhoto(900, 600),
                producer);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        List<String> renditions = JsonPath.read(form.body(), "$.image.renditions[*].url");
        assertThat(CatalogApi.outcome(api.call(CatalogApi.PUBLISH, Map.of("id", id), producer), "publishProduct"))
            .isEqualTo("ok");
        assertThat(http.get("/produk/" + slug).statusCode()).isEqualTo(200);
        assertThat(eventuallyFound(marker, true)).as("indexed").isTrue();

        var deleted = api.call(DELETE, Map.of("id", id), producer);
        assertThat(CatalogApi.outcome(deleted, "deleteProduct")).as(deleted).isEqualTo("ok");
        assertThat((String) JsonPath.read(deleted, "$.data.deleteProduct.deletedProductId")).isEqualTo(id);

        assertThat((Object) JsonPath.read(api.query(CatalogApi.BY_SLUG, Map.of("slug", slug), null), "$.data.product"))
            .isNull();
        assertThat((Object) JsonPath
            .read(api.query("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id), producer), "$.data.node"))
            .as("gone for its brand too")
            .isNull();
        assertThat(http.get("/produk/" + slug).statusCode()).isEqualTo(404);
        assertThat(eventuallyFound(marker, false)).as("removed from the search index").isTrue();
        assertThat(CatalogApi.outcome(api.call(DELETE, Map.of("id", id), producer), "deleteProduct"))
            .isEqualTo("NOT_FOUND");

        unreferenced.removeUnreferenced(Duration.ofHours(24));
        for (var url : renditions) {
            assertThat(http.get(url).statusCode()).as("%s within the grace period", url).isEqualTo(200);
        }
        unreferenced.removeUnreferenced(Duration.ZERO);
        for (var url : renditions) {
            assertThat(http.get(url).statusCode()).as("%s after the grace period", url).isEqualTo(404);
        }
    }

    @Test
    void onlyTheBrandsMembersAndStaffMayDeleteItsProducts() throws Exception {
        var id = (String) api.publishedProduct(brandId, producer).get("id");

        assertThat(CatalogApi.outcome(api.call(DELETE, Map.of("id", id), null), "deleteProduct"))
            .isEqualTo("UNAUTHORIZED");
        assertThat(CatalogApi.outcome(api.call(DELETE, Map.of("id", id), api.signUp("BUYER")), "deleteProduct"))
            .isEqualTo("FORBIDDEN");
        assertThat(
                CatalogApi.outcome(api.call(DELETE, Map.of("id", id), api.signIn(ApiClient.PRODUCER)), "deleteProduct"))
            .as("another brand's producer")
            .isEqualTo("FORBIDDEN");
        assertThat((Object) JsonPath.read(api.query("query($id: ID!) { node(id: $id) { id } }", Map.of("id", id), null),
                "$.data.node"))
            .as("still there")
            .isNotNull();

        assertThat(
                CatalogApi.outcome(api.call(DELETE, Map.of("id", id), api.signIn(ApiClient.CURATOR)), "deleteProduct"))
            .as("curators remove listings that break the rules")
            .isEqualTo("ok");
        var draft = (String) api.createProduct(CatalogApi.completeProduct(brandId), producer).get("id");
        assertThat(
                CatalogApi.outcome(api.call(DELETE, Map.of("id", draft), api.signIn(ApiClient.ADMIN)), "deleteProduct"))
            .isEqualTo("ok");
    }

    /**
     * Polls the public search until the marker's product is found (or no longer found),
     * at most 30 seconds.
     */
    private boolean eventuallyFound(String marker, boolean found) {
        try {
            await().atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(200))
                // a search answered UNAVAILABLE (the node still starting, or slow on a
                // loaded machine) is asked again, within the same 30 seconds
                .ignoreExceptions()
                .until(() -> JsonPath
                    .<List<String>>read(api.query(SEARCH, Map.of("query", marker), null),
                            "$.data.searchProducts.edges[*].node.slug")
                    .isEmpty() != found);
            return true;
        }
        catch (ConditionTimeoutException notYet) {
            return false;
        }
    }

}
