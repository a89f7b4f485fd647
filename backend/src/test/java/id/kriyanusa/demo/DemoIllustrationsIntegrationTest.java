package id.kriyanusa.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo catalogue's illustrations, for one village no other test looks at (Poto: one
 * brand, thirteen products of two crafts): the village, its brand and its products show
 * illustrations a buyer can load in both formats and whose descriptions say what they
 * are, products of one craft share a picture, and a second run finds nothing to do. Tests
 * leave the start-up run off and call the component directly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DemoIllustrationsIntegrationTest {

    static final String PICTURES = """
            query {
              village(slug: "poto") { heroImage { alt { indonesian english } renditions { url format } } }
              brand(slug: "kre-alang-poto") {
                logo { alt { indonesian english } renditions { url format } }
                cover { alt { indonesian english } renditions { url format } } }
              products(first: 100, filter: { brands: ["kre-alang-poto"] }) { edges { node { slug
                images { position alt { indonesian english } image { id } renditions { url format } } } } }
            }""";

    @LocalServerPort
    int port;

    @Autowired
    DemoIllustrations illustrations;

    @Test
    void theVillageItsBrandAndItsProductsShowIllustrationsOnce() throws Exception {
        var first = illustrations.illustrate("poto");
        assertThat(first.refused()).isZero();

        var api = new ApiClient(port);
        var body = api.query(PICTURES, Map.of(), null);
        assertThat((Map<String, Object>) JsonPath.read(body, "$")).doesNotContainKey("errors");

        assertThat((String) JsonPath.read(body, "$.data.village.heroImage.alt.indonesian")).startsWith("Ilustrasi");
        assertThat((String) JsonPath.read(body, "$.data.village.heroImage.alt.english")).startsWith("Illustration");
        assertThat((String) JsonPath.read(body, "$.data.brand.logo.alt.indonesian")).startsWith("Ilustrasi");
        assertThat((String) JsonPath.read(body, "$.data.brand.cover.alt.english")).startsWith("Illustration");

        // every published product shows exactly its illustration: the photos the demo
        // data named but never had are gone
        List<String> slugs = JsonPath.read(body, "$.data.products.edges[*].node.slug");
        assertThat(slugs).isNotEmpty();
        List<List<?>> images = JsonPath.read(body, "$.data.products.edges[*].node.images");
        assertThat(images).allSatisfy(shown -> assertThat(shown).hasSize(1));
        List<String> altId = JsonPath.read(body, "$.data.products.edges[*].node.images[0].alt.indonesian");
        assertThat(altId).allSatisfy(alt -> assertThat(alt).startsWith("Ilustrasi").endsWith("bukan foto produk"));
        List<String> altEn = JsonPath.read(body, "$.data.products.edges[*].node.images[0].alt.english");
        assertThat(altEn).allSatisfy(alt -> assertThat(alt).startsWith("Illustration of"));
        // the brand's sarongs share one picture, its songket another
        List<String> pictures = JsonPath.read(body, "$.data.products.edges[*].node.images[0].image.id");
        assertThat(new HashSet<>(pictures)).hasSize(2);

        var http = new HttpTestClient(port);
        var served = 0;
        for (var path : List.of("$.data.village.heroImage", "$.data.brand.logo", "$.data.brand.cover",
                "$.data.products.edges[0].node.images[0]")) {
            List<Map<String, String>> renditions = JsonPath.read(body, path + ".renditions");
            assertThat(renditions).extracting(rendition -> rendition.get("format"))
                .as(path)
                .containsOnly("JPEG", "WEBP")
                .contains("JPEG", "WEBP");
            for (var rendition : renditions) {
                var response = http.get(rendition.get("url"));
                assertThat(response.statusCode()).as(rendition.get("url")).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type"))
                    .hasValue(rendition.get("format").equals("JPEG") ? "image/jpeg" : "image/webp");
                served++;
            }
        }
        // 160, 480, 960 and 1600 pixels wide, in two formats, for each of the four
        assertThat(served).isEqualTo(4 * 8);

        var second = illustrations.illustrate("poto");
        assertThat(second.illustrated()).isZero();
        assertThat(second.imagesStored()).isZero();
        assertThat(api.query(PICTURES, Map.of(), null)).isEqualTo(body);
    }

}
