package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.HtmlUtils;

/**
 * A curator builds a collection on the console: creates it for a village, adds products
 * found with the search, reorders and removes them, and publishes it; buyers then see it
 * on its own page, on the home page and on the village's page, and no longer once it is
 * hidden. Producers cannot.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleCollectionsIntegrationTest {

    static final Pattern VERSION = Pattern.compile("name=\"versi\" value=\"(\\d+)\"");

    static final Pattern PRODUCT = Pattern.compile("name=\"produk\" value=\"([^\"]+)\"");

    static final Pattern FOUND = Pattern.compile("(\\d+) produk untuk");

    static final Pattern NEXT = Pattern.compile("rel=\"next\"\\s+href=\"([^\"]+)\"");

    static final Pattern AFTER = Pattern.compile("name=\"setelah\" value=\"([^\"]+)\"");

    static final Pattern PRODUCT_LINK = Pattern.compile("href=\"/produk/([a-z0-9-]+)\"");

    @LocalServerPort
    int port;

    FormBrowser curator;

    FormBrowser buyer;

    @BeforeEach
    void setUp() throws Exception {
        curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        buyer = new FormBrowser(port);
    }

    @Test
    void aCuratorBuildsACollectionThatBuyersSeeOnceItIsPublished() throws Exception {
        var list = curator.get("/kelola/koleksi");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Koleksi kurator", "Kriya Tembakau Lombok", "Hadiah Akhir Tahun",
                "Belum terbit", "Buat koleksi");

        var untitled = curator.post("/kelola/koleksi",
                Map.of("titleId", " ", "storyId", "Kendi dan gentong dari Banyumulek.", "villageSlug", "banyumulek"));
        assertThat(untitled.statusCode()).isEqualTo(422);
        assertThat(untitled.body())
            .contains("Tulis judul koleksi dalam bahasa Indonesia", "Kendi dan gentong dari Banyumulek.")
            .doesNotContain("Tulis alamat halaman");

        var title = "Gerabah Pilihan " + ApiClient.unique("uji").substring(4, 12);
        var created = curator.post("/kelola/koleksi", Map.of("titleId", title, "titleEn", "Chosen Pottery", "storyId",
                "Kendi dan gentong dari Banyumulek.", "villageSlug", "banyumulek"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        var editor = created(created);
        var page = curator.get(editor);
        assertThat(page.body()).contains("Koleksi dibuat", title, "Belum ada produk");
        var slug = PageAddresses.slugOf(title);

        var found = await("the search index lists the demo pottery").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> curator.get(editor + "?q=gerabah").body(), body -> results(body).size() >= 3);
        assertThat(found).contains("Tambah");
        var chosen = results(found).subList(0, 3);
        for (var product : chosen) {
            var added = curator.post(editor + "/produk",
                    Map.of("produk", product, "aksi", "tambah", "versi", version(found), "q", "gerabah"));
            assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
            assertThat(added.headers().firstValue("Location").orElseThrow()).endsWith("?q=gerabah#cari");
            found = curator.get(path(added)).body();
            assertThat(found).contains("Produk ditambahkan ke koleksi", "Sudah di koleksi");
        }
        assertThat(inCollection(found)).containsExactlyElementsOf(chosen);

        var moved = curator.post(editor + "/produk",
                Map.of("produk", chosen.get(0), "aksi", "turun", "versi", version(found)));
        assertThat(moved.statusCode()).isEqualTo(302);
        page = curator.get(editor);
        assertThat(page.body()).contains("Produk dipindah ke bawah");
        assertThat(inCollection(page.body())).containsExactly(chosen.get(1), chosen.get(0), chosen.get(2));
        var removed = curator.post(editor + "/produk",
                Map.of("produk", chosen.get(2), "aksi", "hapus", "versi", version(page.body())));
        assertThat(removed.statusCode()).isEqualTo(302);
        page = curator.get(editor);
        assertThat(inCollection(page.body())).containsExactly(chosen.get(1), chosen.get(0));
        var order = productLinks(page.body().substring(0, page.body().indexOf("id=\"cari\"")));

        assertThat(buyer.get("/koleksi/" + slug).statusCode()).as("unpublished").isEqualTo(404);
        assertThat(curator.get("/koleksi/" + slug).body()).as("the curator's preview").contains(title, "Belum terbit");

        var published = curator.post(editor + "/terbit", Map.of("terbit", "true", "versi", version(page.body())));
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(curator.get(editor).body()).contains("Koleksi terbit dan tampil untuk pembeli");
        var shown = buyer.get("/koleksi/" + slug);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains(title, "Kendi dan gentong dari Banyumulek.", "Produk dalam koleksi ini (2)")
            .doesNotContain("Belum terbit");
        assertThat(productLinks(shown.body())).containsExactlyElementsOf(order);
        assertThat(new FormBrowser(port).get("/koleksi/" + slug + "?lang=en").body()).contains("Chosen Pottery",
                "Products in this collection (2)");
        assertThat(buyer.get("/").body()).contains("Koleksi pilihan kurator", "href=\"/koleksi/" + slug + "\"");
        assertThat(buyer.get("/desa/banyumulek").body()).contains("href=\"/koleksi/" + slug + "\"", title);
        assertThat(buyer.get("/desa/semoyang").body()).doesNotContain("href=\"/koleksi/" + slug + "\"")
            .contains("href=\"/koleksi/kriya-tembakau-lombok\"");

        page = curator.get(editor);
        assertThat(
                curator.post(editor + "/terbit", Map.of("terbit", "false", "versi", version(page.body()))).statusCode())
            .isEqualTo(302);
        assertThat(buyer.get("/koleksi/" + slug).statusCode()).as("hidden again").isEqualTo(404);
        assertThat(buyer.get("/").body()).doesNotContain("href=\"/koleksi/" + slug + "\"");
        assertThat(buyer.get("/desa/banyumulek").body()).doesNotContain("href=\"/koleksi/" + slug + "\"");
    }

    /**
     * A search finding more products than one page shows offers the next ones by a plain
     * link, so every product found can be added, and adding one keeps that page.
     */
    @Test
    void aCuratorPagesThroughEverythingTheSearchFound() throws Exception {
        var editor = created(curator.post("/kelola/koleksi",
                Map.of("titleId", "Ketak Beleka " + ApiClient.unique("uji").substring(4, 12))));
        var page = await("the search index lists the demo ketak").atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> curator.get(editor + "?q=ketak+beleka").body(), body -> results(body).size() == 12);
        var found = FOUND.matcher(page);
        assertThat(found.find()).as("the count of products found").isTrue();
        var total = Integer.parseInt(found.group(1));
        assertThat(total).as("more than one page").isGreaterThan(12);

        var seen = new LinkedHashSet<>(results(page));
        var next = NEXT.matcher(page);
        while (next.find()) {
            var link = HtmlUtils.htmlUnescape(next.group(1));
            assertThat(link).startsWith(editor + "?q=ketak%20beleka&setelah=").endsWith("#cari");
            page = curator.get(link).body();
            assertThat(page).contains(total + " produk untuk", "Kembali ke hasil pertama");
            seen.addAll(results(page));
            next = NEXT.matcher(page);
        }
        assertThat(seen).as("every product found, each once").hasSize(total);

        var last = results(page).getLast();
        var after = AFTER.matcher(page);
        assertThat(after.find()).isTrue();
        var added = curator.post(editor + "/produk", Map.of("produk", last, "aksi", "tambah", "versi", version(page),
                "q", "ketak beleka", "setelah", HtmlUtils.htmlUnescape(after.group(1))));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        assertThat(path(added)).startsWith(editor + "?q=ketak%20beleka&setelah=").endsWith("#cari");
        page = curator.get(path(added)).body();
        assertThat(page).contains("Produk ditambahkan ke koleksi", "Sudah di koleksi", "Kembali ke hasil pertama");
        assertThat(inCollection(page)).containsExactly(last);
    }

    @Test
    void aCuratorRenamesACollectionAndAStaleFormIsRefusedKeepingWhatWasTyped() throws Exception {
        var created = curator.post("/kelola/koleksi",
                Map.of("titleId", "Anyaman " + ApiClient.unique("uji").substring(4, 12)));
        var editor = created(created);
        var page = curator.get(editor).body();
        var form = new LinkedHashMap<>(Map.of("titleId", "Anyaman Ketak Lombok", "storyEn", "Ketak from Nyurbaya Gawah",
                "villageSlug", "", "versi", version(page)));
        assertThat(curator.post(editor, form).statusCode()).isEqualTo(302);
        assertThat(curator.get(editor).body()).contains("Judul dan deskripsi tersimpan", "Anyaman Ketak Lombok");

        form.put("titleId", "Judul Yang Terlambat");
        var stale = curator.post(editor, form);
        assertThat(stale.statusCode()).isEqualTo(422);
        assertThat(stale.body()).contains("Baru saja diubah di tempat lain", "value=\"Judul Yang Terlambat\"");

        assertThat(curator.get("/kelola/koleksi/bukan-id").statusCode()).isEqualTo(404);
        assertThat(buyer.get("/koleksi/tidak-ada-koleksi").statusCode()).isEqualTo(404);
        assertThat(buyer.get("/koleksi/hadiah-akhir-tahun").statusCode()).as("unpublished demo collection")
            .isEqualTo(404);
    }

    /**
     * A curator is told which products buyers do not see and why, and cannot publish a
     * collection buyers would find empty; buyers' home page never shows it.
     */
    @Test
    void aCuratorSeesWhatBuyersSeeAndCannotPublishAnEmptyCollection() throws Exception {
        var title = "Pilihan Kosong " + ApiClient.unique("uji").substring(4, 12);
        var editor = created(curator.post("/kelola/koleksi", Map.of("titleId", title)));
        var page = curator.get(editor).body();
        var refused = curator.post(editor + "/terbit", Map.of("terbit", "true", "versi", version(page)));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
            .contains("href=\"#produk\">Tambahkan dulu sedikitnya satu produk yang terlihat pembeli", "Belum terbit");
        assertThat(curator.post(editor + "/terbit?lang=en", Map.of("terbit", "true", "versi", version(page))).body())
            .contains("Add at least one product buyers can see");
        var slug = PageAddresses.slugOf(title);
        assertThat(buyer.get("/").body()).doesNotContain("href=\"/koleksi/" + slug + "\"");

        // a published product of a brand not verified yet, and a draft
        var api = new ApiClient(port);
        var producer = api.signUp("PRODUCER");
        var brand = (String) api.createBrand(producer, "uji-koleksi").get("id");
        var unverified = product(api, producer, brand, "Tas ketak belum terverifikasi", true);
        var draft = product(api, producer, brand, "Tas ketak draf", false);
        var visible = api.query("{ products(first: 1) { edges { node { id } } } }", Map.of(), null);
        var shown = JsonPath.<List<String>>read(visible, "$.data.products.edges[*].node.id").getFirst();
        for (var product : List.of(unverified, draft, shown)) {
            page = curator.get(editor).body();
            assertThat(curator
                .post(editor + "/produk", Map.of("produk", product, "aksi", "tambah", "versi", version(page)))
                .statusCode()).isEqualTo(302);
        }
        page = curator.get(editor).body();
        assertThat(page).contains("Pembeli melihat 1 dari 3 produk",
                "Tidak terlihat pembeli: merek belum terverifikasi</",
                "Tidak terlihat pembeli: produk masih draf, merek belum terverifikasi</");
        assertThat(curator.get(editor + "?lang=en").body()).contains("Buyers see 1 of these 3 products",
                "Hidden from buyers: brand not verified</",
                "Hidden from buyers: the product is a draft, brand not verified</");
        assertThat(curator.post(editor + "/terbit", Map.of("terbit", "true", "versi", version(page))).statusCode())
            .isEqualTo(302);
        assertThat(buyer.get("/").body()).contains("href=\"/koleksi/" + slug + "\"");
    }

    /**
     * A published collection whose products all leave the shop (archived, or their brand
     * suspended) is no longer offered to buyers on the home and village pages.
     */
    @Test
    void aCollectionBuyersWouldFindEmptyLeavesTheHomePage() throws Exception {
        var title = "Pilihan Sementara " + ApiClient.unique("uji").substring(4, 12);
        var editor = created(curator.post("/kelola/koleksi", Map.of("titleId", title, "villageSlug", "banyumulek")));
        var api = new ApiClient(port);
        var producer = api.signUp("PRODUCER");
        var brand = (String) api.createBrand(producer, "uji-koleksi").get("id");
        var product = product(api, producer, brand, "Tas ketak sementara", true);
        api.submitAndVerify(brand, producer);
        var page = curator.get(editor).body();
        assertThat(curator.post(editor + "/produk", Map.of("produk", product, "aksi", "tambah", "versi", version(page)))
            .statusCode()).isEqualTo(302);
        page = curator.get(editor).body();
        assertThat(curator.post(editor + "/terbit", Map.of("terbit", "true", "versi", version(page))).statusCode())
            .isEqualTo(302);
        var link = "href=\"/koleksi/" + PageAddresses.slugOf(title) + "\"";
        assertThat(buyer.get("/").body()).contains(link);
        assertThat(row(curator.get("/kelola/koleksi").body(), title)).contains("Terbit")
            .doesNotContain("kosong bagi pembeli");

        var archived = api.mutate("mutation($input: ProductTransitionInput!) { archiveProduct(input: $input) { "
                + "userErrors { code } } }", Map.of("id", product), producer);
        assertThat(JsonPath.<List<?>>read(archived, "$.data.archiveProduct.userErrors")).isEmpty();
        assertThat(buyer.get("/").body()).doesNotContain(link);
        assertThat(buyer.get("/desa/banyumulek").body()).doesNotContain(link);
        // staff see it on their list, to add products or hide it
        var list = curator.get("/kelola/koleksi").body();
        assertThat(row(list, title)).contains("Terbit", "kosong bagi pembeli");
        assertThat(list).contains("tidak satu pun produknya terlihat pembeli lagi");
        assertThat(row(curator.get("/kelola/koleksi?lang=en").body(), title)).contains("empty for buyers");
    }

    /** The collection's row on the console's list, by its title. */
    private static String row(String list, String title) {
        var at = list.indexOf(">" + title + "<");
        assertThat(at).as(title).isPositive();
        return list.substring(list.lastIndexOf("<li", at), list.indexOf("</li>", at));
    }

    @Test
    void producersGetTheForbiddenPage() throws Exception {
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/kelola/koleksi").statusCode()).isEqualTo(403);
        assertThat(producer.post("/kelola/koleksi", Map.of("titleId", "Koleksi Palsu")).statusCode()).isEqualTo(403);
        var editor = created(curator.post("/kelola/koleksi",
                Map.of("titleId", "Tenun " + ApiClient.unique("uji").substring(4, 12))));
        assertThat(producer.get(editor).statusCode()).isEqualTo(403);
        assertThat(producer.post(editor + "/terbit", Map.of("terbit", "true", "versi", "0")).statusCode())
            .isEqualTo(403);
    }

    /** A product of the producer's brand, published or a draft: its id. */
    private static String product(ApiClient api, String producer, String brand, String title, boolean publish)
            throws Exception {
        var created = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } "
                        + "userErrors { code } } }",
                Map.of("brandId", brand, "title", ApiClient.text(title, null), "categorySlug", "ketak", "price",
                        150_000, "availability", "MADE_TO_ORDER", "leadTimeDays", 14),
                producer);
        String id = JsonPath.read(created, "$.data.createProduct.product.id");
        if (publish) {
            var published = api.mutate("mutation($input: ProductTransitionInput!) { publishProduct(input: $input) { "
                    + "userErrors { code } } }", Map.of("id", id), producer);
            assertThat(JsonPath.<List<?>>read(published, "$.data.publishProduct.userErrors")).isEmpty();
        }
        return id;
    }

    /**
     * The page of the collection a creation redirected to, which it opens at its content,
     * not at the form's "#baru".
     */
    private static String created(HttpResponse<String> redirect) {
        var page = path(redirect);
        assertThat(page).endsWith("#isi");
        return page.substring(0, page.length() - "#isi".length());
    }

    private static String path(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    }

    private static String version(String page) {
        var found = VERSION.matcher(page);
        assertThat(found.find()).isTrue();
        return found.group(1);
    }

    /** The products of the collection, in order, as its editor lists them. */
    private static List<String> inCollection(String page) {
        return products(page.substring(0, page.indexOf("id=\"cari\"")));
    }

    /** The products the search found that may still be added. */
    private static List<String> results(String page) {
        return products(page.substring(page.indexOf("id=\"cari\"")));
    }

    private static List<String> products(String html) {
        var found = PRODUCT.matcher(html);
        var ids = new ArrayList<String>();
        while (found.find()) {
            ids.add(found.group(1));
        }
        return ids;
    }

    /** The products a page links to, each once, in the order shown. */
    private static List<String> productLinks(String html) {
        var found = PRODUCT_LINK.matcher(html);
        var slugs = new LinkedHashSet<String>();
        while (found.find()) {
            slugs.add(found.group(1));
        }
        return List.copyOf(slugs);
    }

}
