package id.kriyanusa.media;

import static id.kriyanusa.platform.ApiClient.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.internal.ImageProcessor;
import id.kriyanusa.media.internal.ObjectStore;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The collector of unreferenced media against the real S3 server: objects no row records,
 * and images nothing refers to any more, go once the grace period has passed and not
 * before; whatever is still referenced stays.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class UnreferencedMediaIntegrationTest {

    static final String REMOVE_IMAGE = """
            mutation($input: RemoveProductImageInput!) { removeProductImage(input: $input) {
              product { images { alt { indonesian } image { id } } } userErrors { field code message } } }""";

    @LocalServerPort
    int port;

    @Autowired
    UnreferencedMedia unreferenced;

    @Autowired
    ObjectStore store;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    String producer;

    String brandId;

    @BeforeEach
    void producerWithABrand() throws Exception {
        api = new ApiClient(new HttpTestClient(port));
        producer = api.signUp("PRODUCER");
        brandId = (String) api.createBrand(producer, "uji-sisa").get("id");
    }

    @Test
    void objectsNoRowRecordsGoOnceOlderThanTheGracePeriodWhileRecordedAndYoungOnesStay() throws Exception {
        var attached = upload(product(), TestImages.uniqueJpeg(640, 480));
        // what a crash between storing the objects and recording them leaves behind
        var leftover = TestImages.uniqueJpeg(200, 100);
        var leftoverSha = ImageProcessor.sha256(leftover);
        store.put("originals/" + leftoverSha, leftover, "image/jpeg");
        store.put("renditions/" + leftoverSha + ".jpg", leftover, "image/jpeg");

        unreferenced.removeUnreferenced(Duration.ofHours(1));
        assertThat(store.stat("originals/" + leftoverSha)).as("younger than the grace period").isNotNull();
        assertThat(store.stat("renditions/" + leftoverSha + ".jpg")).isNotNull();

        var removed = unreferenced.removeUnreferenced(Duration.ZERO);
        assertThat(removed.objects()).isGreaterThanOrEqualTo(2);
        assertThat(store.stat("originals/" + leftoverSha)).isNull();
        assertThat(store.stat("renditions/" + leftoverSha + ".jpg")).isNull();
        assertThat(store.stat(attached.original())).as("recorded and referenced").isNotNull();
        for (var url : attached.renditionUrls()) {
            assertThat(get(url)).as(url).isEqualTo(200);
        }
    }

    @Test
    void aRemovedProductImageGoesAfterTheGracePeriodUnlessAnotherProductUsesTheSameBytes() throws Exception {
        var photo = TestImages.uniqueJpeg(800, 600);
        var first = product();
        var second = product();
        var image = upload(first, photo);
        assertThat(upload(second, photo).key()).as("content-addressed: the same image").isEqualTo(image.key());

        assertThat(outcome(api.mutate(REMOVE_IMAGE, Map.of("productId", first, "imageId", image.id()), producer),
                "removeProductImage"))
            .isEqualTo("ok");
        unreferenced.removeUnreferenced(Duration.ZERO);
        unreferenced.removeUnreferenced(Duration.ZERO);
        assertThat(store.stat(image.original())).as("still the second product's").isNotNull();
        assertThat(get(image.renditionUrls().getFirst())).isEqualTo(200);

        var removal = api.mutate(REMOVE_IMAGE, Map.of("productId", second, "imageId", image.id()), producer);
        assertThat(outcome(removal, "removeProductImage")).isEqualTo("ok");
        assertThat((List<String>) JsonPath.read(removal, "$.data.removeProductImage.product.images[*].alt.indonesian"))
            .containsExactly("Foto lama");
        assertThat(outcome(api.mutate(REMOVE_IMAGE, Map.of("productId", second, "imageId", image.id()), producer),
                "removeProductImage"))
            .isEqualTo("userError:NOT_FOUND");
        assertThat(outcome(api.mutate(REMOVE_IMAGE,
                Map.of("productId", second, "imageId", ApiClient.imageId("uji/lama.jpg")), api.signUp("PRODUCER")),
                "removeProductImage"))
            .as("another producer")
            .isEqualTo("FORBIDDEN");

        unreferenced.removeUnreferenced(Duration.ofHours(24));
        assertThat(store.stat(image.original())).as("not before the grace period").isNotNull();
        assertThat(get(image.renditionUrls().getFirst())).isEqualTo(200);

        var removed = unreferenced.removeUnreferenced(Duration.ZERO);
        assertThat(removed.images()).isGreaterThanOrEqualTo(1);
        assertThat(store.stat(image.original())).isNull();
        for (var url : image.renditionUrls()) {
            assertThat(store.stat("renditions/" + url.substring("/media/".length()))).as(url).isNull();
            assertThat(get(url)).as(url).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from media_image where image_key = ?")
            .param(image.key())
            .query(Long.class)
            .single()).isZero();
    }

    // ---- helpers

    record Uploaded(String id, String key, String original, List<String> renditionUrls) {
    }

    private String product() throws Exception {
        var body = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code } } }",
                Map.of("brandId", brandId, "title", ApiClient.text("Kendi uji " + UUID.randomUUID(), null),
                        "availability", "READY_STOCK", "stockQuantity", 3, "images",
                        List.of(ApiClient.image("uji/" + ApiClient.unique("lama") + ".jpg", "Foto lama", null))),
                producer);
        return JsonPath.read(body, "$.data.createProduct.product.id");
    }

    private Uploaded upload(String productId, byte[] photo) throws Exception {
        var form = MediaApi.uploadForm(port, "PRODUCT", productId, "kendi.jpg", "image/jpeg", photo, producer);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        String id = JsonPath.read(form.body(), "$.image.id");
        var key = GlobalId.textKey(id, "Image");
        return new Uploaded(id, key, "originals/" + key.substring("img/".length()),
                JsonPath.read(form.body(), "$.image.renditions[*].url"));
    }

    private int get(String path) throws Exception {
        return new HttpTestClient(port).get(path).statusCode();
    }

}
