package id.kriyanusa.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
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
 * Curators tell the story of a craft with a collection; visitors see its products in the
 * curator's order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CollectionIntegrationTest {

    static final String PAYLOAD = "{ collection { id slug published version title { indonesian english } "
            + "products(first: 100) { "
            + "totalCount edges { node { id slug status } } } } userErrors { field code message } }";
    static final String CREATE = "mutation($input: CreateCollectionInput!) { createCollection(input: $input) " + PAYLOAD
            + " }";
    static final String UPDATE = "mutation($input: UpdateCollectionInput!) { updateCollection(input: $input) " + PAYLOAD
            + " }";
    static final String BY_SLUG = "query($slug: String!) { collection(slug: $slug) { slug title { indonesian english } "
            + "story { indonesian } products(first: 100) { totalCount "
            + "edges { node { id slug category { slug parent { slug } } } } " + "} } }";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    List<String> publishedProductIds(int count) throws Exception {
        var body = api.query("query($n: Int) { products(first: $n, sort: NEWEST) { edges { node { id } } } }",
                Map.of("n", count), null);
        return JsonPath.read(body, "$.data.products.edges[*].node.id");
    }

    @Test
    void visitorsSeeTheTobaccoCraftCollectionButNotUnpublishedOnes() throws Exception {
        var body = api.query(BY_SLUG, Map.of("slug", "kriya-tembakau-lombok"), null);
        assertThat((String) JsonPath.read(body, "$.data.collection.title.english")).isEqualTo("Lombok Tobacco Crafts");
        List<String> parents = JsonPath.read(body, "$.data.collection.products.edges[*].node.category.parent.slug");
        assertThat(parents).isNotEmpty().containsOnly("kriya-tembakau");

        var hidden = api.query(BY_SLUG, Map.of("slug", "hadiah-akhir-tahun"), null);
        assertThat((Object) JsonPath.read(hidden, "$.data.collection")).isNull();
        var forCurator = api.query(BY_SLUG, Map.of("slug", "hadiah-akhir-tahun"), api.signIn(ApiClient.CURATOR));
        assertThat((String) JsonPath.read(forCurator, "$.data.collection.slug")).isEqualTo("hadiah-akhir-tahun");

        List<String> listed = JsonPath.read(
                api.query("{ collections(first: 50) { edges { node { slug } } } }", Map.of(), null),
                "$.data.collections.edges[*].node.slug");
        assertThat(listed).contains("kriya-tembakau-lombok", "gerabah-lombok").doesNotContain("hadiah-akhir-tahun");
    }

    @Test
    void onlyCuratorsAndAdminsMakeAndChangeCollections() throws Exception {
        var callers = api.staffMatrixCallers();
        var curator = callers.get("curator");
        var products = publishedProductIds(3);

        Map<String, String> outcomes = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        for (var caller : callers.entrySet()) {
            var create = api.mutate(CREATE, Map.of("slug", ApiClient.unique("koleksi"), "title",
                    Map.of("indonesian", "Koleksi Uji"), "productIds", products), caller.getValue());
            outcomes.put("createCollection/" + caller.getKey(), ApiClient.outcome(create, "createCollection"));
            var target = JsonPath.<Map<String, Object>>read(
                    api.mutate(CREATE,
                            Map.of("slug", ApiClient.unique("koleksi"), "title",
                                    Map.of("indonesian", "Koleksi Sasaran"), "productIds", products),
                            curator),
                    "$.data.createCollection.collection");
            var update = api.mutate(UPDATE,
                    Map.of("id", target.get("id"), "expectedVersion", target.get("version"), "published", true),
                    caller.getValue());
            outcomes.put("updateCollection/" + caller.getKey(), ApiClient.outcome(update, "updateCollection"));
            var allowed = caller.getKey().equals("curator") || caller.getKey().equals("admin");
            var refused = caller.getKey().equals("anonymous") ? "UNAUTHORIZED" : "FORBIDDEN";
            expected.put("createCollection/" + caller.getKey(), allowed ? "ok" : refused);
            expected.put("updateCollection/" + caller.getKey(), allowed ? "ok" : refused);
        }
        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void aCuratorReordersACollectionAndVisitorsSeeTheNewOrder() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var products = publishedProductIds(4);
        var created = api.mutate(CREATE, Map.of("slug", ApiClient.unique("pilihan"), "title",
                Map.of("indonesian", "Pilihan Kurator"), "productIds", products, "published", true), curator);
        Map<String, Object> collection = JsonPath.read(created, "$.data.createCollection.collection");
        assertThat(
                (List<String>) JsonPath.read(created, "$.data.createCollection.collection.products.edges[*].node.id"))
            .containsExactlyElementsOf(products);

        var reversed = new ArrayList<>(products).reversed();
        api.mutate(UPDATE, Map.of("id", collection.get("id"), "expectedVersion", collection.get("version"),
                "productIds", reversed), curator);

        var seen = api.query(BY_SLUG, Map.of("slug", collection.get("slug")), null);
        assertThat((List<String>) JsonPath.read(seen, "$.data.collection.products.edges[*].node.id"))
            .containsExactlyElementsOf(reversed);

        var stale = api.mutate(UPDATE, Map.of("id", collection.get("id"), "expectedVersion", collection.get("version"),
                "title", Map.of("indonesian", "Judul Lama")), curator);
        assertThat(ApiClient.outcome(stale, "updateCollection")).isEqualTo("userError:CONFLICT");
    }

    @Test
    void aDraftProductInACollectionStaysHiddenFromVisitors() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var draftsBody = api.query("{ products(first: 1, filter: { statuses: [DRAFT] }) { edges { node { id } } } }",
                Map.of(), curator);
        List<String> drafts = JsonPath.read(draftsBody, "$.data.products.edges[*].node.id");
        assertThat(drafts).as("the demo data holds draft products").isNotEmpty();
        var ids = new ArrayList<>(publishedProductIds(2));
        ids.add(drafts.getFirst());
        var slug = ApiClient.unique("campuran");
        api.mutate(CREATE,
                Map.of("slug", slug, "title", Map.of("indonesian", "Campuran"), "productIds", ids, "published", true),
                curator);

        var forVisitor = api.query(BY_SLUG, Map.of("slug", slug), null);
        assertThat((List<String>) JsonPath.read(forVisitor, "$.data.collection.products.edges[*].node.id"))
            .containsExactlyElementsOf(ids.subList(0, 2));
        var forCurator = api.query(BY_SLUG, Map.of("slug", slug), curator);
        assertThat((Integer) JsonPath.read(forCurator, "$.data.collection.products.totalCount")).isEqualTo(3);
    }

    /**
     * A collection goes on the home page only with a product buyers see: published, of a
     * verified brand. Publishing one without is refused saying why, and nothing is saved;
     * the curator reads why buyers do not see each of its products.
     */
    @Test
    void aCollectionIsPublishedOnlyWithAProductBuyersSee() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var catalog = new CatalogApi(new HttpTestClient(port));
        var empty = api.mutate(CREATE, Map.of("slug", ApiClient.unique("kosong"), "title",
                Map.of("indonesian", "Koleksi Kosong"), "published", true), curator);
        List<Map<String, String>> errors = JsonPath.read(empty, "$.data.createCollection.userErrors");
        assertThat(errors).singleElement().satisfies(error -> {
            assertThat(error.get("field")).isEqualTo("input.productIds");
            assertThat(error.get("code")).isEqualTo("REQUIRED");
            assertThat(error.get("message")).contains("buyers");
        });

        var producer = api.signUp("PRODUCER");
        var brand = (String) catalog.createBrand(producer).get("id");
        var unverified = (String) catalog.publishedProduct(brand, producer).get("id");
        var draft = (String) catalog.createProduct(CatalogApi.completeProduct(brand), producer).get("id");
        var created = api.mutate(
                CREATE, Map.of("slug", ApiClient.unique("tersembunyi"), "title",
                        Map.of("indonesian", "Koleksi Tersembunyi"), "productIds", List.of(unverified, draft)),
                curator);
        Map<String, Object> collection = JsonPath.read(created, "$.data.createCollection.collection");
        var publish = api.mutate(UPDATE,
                Map.of("id", collection.get("id"), "expectedVersion", collection.get("version"), "published", true),
                curator);
        assertThat(ApiClient.outcome(publish, "updateCollection")).isEqualTo("userError:REQUIRED");
        var hidden = "query($id: ID!) { node(id: $id) { ... on Collection { published version "
                + "products(first: 10) { edges { node { id hiddenFromBuyers } } } } } }";
        var stored = api.query(hidden, Map.of("id", collection.get("id")), curator);
        assertThat((Boolean) JsonPath.read(stored, "$.data.node.published")).isFalse();
        assertThat((List<List<String>>) JsonPath.read(stored, "$.data.node.products.edges[*].node.hiddenFromBuyers"))
            .containsExactly(List.of("BRAND_NOT_VERIFIED"), List.of("NOT_PUBLISHED", "BRAND_NOT_VERIFIED"));

        var visible = publishedProductIds(1).getFirst();
        var withVisible = api.mutate(UPDATE, Map.of("id", collection.get("id"), "expectedVersion",
                collection.get("version"), "productIds", List.of(unverified, draft, visible), "published", true),
                curator);
        assertThat(ApiClient.outcome(withVisible, "updateCollection")).isEqualTo("ok");
        stored = api.query(hidden, Map.of("id", collection.get("id")), curator);
        assertThat((List<List<String>>) JsonPath.read(stored, "$.data.node.products.edges[*].node.hiddenFromBuyers"))
            .containsExactly(List.of("BRAND_NOT_VERIFIED"), List.of("NOT_PUBLISHED", "BRAND_NOT_VERIFIED"), List.of());
        // the last product buyers see cannot leave a published collection either
        var withoutVisible = api.mutate(UPDATE, Map.of("id", collection.get("id"), "expectedVersion",
                (Integer) collection.get("version") + 1, "productIds", List.of(unverified, draft)), curator);
        assertThat(ApiClient.outcome(withoutVisible, "updateCollection")).isEqualTo("userError:REQUIRED");
        // once its brand is verified, buyers see the product
        catalog.verifyBrand(brand, producer, curator);
        stored = api.query(hidden, Map.of("id", collection.get("id")), curator);
        assertThat((List<List<String>>) JsonPath.read(stored, "$.data.node.products.edges[*].node.hiddenFromBuyers"))
            .containsExactly(List.of(), List.of("NOT_PUBLISHED"), List.of());
    }

    @Test
    void badInputIsReportedPerFieldAndNothingIsSaved() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var product = publishedProductIds(1).getFirst();
        var before = jdbc.sql("select count(*) from collection").query(Long.class).single();
        var body = api.mutate(CREATE,
                Map.of("slug", "Bukan Slug", "title", Map.of("indonesian", " ", "english", "x".repeat(500)),
                        "productIds", List.of(product, product, "bukan-id"), "story",
                        Map.of("indonesian", "y".repeat(1_000_000))),
                curator);
        List<String> fields = JsonPath.read(body, "$.data.createCollection.userErrors[*].field");
        assertThat(fields).containsExactlyInAnyOrder("input.slug", "input.title.indonesian", "input.title.english",
                "input.story.indonesian", "input.productIds[1]", "input.productIds[2]");
        assertThat(jdbc.sql("select count(*) from collection").query(Long.class).single()).isEqualTo(before);

        var unknown = api.mutate(CREATE, Map.of("slug", ApiClient.unique("koleksi"), "title",
                Map.of("indonesian", "Koleksi"), "productIds", List.of(new GlobalId("Product", 999_999_999).encode())),
                curator);
        assertThat(JsonPath.<List<String>>read(unknown, "$.data.createCollection.userErrors[*].code"))
            .containsExactly("NOT_FOUND");
    }

    /**
     * An outside tester's loader sent collections without slugs, as it sends products: a
     * slug left out is made from the Indonesian title the way a product's is from its
     * title, numbered when another collection has it; a slug given is checked as before.
     */
    @Test
    void aSlugLeftOutIsMadeFromTheTitleAsAProductsIs() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var suffix = ApiClient.unique("uji");
        var input = new HashMap<String, Object>();
        input.put("title", Map.of("indonesian", "Kriya Tembakau: Pilihan Kurator " + suffix, "english", "Picks"));
        var first = api.mutate(CREATE, input, curator);
        assertThat((String) JsonPath.read(first, "$.data.createCollection.collection.slug")).as(first)
            .isEqualTo("kriya-tembakau-pilihan-kurator-" + suffix);
        input.put("slug", "");
        var second = api.mutate(CREATE, input, curator);
        assertThat((String) JsonPath.read(second, "$.data.createCollection.collection.slug")).as(second)
            .isEqualTo("kriya-tembakau-pilihan-kurator-" + suffix + "-2");

        input.put("slug", "kriya-tembakau-pilihan-kurator-" + suffix);
        assertThat(JsonPath.<List<String>>read(api.mutate(CREATE, input, curator),
                "$.data.createCollection.userErrors[*].code"))
            .containsExactly("TAKEN");
    }

    @Test
    void aCollectionTiedToAVillageIsListedWithThatVillage() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var slug = ApiClient.unique("gerabah-banyumulek");
        var created = api.mutate(CREATE, Map.of("slug", slug, "title", Map.of("indonesian", "Gerabah Banyumulek"),
                "productIds", publishedProductIds(2), "published", true, "villageSlug", "banyumulek"), curator);
        Map<String, Object> collection = JsonPath.read(created, "$.data.createCollection.collection");
        var ofVillage = "query($village: String) { collections(first: 100, village: $village) "
                + "{ edges { node { slug village { slug } } } } "
                + "village(slug: \"banyumulek\") { collections(first: 100) { edges { node { slug } } } } }";

        var seen = api.query(ofVillage, Map.of("village", "banyumulek"), null);
        assertThat(JsonPath.<List<String>>read(seen, "$.data.collections.edges[*].node.slug")).contains(slug)
            .doesNotContain("kriya-tembakau-lombok");
        assertThat(JsonPath.<List<String>>read(seen, "$.data.collections.edges[*].node.village.slug"))
            .containsOnly("banyumulek");
        assertThat(JsonPath.<List<String>>read(seen, "$.data.village.collections.edges[*].node.slug")).contains(slug);
        assertThat(JsonPath.<List<String>>read(api.query(ofVillage, Map.of("village", "tidak-ada"), null),
                "$.data.collections.edges[*].node.slug"))
            .isEmpty();
        var all = api.query("{ collections(first: 100) { edges { node { slug village { slug } } } } }", Map.of(), null);
        assertThat(JsonPath.<List<Object>>read(all,
                "$.data.collections.edges[?(@.node.slug == 'kriya-tembakau-lombok')].node.village.slug"))
            .containsExactly("semoyang");
        assertThat(JsonPath.<List<Object>>read(all,
                "$.data.collections.edges[?(@.node.slug == 'gerabah-lombok')].node.village"))
            .containsOnlyNulls();

        var untie = new HashMap<String, Object>();
        untie.put("id", collection.get("id"));
        untie.put("expectedVersion", collection.get("version"));
        untie.put("villageSlug", null);
        assertThat(ApiClient.outcome(api.mutate(UPDATE, untie, curator), "updateCollection")).isEqualTo("ok");
        assertThat(JsonPath.<List<String>>read(api.query(ofVillage, Map.of("village", "banyumulek"), null),
                "$.data.collections.edges[*].node.slug"))
            .doesNotContain(slug);

        var unknown = api.mutate(CREATE, Map.of("slug", ApiClient.unique("koleksi"), "title",
                Map.of("indonesian", "Koleksi"), "villageSlug", "tidak-ada"), curator);
        assertThat(JsonPath.<List<String>>read(unknown, "$.data.createCollection.userErrors[*].field"))
            .containsExactly("input.villageSlug");
    }

    @Test
    void visitorsAskingForUnpublishedCollectionsGetNone() throws Exception {
        var query = "{ collections(first: 100, published: false) { totalCount edges { node { slug } } } }";
        assertThat((Integer) JsonPath.read(api.query(query, Map.of(), null), "$.data.collections.totalCount")).isZero();
        assertThat(JsonPath.<List<String>>read(api.query(query, Map.of(), api.signIn(ApiClient.CURATOR)),
                "$.data.collections.edges[*].node.slug"))
            .contains("hadiah-akhir-tahun")
            .doesNotContain("kriya-tembakau-lombok");
    }

    @Test
    void anUpdateKeepsTheFieldsItLeavesOutAndClearsTheOnesItSetsToNull() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var products = publishedProductIds(2);
        var created = api.mutate(CREATE,
                Map.of("slug", ApiClient.unique("cerita"), "title", Map.of("indonesian", "Cerita Tembakau"), "story",
                        Map.of("indonesian", "Dari batang tembakau."), "productIds", products, "published", true),
                curator);
        Map<String, Object> collection = JsonPath.read(created, "$.data.createCollection.collection");

        var changes = new HashMap<String, Object>();
        changes.put("id", collection.get("id"));
        changes.put("expectedVersion", collection.get("version"));
        changes.put("story", null);
        var body = api.mutate(UPDATE, changes, curator);

        assertThat(ApiClient.outcome(body, "updateCollection")).as(body).isEqualTo("ok");
        var seen = api.query(BY_SLUG, Map.of("slug", collection.get("slug")), null);
        assertThat((Object) JsonPath.read(seen, "$.data.collection.story")).as("cleared").isNull();
        assertThat((String) JsonPath.read(seen, "$.data.collection.title.indonesian")).as("kept")
            .isEqualTo("Cerita Tembakau");
        assertThat((List<String>) JsonPath.read(seen, "$.data.collection.products.edges[*].node.id")).as("kept")
            .containsExactlyElementsOf(products);

        var hiding = new HashMap<String, Object>();
        hiding.put("id", collection.get("id"));
        hiding.put("expectedVersion", JsonPath.read(body, "$.data.updateCollection.collection.version"));
        hiding.put("published", null);
        assertThat(ApiClient.outcome(api.mutate(UPDATE, hiding, curator), "updateCollection"))
            .isEqualTo("userError:REQUIRED");
    }

}
