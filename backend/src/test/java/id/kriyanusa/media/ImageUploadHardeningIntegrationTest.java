package id.kriyanusa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @LocalServerPort
    int port;

    String producer;

    String brandId;

    @BeforeEach
    void producerWithABrand() throws Exception {
        var api = new ApiClient(new HttpTestClient(port));
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

}
