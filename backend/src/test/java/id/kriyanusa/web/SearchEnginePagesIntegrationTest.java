package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search engines read of the storefront, over the whole demo catalogue: the sitemap
 * lists every page a visitor may open and nothing else, and every village, brand and
 * product page it lists describes itself in valid schema.org JSON-LD of the right type,
 * with an image for link previews.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SearchEnginePagesIntegrationTest {

    static final Pattern LOC = Pattern.compile("<loc>([^<]+)</loc>");

    static final Pattern OG_IMAGE = Pattern.compile("<meta property=\"og:image\" content=\"([^\"]+)\">");

    static final Pattern JSON_LD = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>",
            Pattern.DOTALL);

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    ApiClient api;

    String base;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        base = "http://127.0.0.1:" + port;
    }

    @Test
    void theSitemapListsEveryPublicPageAndOnlyThose() throws Exception {
        var listed = listedPaths();

        assertThat(paths(listed, "/produk/")).isEqualTo(publicSlugs("products", ""));
        assertThat(paths(listed, "/merek/")).isEqualTo(publicSlugs("brands", ""));
        assertThat(paths(listed, "/desa/")).isEqualTo(publicSlugs("villages", "")).contains("semoyang");
        assertThat(paths(listed, "/koleksi/")).isEqualTo(publicSlugs("collections", "published: true, "))
            .contains("kriya-tembakau-lombok");
        assertThat(listed).contains("/")
            // a draft of the demo catalogue and a brand still waiting for verification
            .doesNotContain("/produk/tatakan-gelas-anyaman-daun-tembakau-isi-6-coklat-tanah-semoyang")
            .noneMatch(path -> path.startsWith("/dasbor") || path.startsWith("/kelola"));

        var robots = api.http().get("/robots.txt").body();
        assertThat(robots).contains("Sitemap: " + base + "/sitemap.xml");
    }

    @Test
    void aSignedInCuratorStillGetsThePublicSitemap() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var products = curator.get("/sitemap-produk.xml").body();
        assertThat(products).doesNotContain("tatakan-gelas-anyaman-daun-tembakau-isi-6-coklat-tanah-semoyang");
    }

    @Test
    void everyListedPageDescribesItselfInJsonLdOfItsType() throws Exception {
        var checked = 0;
        // pages without a photo of their own show the site's picture
        var previews = new HashSet<>(Set.of(PageMeta.SITE_IMAGE));
        for (var path : listedPaths()) {
            var type = path.startsWith("/produk/") ? "Product"
                    : path.startsWith("/merek/") ? "Organization" : path.startsWith("/desa/") ? "Place" : null;
            if (type == null) {
                continue;
            }
            var page = api.http().get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            var scripts = JSON_LD.matcher(page.body());
            assertThat(scripts.find()).as("JSON-LD on %s", path).isTrue();
            var problems = SchemaOrg.problems(JSON.readTree(scripts.group(1)), type, base + path);
            assertThat(problems).as("JSON-LD of %s", path).isEmpty();
            var preview = OG_IMAGE.matcher(page.body());
            assertThat(preview.find()).as("a link preview image on %s", path).isTrue();
            previews.add(URI.create(preview.group(1)).getPath());
            checked++;
        }
        // the demo catalogue: 12 villages, its verified brands and their published
        // products
        assertThat(checked).as("pages checked").isGreaterThan(250);
        for (var preview : previews) {
            var image = api.http().getBytes(preview);
            assertThat(image.statusCode()).as(preview).isEqualTo(200);
            assertThat(image.headers().firstValue("Content-Type")).as(preview)
                .hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        }
    }

    /**
     * The English product page describes the English page: its address with `lang=en`,
     * the English title and category, and the offer and trail naming English pages.
     */
    @Test
    void anEnglishPageDescribesItselfInEnglish() throws Exception {
        var path = "/produk/kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";
        var scripts = JSON_LD.matcher(api.http().get(path + "?lang=en").body());
        assertThat(scripts.find()).isTrue();
        var described = JSON.readTree(scripts.group(1));
        assertThat(SchemaOrg.problems(described, "Product", base + path + "?lang=en")).isEmpty();
        var product = described.path("@graph").get(0);
        assertThat(product.path("name").asString()).isEqualTo("Tobacco-stalk paper A4, pack of 10, earth brown");
        assertThat(product.path("offers").path("url").asString()).isEqualTo(base + path + "?lang=en");
        assertThat(product.path("manufacturer").path("url").asString()).endsWith("?lang=en");
        described.path("@graph")
            .get(1)
            .path("itemListElement")
            .forEach(crumb -> assertThat(crumb.path("item").asString()).endsWith("lang=en"));

        var indonesian = JSON_LD.matcher(api.http().get(path).body());
        assertThat(indonesian.find()).isTrue();
        assertThat(SchemaOrg.problems(JSON.readTree(indonesian.group(1)), "Product", base + path)).isEmpty();
        assertThat(indonesian.group(1)).doesNotContain("lang=en");
    }

    /** Every address in the sitemap index's files, as paths. */
    private List<String> listedPaths() throws Exception {
        var index = api.http().get("/sitemap.xml");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).contains("xml"));
        var paths = new ArrayList<String>();
        for (var file : locations(index.body())) {
            for (var address : locations(api.http().get(file.substring(base.length())).body())) {
                paths.add(address.substring(base.length()).isEmpty() ? "/" : address.substring(base.length()));
            }
        }
        return paths;
    }

    private List<String> locations(String xml) {
        var found = new ArrayList<String>();
        var matcher = LOC.matcher(xml);
        while (matcher.find()) {
            assertThat(matcher.group(1)).startsWith(base);
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Set<String> paths(List<String> listed, String prefix) {
        var slugs = new HashSet<String>();
        listed.stream()
            .filter(path -> path.startsWith(prefix))
            .forEach(path -> slugs.add(path.substring(prefix.length())));
        return slugs;
    }

    /** The slugs an anonymous visitor may open, paged through the API. */
    private Set<String> publicSlugs(String field, String arguments) throws Exception {
        var slugs = new HashSet<String>();
        String after = null;
        do {
            var variables = new HashMap<String, Object>();
            variables.put("after", after);
            var body = api.query("query($after: String) { " + field + "(" + arguments
                    + "first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { slug } } } }",
                    variables, null);
            slugs.addAll(JsonPath.read(body, "$.data." + field + ".edges[*].node.slug"));
            after = JsonPath.read(body, "$.data." + field + ".pageInfo.hasNextPage")
                    ? JsonPath.read(body, "$.data." + field + ".pageInfo.endCursor") : null;
        }
        while (after != null);
        return slugs;
    }

    /**
     * The parts of schema.org and of Google's rich-result rules that a page's description
     * must meet: the main thing of the right type with a name and its own address, an
     * offer in rupiah for a priced product, an address for places and organisations, and
     * a breadcrumb trail numbered from one.
     */
    static final class SchemaOrg {

        static List<String> problems(JsonNode document, String type, String url) {
            var problems = new ArrayList<String>();
            if (!"https://schema.org".equals(document.path("@context").asString(""))) {
                problems.add("@context is not https://schema.org");
            }
            Map<String, JsonNode> things = new HashMap<>();
            document.path("@graph").forEach(thing -> things.put(thing.path("@type").asString(""), thing));
            var main = things.get(type);
            if (main == null) {
                problems.add("no " + type + " in @graph, only " + things.keySet());
                return problems;
            }
            require(main, "name", problems);
            if (!url.equals(main.path("url").asString(""))) {
                problems.add("url " + main.path("url") + " is not the page's " + url);
            }
            switch (type) {
                case "Product" -> {
                    var offer = main.path("offers");
                    if (!offer.isMissingNode()) {
                        require(offer, "price", problems);
                        if (!"IDR".equals(offer.path("priceCurrency").asString(""))) {
                            problems.add("offer not in IDR");
                        }
                        if (!offer.path("availability").asString("").startsWith("https://schema.org/")) {
                            problems.add("availability is not a schema.org ItemAvailability");
                        }
                    }
                    require(main.path("brand"), "name", problems);
                }
                case "Organization", "Place" -> require(main.path("address"), "addressCountry", problems);
                default -> {
                }
            }
            var trail = things.get("BreadcrumbList");
            if (trail == null) {
                problems.add("no BreadcrumbList");
                return problems;
            }
            var position = 1;
            for (var item : trail.path("itemListElement")) {
                if (item.path("position").asInt() != position++) {
                    problems.add("breadcrumb positions not numbered from 1");
                }
                require(item, "name", problems);
                if (!item.path("item").asString("").startsWith("http")) {
                    problems.add("breadcrumb item without an absolute address");
                }
            }
            if (position < 3) {
                problems.add("breadcrumb trail shorter than home and the page");
            }
            return problems;
        }

        private static void require(JsonNode thing, String property, List<String> problems) {
            if (thing.path(property).isMissingNode()
                    || thing.path(property).asString("").isBlank() && !thing.path(property).isNumber()) {
                problems.add("no " + property + " in " + thing.path("@type").asString("?"));
            }
        }

    }

}
