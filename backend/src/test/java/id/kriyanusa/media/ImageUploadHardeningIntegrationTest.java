package id.kriyanusa.media;

import static id.kriyanusa.platform.ApiClient.outcome;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.internal.ObjectStore;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Hostile or damaged files sent to the upload form get a refusal the uploader can act on,
 * never a server error, and nothing is attached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ImageUploadHardeningIntegrationTest {

    static final String REQUEST = """
            mutation($input: RequestImageUploadInput!) { requestImageUpload(input: $input) {
              upload { id url fields { name value } } userErrors { field code message } } }""";

    static final String CONFIRM = """
            mutation($input: ConfirmImageUploadInput!) { confirmImageUpload(input: $input) {
              image { id } userErrors { field code message } } }""";

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    ApiClient api;

    String producer;

    String brandId;

    @BeforeEach
    void producerWithABrand() throws Exception {
        api = new ApiClient(new HttpTestClient(port));
        producer = api.signUp("PRODUCER");
        brandId = (String) api.createBrand(producer, "uji-unggah").get("id");
    }

    @Test
    void aJpegCutOffInTransitIsRefusedInsteadOfPublishedHalfGrey() throws Exception {
        var photo = TestImages.jpeg(1200, 900);

        var response = MediaApi.uploadForm(port, "BRAND_LOGO", brandId, "logo.jpg", "image/jpeg",
                Arrays.copyOf(photo, photo.length / 3), producer);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat((String) JsonPath.read(response.body(), "$.userErrors[0].code")).isEqualTo("CORRUPT");
    }

    @Test
    void aStripOfPixelsIsRefusedByItsShapeNotWithAServerError() throws Exception {
        var response = MediaApi.uploadForm(port, "BRAND_LOGO", brandId, "strip.png", "image/png",
                TestImages.pngBomb(500, 60_000), producer);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat((String) JsonPath.read(response.body(), "$.userErrors[0].code")).isEqualTo("BAD_DIMENSIONS");
        assertThat((String) JsonPath.read(response.body(), "$.userErrors[0].message")).contains("500 x 60000");
    }

    @Test
    void aRefusedUploadLeavesNothingInStorage() throws Exception {
        var junk = "bukan foto sama sekali".getBytes(StandardCharsets.UTF_8);
        var requested = api.mutate(REQUEST, Map.of("target", "BRAND_LOGO", "targetId", brandId, "contentType",
                "image/png", "sizeBytes", junk.length), producer);
        Map<String, Object> upload = JsonPath.read(requested, "$.data.requestImageUpload.upload");
        var uploadId = (String) upload.get("id");
        assertThat(MediaApi.postToStorage(upload, junk).statusCode()).isEqualTo(204);
        assertThat(store.stat("uploads/" + uploadId)).as("uploaded").isNotNull();

        var confirmed = api.mutate(CONFIRM, Map.of("uploadId", uploadId), producer);

        assertThat(outcome(confirmed, "confirmImageUpload")).isEqualTo("userError:NOT_AN_IMAGE");
        assertThat(store.stat("uploads/" + uploadId)).as("removed at once, not with the expired uploads").isNull();
    }

    @Test
    void storageRefusesMoreBytesThanDeclaredAndAnUploadIsConfirmedOnce() throws Exception {
        var photo = TestImages.uniqueJpeg(400, 300);
        var small = grant(photo.length - 10);
        var tooLarge = MediaApi.postToStorage(small, photo);
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("EntityTooLarge");
        assertThat(store.stat("uploads/" + small.get("id"))).as("nothing stored").isNull();
        assertThat(outcome(confirm(small), "confirmImageUpload")).isEqualTo("userError:NOT_UPLOADED");

        var upload = grant(photo.length);
        assertThat(MediaApi.postToStorage(upload, photo).statusCode()).isEqualTo(204);
        var confirmed = confirm(upload);
        assertThat(outcome(confirmed, "confirmImageUpload")).isEqualTo("ok");
        String logo = JsonPath.read(confirmed, "$.data.confirmImageUpload.image.id");
        assertThat(store.stat("uploads/" + upload.get("id"))).as("the upload's object, once confirmed").isNull();

        // the same form again, with another photo of the declared size: storage takes it
        // until the form
        // expires, but the upload is spent and nothing changes
        var another = Arrays.copyOf(TestImages.uniqueJpeg(300, 400), photo.length);
        assertThat(MediaApi.postToStorage(upload, another).statusCode()).isEqualTo(204);
        assertThat(outcome(confirm(upload), "confirmImageUpload")).isEqualTo("NOT_FOUND");
        var brand = api.query("query($id: ID!) { node(id: $id) { ... on Brand { logo { id } } } }",
                Map.of("id", brandId), producer);
        assertThat((String) JsonPath.read(brand, "$.data.node.logo.id")).isEqualTo(logo);
    }

    @Test
    void anAccountAsksForAtMostThirtyUploadUrlsAMinute() throws Exception {
        var outcomes = new ArrayList<String>();
        for (int i = 0; i < 31; i++) {
            outcomes.add(outcome(api.mutate(REQUEST,
                    Map.of("target", "BRAND_LOGO", "targetId", brandId, "contentType", "image/jpeg", "sizeBytes", 1000),
                    producer), "requestImageUpload"));
        }
        assertThat(outcomes.subList(0, 30)).containsOnly("ok");
        assertThat(outcomes.get(30)).isEqualTo("userError:RATE_LIMITED");

        var other = api.signUp("PRODUCER");
        var othersBrand = (String) api.createBrand(other, "uji-unggah-lain").get("id");
        assertThat(
                outcome(api.mutate(REQUEST,
                        Map.of("target", "BRAND_LOGO", "targetId", othersBrand, "contentType", "image/jpeg",
                                "sizeBytes", 1000),
                        other), "requestImageUpload"))
            .as("another account")
            .isEqualTo("ok");
    }

    private Map<String, Object> grant(int sizeBytes) throws Exception {
        var requested = api.mutate(REQUEST, Map.of("target", "BRAND_LOGO", "targetId", brandId, "contentType",
                "image/jpeg", "sizeBytes", sizeBytes), producer);
        assertThat(outcome(requested, "requestImageUpload")).as(requested).isEqualTo("ok");
        return JsonPath.read(requested, "$.data.requestImageUpload.upload");
    }

    private String confirm(Map<String, Object> upload) throws Exception {
        return api.mutate(CONFIRM, Map.of("uploadId", upload.get("id")), producer);
    }

}
