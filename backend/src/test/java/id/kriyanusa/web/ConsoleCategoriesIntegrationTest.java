package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator keeps the category taxonomy on the console without JavaScript: adds a
 * sub-category, is told why a third level is refused with what was typed kept, renames
 * and reorders it, retires and restores it, and the storefront's list follows. Producers
 * cannot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleCategoriesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCuratorAddsRenamesRetiresAndRestoresACategory() throws Exception {
        var api = new ApiClient(port);
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var list = curator.get("/kelola/kategori");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Kategori", "Gerabah", "Perhiasan Mutiara", "Tambah kategori");

        // nothing typed: one message per name, none on the optional address made from the
        // name
        var empty = curator.post("/kelola/kategori",
                Map.of("indonesian", "", "english", "", "parentSlug", "", "slug", "", "position", ""));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(empty.body())
            .contains("href=\"#indonesian\">Tulis nama kategori dalam bahasa Indonesia.</a>",
                    "href=\"#english\">Tulis nama kategori dalam bahasa Inggris, untuk pembeli dari luar negeri.</a>")
            .doesNotContain("Bagian ini wajib diisi.", "href=\"#slug\"", "id=\"slug-problem\"");

        var slug = ApiClient.unique("songket");
        var underChild = curator.post("/kelola/kategori", Map.of("indonesian", "Songket Uji", "english", "Test Songket",
                "parentSlug", "kendi-dan-teko", "slug", slug));
        assertThat(underChild.statusCode()).isEqualTo(422);
        assertThat(underChild.body()).contains("Kategori hanya dua tingkat", "value=\"Songket Uji\"",
                "value=\"" + slug + "\"");

        var created = curator.post("/kelola/kategori", Map.of("indonesian", "Songket Uji", "english", "Test Songket",
                "parentSlug", "tenun", "slug", slug, "position", "0"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(created.headers().firstValue("Location").orElseThrow()).as("on the new category, not at #baru")
            .endsWith("/kelola/kategori/" + slug + "#isi");
        var page = "/kelola/kategori/" + slug;
        assertThat(curator.get(page).body()).contains("Kategori ditambahkan", "Songket Uji");
        assertThat(children(api, "tenun").getFirst()).isEqualTo(slug);

        var renamed = curator.post(page, Map.of("indonesian", "Songket Benang Emas", "english", "Gold-Thread Songket",
                "parentSlug", "tenun", "position", "99"));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(curator.get(page).body()).contains("Perubahan kategori tersimpan", "Songket Benang Emas");
        // in English the title, the breadcrumb and the parents are named in English; the
        // form keeps both names
        assertThat(curator.get(page + "?lang=en").body())
            .contains("<title>Gold-Thread Songket · Categories</title>", "<span>Gold-Thread Songket</span>",
                    "<h1>Gold-Thread Songket</h1>", ">Weaving</option>", ">Pottery</option>",
                    "value=\"Songket Benang Emas\"")
            .doesNotContain(">Tenun</option>", ">Gerabah</option>");
        assertThat(children(api, "tenun").getLast()).isEqualTo(slug);

        var tooLong = curator.post(page + "/pensiun", Map.of("note", "x".repeat(501)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(tooLong.body()).contains("Catatan paling banyak 500 huruf");
        assertThat(curator.post(page + "/pensiun", Map.of("note", "Digabung ke tenun ikat")).statusCode())
            .isEqualTo(302);
        assertThat(curator.get(page).body()).contains("Kategori dipensiunkan", "Riwayat perubahan",
                "Digabung ke tenun ikat", ApiClient.CURATOR, "Ditambahkan");
        // said once, with the date as the other pages write it, in the history too
        assertThat(shown(curator.get(page).body()))
            .containsPattern("Dipensiunkan sejak \\d{1,2} \\w{3} \\d{4}\\. Kategori ini tidak ditawarkan lagi")
            .containsPattern("Dipensiunkan \\d{1,2} \\w{3} \\d{4} · " + ApiClient.CURATOR)
            .doesNotContain("Dipensiunkan Dipensiunkan")
            .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(shown(curator.get(page + "?lang=en").body()))
            .containsPattern("Retired since \\d{1,2} \\w{3} \\d{4}\\. No longer offered")
            .doesNotContain("Retired Retired")
            .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
        assertThat(children(api, "tenun")).doesNotContain(slug);
        assertThat(curator.get("/kelola/kategori").body()).contains("Songket Benang Emas", "Dipensiunkan");
        // retired again from a page left open: it says so, and keeps the note typed
        var again = curator.post(page + "/pensiun", Map.of("note", "Dari tab lain"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("Kategori ini sudah dipensiunkan", "Dari tab lain")
            .doesNotContain("Langkah ini tidak dapat dilakukan");
        assertThat(curator.post(page + "/pensiun?lang=en", Map.of()).body())
            .contains("This category is retired already");

        assertThat(curator.post(page + "/pulihkan", Map.of()).statusCode()).isEqualTo(302);
        assertThat(children(api, "tenun")).contains(slug);
        // from another tab opened before: the same form sent again would only be answered
        // as the first sending was
        curator.get(page);
        var restoredAgain = curator.post(page + "/pulihkan", Map.of());
        assertThat(restoredAgain.statusCode()).isEqualTo(422);
        assertThat(restoredAgain.body()).contains("Kategori ini sudah ditawarkan")
            .doesNotContain("Langkah ini tidak dapat dilakukan");
    }

    /**
     * The history says what a rename, a move and a reorder changed, in the page's
     * language, and the API gives the same values; a change recorded before the values
     * were kept still says only that one happened.
     */
    @Test
    void theHistorySaysWhatWasRenamedMovedOrReordered() throws Exception {
        var api = new ApiClient(port);
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        curator.get("/kelola/kategori");
        var slug = ApiClient.unique("ketak");
        assertThat(
                curator
                    .post("/kelola/kategori",
                            Map.of("indonesian", "Anyaman Uji", "english", "Test Weave", "parentSlug", "anyaman",
                                    "slug", slug, "position", "4"))
                    .statusCode())
            .isEqualTo(302);
        var page = "/kelola/kategori/" + slug;
        curator.get(page);
        assertThat(curator
            .post(page, Map.of("indonesian", "Anyaman Ketak Uji", "english", "Test Ketak Weave", "parentSlug",
                    "anyaman", "position", "4"))
            .statusCode()).isEqualTo(302);
        curator.get(page);
        assertThat(
                curator
                    .post(page,
                            Map.of("indonesian", "Anyaman Ketak Uji", "english", "Test Ketak Weave", "parentSlug",
                                    "tenun", "position", "9"))
                    .statusCode())
            .isEqualTo(302);
        // a change recorded before the values were kept
        jdbc.sql("insert into category_change (category_id, action, changed_by) "
                + "select c.id, 'UPDATED', a.id from category c, account a where c.slug = ? and a.email = ?")
            .params(slug, ApiClient.CURATOR)
            .update();

        var history = shown(curator.get(page).body());
        assertThat(history)
            .contains("Nama: Anyaman Uji → Anyaman Ketak Uji", "Induk: Anyaman → Tenun", "Urutan: 4 → 9",
                    "Nama, letak atau urutan diubah", "Ditambahkan")
            .doesNotContain("Urutan: 4 → 4", "Nama: Anyaman Ketak Uji → Anyaman Ketak Uji");
        assertThat(history.indexOf("Nama, letak atau urutan diubah")).as("the row without values, newest")
            .isLessThan(history.indexOf("Induk: Anyaman → Tenun"));
        assertThat(history.split("Nama, letak atau urutan diubah", -1)).as("said of that row only").hasSize(2);
        assertThat(shown(curator.get(page + "?lang=en").body())).contains("Name: Test Weave → Test Ketak Weave",
                "Parent: Basketry → Weaving", "Order: 4 → 9", "Name, place or order changed");

        var changes = api.query("""
                query($slug: String!) { category(slug: $slug) { history {
                    action renamed { from { indonesian } to { english } } moved { from { slug } to { slug } }
                    reordered { from to } } } }""", Map.of("slug", slug), api.signIn(ApiClient.CURATOR));
        assertThat((String) JsonPath.read(changes, "$.data.category.history[2].renamed.from.indonesian"))
            .isEqualTo("Anyaman Uji");
        assertThat((String) JsonPath.read(changes, "$.data.category.history[2].renamed.to.english"))
            .isEqualTo("Test Ketak Weave");
        assertThat((Object) JsonPath.read(changes, "$.data.category.history[2].moved")).isNull();
        assertThat((String) JsonPath.read(changes, "$.data.category.history[1].moved.from.slug")).isEqualTo("anyaman");
        assertThat((String) JsonPath.read(changes, "$.data.category.history[1].moved.to.slug")).isEqualTo("tenun");
        assertThat((Integer) JsonPath.read(changes, "$.data.category.history[1].reordered.to")).isEqualTo(9);
        assertThat((Object) JsonPath.read(changes, "$.data.category.history[0].renamed")).isNull();
        assertThat((Object) JsonPath.read(changes, "$.data.category.history[3].renamed")).as("created").isNull();
    }

    /**
     * Moved with the position the form came filled with (its place among its old
     * siblings), the category comes after its new siblings rather than sharing a number
     * with one of them; a position typed anew is kept.
     */
    @Test
    void aCategoryMovedWithItsOldPositionComesLastAmongItsNewSiblings() throws Exception {
        var api = new ApiClient(port);
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        curator.get("/kelola/kategori");
        var slug = ApiClient.unique("bambu");
        assertThat(curator
            .post("/kelola/kategori",
                    Map.of("indonesian", "Bambu Pindah", "english", "Moved Bamboo", "parentSlug", "anyaman", "slug",
                            slug, "position", "1"))
            .statusCode()).isEqualTo(302);
        var page = "/kelola/kategori/" + slug;
        assertThat(curator.get(page).body()).containsPattern("name=\"position\"[^>]*value=\"1\"");

        var moved = curator.post(page,
                Map.of("indonesian", "Bambu Pindah", "english", "Moved Bamboo", "parentSlug", "kayu", "position", "1"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(children(api, "kayu").getLast()).isEqualTo(slug);
        var list = shown(curator.get("/kelola/kategori").body());
        var woodcraft = list.substring(list.indexOf("· kayu ·"), list.indexOf("· perhiasan ·"));
        assertThat(woodcraft.split("Posisi 1 ", -1)).as("one sub-category at position 1: " + woodcraft).hasSize(2);

        curator.get(page);
        assertThat(curator
            .post(page, Map.of("indonesian", "Bambu Pindah", "english", "Moved Bamboo", "parentSlug", "anyaman",
                    "position", "0"))
            .statusCode()).isEqualTo(302);
        assertThat(children(api, "anyaman").getFirst()).isEqualTo(slug);
    }

    /** A page's text as a person reads it: without its tags, spaces as one. */
    private static String shown(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    /**
     * A position typed as a word is said beside the position field, in both languages,
     * with what was typed kept; no category is added.
     */
    @Test
    void aPositionTypedAsAWordIsSaidBesideTheField() throws Exception {
        var api = new ApiClient(port);
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        curator.get("/kelola/kategori");
        var slug = ApiClient.unique("ikat");
        var form = Map.of("indonesian", "Tenun Ikat Uji", "english", "Test Ikat", "parentSlug", "tenun", "slug", slug,
                "position", "dua");
        var refused = curator.post("/kelola/kategori", form);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis posisi sebagai angka", "href=\"#position\"", "value=\"dua\"",
                "value=\"Tenun Ikat Uji\"");
        assertThat(curator.post("/kelola/kategori?lang=en", form).body()).contains("Write the position as a number");
        assertThat(children(api, "tenun")).doesNotContain(slug);

        // with a name missing too, both are said at once, when adding and when changing
        var noEnglish = curator.post("/kelola/kategori", Map.of("indonesian", "Tenun Ikat Uji", "english", "",
                "parentSlug", "tenun", "slug", slug, "position", "dua"));
        assertThat(noEnglish.statusCode()).isEqualTo(422);
        assertThat(noEnglish.body()).contains("Tulis posisi sebagai angka", "href=\"#english\"");
        var page = "/kelola/kategori/kendi-dan-teko";
        curator.get(page);
        var moved = curator.post(page,
                Map.of("indonesian", "Kendi", "english", "Jugs", "parentSlug", "kendi-dan-teko", "position", "dua"));
        assertThat(moved.statusCode()).isEqualTo(422);
        assertThat(moved.body()).contains("Tulis posisi sebagai angka",
                "Kategori tidak dapat berada di bawah dirinya sendiri.");
        assertThat(curator.get(page).body()).contains("value=\"Kendi dan Teko\"");
    }

    /**
     * Products sit only in sub-categories, as the console says: moving one that holds
     * products to the top level is refused with the reason and what was typed kept, and a
     * producer's category list offers only sub-categories, without an empty group for a
     * new top-level category put first.
     */
    @Test
    void aSubCategoryHoldingProductsStaysUnderItsTopLevelCategory() throws Exception {
        var api = new ApiClient(port);
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var page = "/kelola/kategori/bambu";
        assertThat(curator.get(page).statusCode()).isEqualTo(200);
        var toTop = Map.of("indonesian", "Anyaman Bambu Lombok", "english", "Bamboo Basketry", "parentSlug", "",
                "position", "3");
        var refused = curator.post(page, toTop);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#parentSlug\">Kategori ini memuat produk",
                "id=\"parentSlug-problem\"", "value=\"Anyaman Bambu Lombok\"");
        assertThat(curator.post(page + "?lang=en", toTop).body()).contains("This category holds products");
        assertThat(children(api, "anyaman")).contains("bambu");
        assertThat(curator.get(page).body()).contains("value=\"Anyaman Bambu\"");

        var empty = ApiClient.unique("kriya-baru");
        var created = curator.post("/kelola/kategori", Map.of("indonesian", "Kriya Baru Uji", "english",
                "New Test Craft", "parentSlug", "", "slug", empty, "position", "0"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var brand = api.createBrand(api.signIn(ApiClient.PRODUCER), "uji-pilihan");
        var form = producer.get("/dasbor/merek/" + brand.get("id") + "/produk/baru").body();
        var select = form.substring(form.indexOf("<select id=\"categorySlug\""));
        select = select.substring(0, select.indexOf("</select>"));
        assertThat(select).doesNotContain("Kriya Baru Uji").contains("label=\"Kriya Tembakau\"", "value=\"bambu\"");
        assertThat(Arrays.stream(select.split("<optgroup")).skip(1).toList()).as("every group offers a category")
            .allSatisfy(group -> assertThat(group).contains("<option"));
    }

    @Test
    void aProductInARetiredCategoryKeepsItInTheEditor() throws Exception {
        var api = new ApiClient(port);
        var curator = api.signIn(ApiClient.CURATOR);
        var child = ApiClient.unique("sasak-lama");
        var created = api.mutate(
                "mutation($input: CreateCategoryInput!) { createCategory(input: $input) { "
                        + "category { id } userErrors { code } } }",
                Map.of("slug", child, "parentSlug", "anyaman", "name", ApiClient.text("Anyaman Lama", "Old Weave")),
                curator);
        String categoryId = JsonPath.read(created, "$.data.createCategory.category.id");
        var producer = api.signIn(ApiClient.PRODUCER);
        var brandId = (String) api.createBrand(producer, "uji-kategori").get("id");
        var product = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { "
                        + "product { id } userErrors { code } } }",
                Map.of("brandId", brandId, "title", ApiClient.text("Tikar anyaman lama", null), "categorySlug", child,
                        "availability", "MADE_TO_ORDER"),
                producer);
        String productId = JsonPath.read(product, "$.data.createProduct.product.id");
        api.mutate("mutation($input: RetireCategoryInput!) { retireCategory(input: $input) { userErrors { code } } }",
                Map.of("id", categoryId), curator);

        var browser = new FormBrowser(port);
        browser.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var editor = browser.get("/dasbor/produk/" + productId).body();
        assertThat(editor).containsPattern("<option value=\"" + child + "\"\\s+selected=\"selected\">Anyaman Lama "
                + "\\(dipensiunkan\\)</option>");
    }

    @Test
    void producersGetTheForbiddenPage() throws Exception {
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/kelola/kategori").statusCode()).isEqualTo(403);
        assertThat(producer.get("/kelola/kategori/gerabah").statusCode()).isEqualTo(403);
        var created = producer.post("/kelola/kategori",
                Map.of("indonesian", "Palsu", "english", "Fake", "slug", ApiClient.unique("palsu")));
        assertThat(created.statusCode()).isEqualTo(403);
    }

    /**
     * The offered sub-categories of a top-level category, as the storefront lists them.
     */
    private static List<String> children(ApiClient api, String top) throws Exception {
        return JsonPath.read(api.query("{ categories { slug children { slug } } }", Map.of(), null),
                "$.data.categories[?(@.slug == '" + top + "')].children[*].slug");
    }

}
