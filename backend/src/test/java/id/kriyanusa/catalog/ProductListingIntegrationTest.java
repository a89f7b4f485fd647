package id.kriyanusa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.SqlStatementCounter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Buyers browse the catalog: the demo listings, filters, sorting, paging, the category
 * tree and the cost of a page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductListingIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    CatalogApi api;

    @BeforeEach
    void client() {
        api = new CatalogApi(new HttpTestClient(port));
    }

    /** The body of a response that has no errors; the whole body is shown when it has. */
    private static String ok(String body) {
        assertThat(body).as(body).doesNotContain("\"errors\"");
        return body;
    }

    @Test
    void aPageOfProductsWithBrandsVillagesCategoriesAndImagesCostsTheSameFewStatementsForFiveOrAHundred()
            throws Exception {
        var document = """
                query($first: Int) { products(first: $first) { totalCount edges { node {
                  brand { name village { name } } category { name { indonesian } } images { position } } } } }""";
        ok(api.query(document, Map.of("first", 5), null));

        var five = SqlStatementCounter.fewest(() -> ok(api.query(document, Map.of("first", 5), null)));
        var hundred = SqlStatementCounter.fewest(() -> ok(api.query(document, Map.of("first", 100), null)));
        var small = five.response();
        var large = hundred.response();
        var forFive = five.statements();
        var forHundred = hundred.statements();

        assertThat((List<?>) JsonPath.read(small, "$.data.products.edges")).hasSize(5);
        assertThat((List<?>) JsonPath.read(large, "$.data.products.edges")).hasSize(100);
        assertThat((List<String>) JsonPath.read(large, "$.data.products.edges[*].node.brand.village.name")).hasSize(100)
            .doesNotContainNull();
        assertThat((List<String>) JsonPath.read(large, "$.data.products.edges[*].node.category.name.indonesian"))
            .hasSize(100)
            .doesNotContainNull();
        assertThat((List<String>) JsonPath.read(large, "$.data.products.edges[*].node.images[*].position"))
            .hasSizeGreaterThan(100);
        // public brand ids, count, page, brands, villages, categories, images
        assertThat(forFive).isBetween(5L, 8L);
        assertThat(forHundred).isEqualTo(forFive);
    }

    @Test
    void theDemoCatalogListsEveryPublishedProductOfAVerifiedBrandToAnonymousBuyers() throws Exception {
        assertThat(jdbc.sql("select count(*) from product").query(Long.class).single()).isGreaterThanOrEqualTo(300);
        var public_ = jdbc.sql("""
                select count(*) from product p join brand b on b.id = p.brand_id
                where p.status = 'PUBLISHED' and b.verification_status = 'VERIFIED'""").query(Long.class).single();
        var body = ok(api.query("{ products { totalCount } }", Map.of(), null));
        assertThat(((Number) JsonPath.read(body, "$.data.products.totalCount")).longValue()).isEqualTo(public_)
            .isGreaterThan(200);

        // tobacco diversification from Semoyang, and listings in Indonesian only
        var semoyang = ok(api.query(
                "{ products(first: 100, filter: { villages: [\"semoyang\"], categories: [\"kriya-tembakau\"] }) { totalCount edges { node { title { indonesian english } brand { village { slug } } } } } }",
                Map.of(), null));
        assertThat((Integer) JsonPath.read(semoyang, "$.data.products.totalCount")).isGreaterThanOrEqualTo(20);
        assertThat((List<String>) JsonPath.read(semoyang, "$.data.products.edges[*].node.brand.village.slug"))
            .containsOnly("semoyang");
        assertThat(jdbc.sql("select count(*) from product where title_en is null").query(Long.class).single())
            .isGreaterThan(30);
        var kendi = ok(api.query(
                "query($slug: String!) { product(slug: $slug) { price title { indonesian } category { slug parent { slug } } } }",
                Map.of("slug", "kendi-maling-motif-cicak-banyumulek"), null));
        assertThat((String) JsonPath.read(kendi, "$.data.product.category.parent.slug")).isEqualTo("gerabah");
    }

    @Test
    void filtersSortingAndPagingNarrowAndOrderTheList() throws Exception {
        // a top-level category includes its sub-categories
        var pottery = ok(api.query(
                "{ products(first: 100, filter: { categories: [\"gerabah\"] }) { totalCount edges { node { category { parent { slug } } } } } }",
                Map.of(), null));
        assertThat((List<String>) JsonPath.read(pottery, "$.data.products.edges[*].node.category.parent.slug"))
            .isNotEmpty()
            .containsOnly("gerabah");

        var priced = ok(api.query("""
                { products(first: 100, sort: PRICE_ASC, filter: { priceMin: 1500000, priceMax: 6000000,
                    categories: ["songket"] }) {
                    totalCount edges { node { price category { slug } } } } }""", Map.of(), null));
        List<Integer> prices = JsonPath.read(priced, "$.data.products.edges[*].node.price");
        assertThat(prices).isNotEmpty()
            .isSorted()
            .allSatisfy(price -> assertThat(price).isBetween(1_500_000, 6_000_000));
        assertThat((List<String>) JsonPath.read(priced, "$.data.products.edges[*].node.category.slug"))
            .containsOnly("songket");

        var expensiveFirst = ok(
                api.query("{ products(first: 20, sort: PRICE_DESC) { edges { node { price } } } }", Map.of(), null));
        List<Integer> descending = JsonPath.read(expensiveFirst, "$.data.products.edges[*].node.price");
        assertThat(descending).isSortedAccordingTo((a, b) -> Integer.compare(b, a));

        var ketak = ok(api.query(
                "{ products(first: 100, filter: { materials: [\"KETAK\"], availability: [READY_STOCK], brands: [\"ketak-beleka-indah\"] }) { edges { node { materials availability stockQuantity brand { slug } } } } }",
                Map.of(), null));
        assertThat((List<String>) JsonPath.read(ketak, "$.data.products.edges[*].node.brand.slug")).isNotEmpty()
            .containsOnly("ketak-beleka-indah");
        assertThat((List<String>) JsonPath.read(ketak, "$.data.products.edges[*].node.availability"))
            .containsOnly("READY_STOCK");
        assertThat((List<Integer>) JsonPath.read(ketak, "$.data.products.edges[*].node.stockQuantity"))
            .doesNotContainNull();

        // paging by cursor walks the whole sorted list once
        var seen = new HashSet<String>();
        var order = new ArrayList<String>();
        String after = null;
        var total = 0;
        do {
            var variables = new java.util.HashMap<String, Object>();
            variables.put("after", after);
            var page = ok(api.query(
                    "query($after: String) { products(first: 40, sort: TITLE, filter: { categories: [\"tenun\", \"anyaman\"] }, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug title { indonesian } } } } }",
                    variables, null));
            total = JsonPath.read(page, "$.data.products.totalCount");
            List<String> slugs = JsonPath.read(page, "$.data.products.edges[*].node.slug");
            seen.addAll(slugs);
            order.addAll(JsonPath.read(page, "$.data.products.edges[*].node.title.indonesian"));
            after = (Boolean) JsonPath.read(page, "$.data.products.pageInfo.hasNextPage")
                    ? JsonPath.read(page, "$.data.products.pageInfo.endCursor") : null;
        }
        while (after != null);
        assertThat(seen).hasSize(total);
        // the database's collation decides ties of punctuation; the first letters are in
        // order whatever it is
        assertThat(order.stream().map(title -> Character.toLowerCase(title.charAt(0))).toList()).isSorted();

        // drafts cannot be listed by asking for them
        var drafts = ok(
                api.query("{ products(filter: { statuses: [DRAFT, ARCHIVED] }) { totalCount } }", Map.of(), null));
        assertThat((Integer) JsonPath.read(drafts, "$.data.products.totalCount")).isZero();
        var asCurator = ok(api.query("{ products(filter: { statuses: [DRAFT, ARCHIVED] }) { totalCount } }", Map.of(),
                api.signIn("kurator@kriyanusa.test")));
        assertThat((Integer) JsonPath.read(asCurator, "$.data.products.totalCount")).isGreaterThan(20);
    }

    @Test
    void theCategoryTreeHasTheCraftsOfNtbWithTheirSubCategories() throws Exception {
        var body = ok(api.query(
                "{ categories { slug name { indonesian english } children { slug parent { slug } children { slug } } } }",
                Map.of(), null));
        // curators may have added categories since: they come after the seeded ones
        assertThat((List<String>) JsonPath.read(body, "$.data.categories[*].slug")).startsWith("kriya-tembakau",
                "gerabah", "tenun", "anyaman", "kayu", "perhiasan", "kulit", "batik", "logam", "olahan-pangan");
        assertThat((List<String>) JsonPath.read(body, "$.data.categories[0].children[*].slug")).contains("eco-print",
                "pewarna-alam", "kertas-batang-tembakau", "anyaman-daun-tembakau");
        assertThat((List<String>) JsonPath.read(body, "$.data.categories[3].children[*].slug")).contains("ketak",
                "rotan", "bambu");
        assertThat((List<String>) JsonPath.read(body, "$.data.categories[*].children[*].parent.slug"))
            .hasSizeGreaterThan(15);
        assertThat((List<?>) JsonPath.read(body, "$.data.categories[*].children[*].children[*]")).isEmpty();
    }

}
