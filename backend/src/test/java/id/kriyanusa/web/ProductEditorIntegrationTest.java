package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A producer lists a product with plain forms on a phone browser without JavaScript: a
 * draft from only a title, prices and sizes as Indonesians write them, photos with a
 * cover, publishing that says what is missing, archiving and deleting that ask first, a
 * preview of the public page, and nothing of it for another brand's members.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductEditorIntegrationTest {

    /** Most of a CSS file's worth plus the page: the budget per page. */
    static final int PAGE_BUDGET_BYTES = 60 * 1024;

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void aDraftSavesWithOnlyATitleAndGoesOnToItsPhotos() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var dashboard = browser.get("/dasbor").body();
        var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru";
        assertThat(dashboard).contains("href=\"" + newProduct + "\"", "Tambah produk");

        var form = browser.get(newProduct);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<h1>Produk baru</h1>", "<optgroup label=\"Gerabah\">",
                "value=\"kendi-dan-teko\"", "inputmode=\"numeric\"", "inputmode=\"decimal\"", "Simpan draf");

        var saved = browser.post(newProduct, Map.of("titleId", "Kendi draf saja", "availability", "MADE_TO_ORDER"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var photos = saved.headers().firstValue("Location").orElseThrow();
        assertThat(photos).matches(".*/dasbor/produk/[A-Za-z0-9_-]+/foto$");
        var id = photos.replaceAll(".*/dasbor/produk/([^/]+)/foto$", "$1");
        var photosPage = browser.get("/dasbor/produk/" + id + "/foto").body();
        assertThat(photosPage).contains("Draf produk tersimpan", "href=\"/dasbor/produk/" + id + "\"",
                "href=\"/dasbor/produk/" + id + "/terbitkan\"");

        var stored = product(id);
        assertThat((String) JsonPath.read(stored, "$.data.node.status")).isEqualTo("DRAFT");
        assertThat((String) JsonPath.read(stored, "$.data.node.title.indonesian")).isEqualTo("Kendi draf saja");
        assertThat((Object) JsonPath.read(stored, "$.data.node.price")).isNull();
        assertThat(browser.get("/dasbor").body()).contains("Kendi draf saja", "href=\"/dasbor/produk/" + id + "\"");
    }

    @Test
    void pricesAndSizesAreReadAsIndonesiansWriteThem() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var fields = complete("Tas ketak bundar");
        fields.put("price", "Rp 125.500");
        fields.put("wholesalePrice", "100.000,-");
        fields.put("lengthCm", "12,5");
        fields.put("widthCm", "20");
        fields.put("weightGrams", "1.200");
        fields.put("materials", "Ketak, rotan , ");
        fields.put("availability", "READY_STOCK");
        fields.put("stockQuantity", "7");
        var id = producer.create(browser, fields);

        var stored = product(id);
        assertThat((Integer) JsonPath.read(stored, "$.data.node.price")).isEqualTo(125_500);
        assertThat((Integer) JsonPath.read(stored, "$.data.node.wholesalePrice")).isEqualTo(100_000);
        assertThat((Double) JsonPath.read(stored, "$.data.node.dimensions.lengthCm")).isEqualTo(12.5);
        assertThat((Integer) JsonPath.read(stored, "$.data.node.weightGrams")).isEqualTo(1_200);
        assertThat((List<String>) JsonPath.read(stored, "$.data.node.materials")).containsExactly("ketak", "rotan");
        assertThat((Integer) JsonPath.read(stored, "$.data.node.stockQuantity")).isEqualTo(7);

        var editor = browser.get("/dasbor/produk/" + id).body();
        assertThat(editor).contains("value=\"125.500\"", "value=\"12,5\"", "value=\"1.200\"", "value=\"ketak, rotan\"",
                "<option value=\"kendi-dan-teko\" selected=\"selected\">");
        // only the sizes given, each by its name
        assertThat(browser.get("/dasbor/produk/" + id + "/pratinjau").body())
            .contains("<dt>Ukuran</dt>", "<dd>panjang 12,5 cm, lebar 20 cm</dd>")
            .doesNotContain(" × ", "tinggi -");
        assertThat(browser.get("/dasbor/produk/" + id + "/pratinjau?lang=en").body()).contains("<dt>Size</dt>",
                "<dd>length 12.5 cm, width 20 cm</dd>");
        // a minimum order left empty is none: the wholesale price names no minimum
        assertThat(browser.get("/dasbor/produk/" + id + "/pratinjau").body())
            .contains(">Harga grosir Rp 100.000 per buah</p>")
            .doesNotContain("minimal");
        assertThat(browser.get("/dasbor/produk/" + id + "/pratinjau?lang=en").body())
            .contains(">Wholesale Rp 100,000 per piece</p>");

        // words where a number belongs: said beside the field, everything typed kept
        fields.put("price", "seratus ribu");
        fields.put("heightCm", "tinggi");
        fields.put("versi", version(id));
        var refused = browser.post("/dasbor/produk/" + id, fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis harga dalam rupiah", "href=\"#price\"", "href=\"#heightCm\"",
                "value=\"seratus ribu\"", "value=\"tinggi\"", "value=\"Tas ketak bundar\"",
                "aria-describedby=\"price-hint price-problem\"");
        assertThat((Integer) JsonPath.read(product(id), "$.data.node.price")).isEqualTo(125_500);
    }

    /**
     * On the English editor numbers are typed and shown with English grouping: "1,200" is
     * twelve hundred there as "1.200" is on the Indonesian one, and the form shows what
     * was stored as each language writes it.
     */
    @Test
    void theEnglishEditorReadsAndShowsEnglishGrouping() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru?lang=en";
        browser.get(newProduct);
        var fields = complete("Gentong besar");
        fields.put("price", "405,000");
        fields.put("wholesalePrice", "Rp 380,000.00");
        fields.put("minimumOrderQuantity", "1,200");
        fields.put("weightGrams", "12,500");
        fields.put("lengthCm", "40.5");
        var saved = browser.post(newProduct, fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        var id = saved.headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/dasbor/produk/([^/?]+)/foto.*", "$1");

        var stored = product(id);
        assertThat((Integer) JsonPath.read(stored, "$.data.node.price")).isEqualTo(405_000);
        assertThat((Integer) JsonPath.read(stored, "$.data.node.wholesalePrice")).isEqualTo(380_000);
        assertThat((Integer) JsonPath.read(stored, "$.data.node.weightGrams")).isEqualTo(12_500);
        assertThat((Double) JsonPath.read(stored, "$.data.node.dimensions.lengthCm")).isEqualTo(40.5);
        assertThat(browser.get("/dasbor/produk/" + id + "?lang=en").body()).contains("value=\"405,000\"",
                "value=\"380,000\"", "value=\"1,200\"", "value=\"12,500\"", "value=\"40.5\"");
        assertThat(browser.get("/dasbor/produk/" + id).body()).contains("value=\"405.000\"", "value=\"1.200\"",
                "value=\"40,5\"");
        assertThat(browser.get("/dasbor/produk/" + id + "/pratinjau").body())
            .contains(">Harga grosir Rp 380.000 per buah, minimal 1.200 buah</p>");

        // decimals where a whole number belongs: refused with what to write, not rounded
        fields.put("price", "405.5");
        fields.put("minimumOrderQuantity", "1,2");
        fields.put("versi", version(id));
        var refused = browser.post("/dasbor/produk/" + id + "?lang=en", fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("for example 125,500, without cents", "href=\"#minimumOrderQuantity\"",
                "Enter the smallest order as a whole number", "value=\"405.5\"", "value=\"1,2\"");
        assertThat((Integer) JsonPath.read(product(id), "$.data.node.price")).isEqualTo(405_000);
    }

    /**
     * A price the page cannot read and a title too long are said at once, each beside its
     * field, for a new product and for a change; nothing is saved meanwhile.
     */
    @Test
    void anUnreadablePriceAndATooLongTitleAreBothSaidAtOnce() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru";
        browser.get(newProduct);
        var title = "Kendi yang judulnya terlalu panjang ".repeat(5).strip();
        var fields = complete(title);
        fields.put("price", "dua");
        var refused = browser.post(newProduct, fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis harga dalam rupiah", "href=\"#price\"",
                "Judul paling panjang 140 huruf.", "href=\"#titleId\"", "value=\"dua\"", "value=\"" + title + "\"");
        assertThat(browser.get("/dasbor").body()).doesNotContain("Kendi yang judulnya terlalu panjang");

        var id = producer.create(browser, complete("Kendi yang tersimpan"));
        fields.put("versi", version(id));
        var english = browser.post("/dasbor/produk/" + id + "?lang=en", fields);
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Enter the price in rupiah", "A title has at most 140 characters.");
        assertThat((String) JsonPath.read(product(id), "$.data.node.title.indonesian"))
            .isEqualTo("Kendi yang tersimpan");
    }

    /**
     * A price the page cannot read leaves the wholesale price typed beside it alone (the
     * service, judging it against no price, would ask for the price that was typed),
     * while a wholesale price above a price that reads is still said.
     */
    @Test
    void anUnreadablePriceDoesNotMakeTheWholesalePriceWrong() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru";
        browser.get(newProduct);
        var fields = complete("Kendi dengan harga grosir");
        fields.put("price", "dua");
        fields.put("wholesalePrice", "80.000");
        var refused = browser.post(newProduct, fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Tulis harga dalam rupiah", "href=\"#price\"", "value=\"80.000\"")
            .doesNotContain("Isi harga satuan sebelum harga grosir", "href=\"#wholesalePrice\"");

        fields.put("price", "75.000");
        fields.put("heightCm", "tinggi");
        var belowNot = browser.post(newProduct, fields);
        assertThat(belowNot.statusCode()).isEqualTo(422);
        assertThat(belowNot.body()).contains("Harga grosir harus lebih rendah dari harga satuan.",
                "href=\"#wholesalePrice\"", "href=\"#heightCm\"");
        assertThat(browser.get("/dasbor").body()).doesNotContain("Kendi dengan harga grosir");
    }

    /**
     * An availability the form never offers (an altered form) is said beside the choice,
     * not a failed page; nothing is saved.
     */
    @Test
    void anAvailabilityNeverOfferedIsSaidBesideTheChoice() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru";
        browser.get(newProduct);
        var fields = complete("Kendi dengan pilihan yang diubah");
        fields.put("availability", "SOLD_OUT");
        var refused = browser.post(newProduct, fields);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Pilih dibuat sesuai pesanan atau siap kirim, dari pilihan yang ada.",
                "href=\"#availability\"", "value=\"Kendi dengan pilihan yang diubah\"");
        assertThat(browser.get("/dasbor").body()).doesNotContain("Kendi dengan pilihan yang diubah");
    }

    @Test
    void publishingARefusedDraftSaysWhatIsMissingInWords() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser,
                Map.of("titleId", "Piring gerabah belum lengkap", "availability", "MADE_TO_ORDER"));
        var confirm = browser.get("/dasbor/produk/" + id + "/terbitkan");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Terbitkan produk ini?", "Belum ada foto", "Ya, terbitkan");

        var refused = browser.post("/dasbor/produk/" + id + "/terbitkan", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Ada yang perlu diperbaiki:", "Isi harga.", "href=\"#price\"",
                "Pilih kategori.", "href=\"#categorySlug\"", "Isi lama pembuatan pesanan", "href=\"#leadTimeDays\"",
                "id=\"price-problem\"", "value=\"Piring gerabah belum lengkap\"");
        assertThat((String) JsonPath.read(product(id), "$.data.node.status")).isEqualTo("DRAFT");
    }

    @Test
    void aProductWithAPhotoIsPublishedAndTheCoverChosenInOneTap() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Kendi maling motif cicak"));
        var photos = "/dasbor/produk/" + id + "/foto";
        assertThat(browser
            .postMultipart(photos, Map.of("altId", "Kendi dari samping"), "samping.jpg", "image/jpeg",
                    ProducerDashboardIntegrationTest.jpeg(800, 600))
            .statusCode()).isEqualTo(302);
        assertThat(browser
            .postMultipart(photos, Map.of("altId", "Kendi dari atas"), "atas.jpg", "image/jpeg",
                    ProducerDashboardIntegrationTest.jpeg(600, 600))
            .statusCode()).isEqualTo(302);
        var page = browser.get(photos).body();
        assertThat(page).contains("Sampul", "formaction=\"" + photos + "/sampul\"", "Jadikan sampul");
        List<String> keys = JsonPath.read(product(id), "$.data.node.images[*].image.id");
        var cover = browser.post(photos + "/sampul", Map.of("kunci", keys.get(1), "versi", version(id)));
        assertThat(cover.statusCode()).as(cover.body()).isEqualTo(302);
        assertThat(browser.get(photos).body()).contains("Foto ini sekarang menjadi sampul");
        assertThat((List<String>) JsonPath.read(product(id), "$.data.node.images[*].image.id"))
            .containsExactly(keys.get(1), keys.get(0));

        var published = browser.post("/dasbor/produk/" + id + "/terbitkan", Map.of());
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(published.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor/produk/" + id));
        var editor = browser.get("/dasbor/produk/" + id).body();
        String slug = JsonPath.read(product(id), "$.data.node.slug");
        assertThat(editor).contains("Produk sudah terbit.", "role=\"status\"", "href=\"/produk/" + slug + "\"")
            .doesNotContain("/terbitkan\"");
        var storefront = api.http().get("/produk/" + slug).body();
        assertThat(storefront).contains("Kendi maling motif cicak", "Rp 85.000").doesNotContain("Pratinjau");
        assertThat(storefront.indexOf("alt=\"Kendi dari atas\"")).as("the chosen cover comes first")
            .isLessThan(storefront.indexOf("alt=\"Kendi dari samping\""));
    }

    @Test
    void aPhotoIsDescribedWhereItIsUploadedAndPublishingLinksToOneThatIsNot() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Kendi tanpa keterangan"));
        var photos = "/dasbor/produk/" + id + "/foto";
        assertThat(browser.get(photos).body()).contains("Keterangan foto (bahasa Indonesia, wajib)", "pembaca layar",
                "<input id=\"altId\" name=\"altId\" maxlength=\"300\" required", "aria-describedby=\"altId-hint\"");

        var undescribed = browser.postMultipart(photos, Map.of("altId", " "), "kendi.jpg", "image/jpeg",
                ProducerDashboardIntegrationTest.jpeg(800, 600));
        assertThat(undescribed.statusCode()).isEqualTo(422);
        assertThat(undescribed.body()).contains("Isi keterangan foto dalam bahasa Indonesia", "href=\"#altId\"",
                "id=\"altId-problem\"");
        assertThat((List<?>) JsonPath.read(product(id), "$.data.node.images")).as("nothing uploaded").isEmpty();

        // an API client may leave a draft's photo undescribed until publishing
        assertThat(browser
            .postMultipart(photos, Map.of("altId", "Kendi dari samping"), "kendi.jpg", "image/jpeg",
                    ProducerDashboardIntegrationTest.jpeg(800, 600))
            .statusCode()).isEqualTo(302);
        String key = JsonPath.read(product(id), "$.data.node.images[0].image.id");
        var cleared = api.query("""
                mutation($input: UpdateProductInput!) { updateProduct(input: $input) { userErrors { code } } }""",
                Map.of("input", Map.of("id", id, "expectedVersion", Integer.valueOf(version(id)), "images",
                        List.of(Map.of("imageId", key)))),
                producer.token());
        assertThat((List<?>) JsonPath.read(cleared, "$.data.updateProduct.userErrors")).as(cleared).isEmpty();

        var refused = browser.post("/dasbor/produk/" + id + "/terbitkan", Map.of());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Isi keterangan setiap foto", "href=\"" + photos + "#alt-id-0\"");
        var photosPage = browser.get(photos).body();
        assertThat(photosPage).contains("id=\"alt-id-0\"", "Foto ini belum berketerangan",
                "aria-describedby=\"alt-id-0-problem\"");

        var emptied = browser.post(photos + "/alt", Map.of("kunci", key, "versi", version(id), "altId", ""));
        assertThat(emptied.statusCode()).isEqualTo(422);
        assertThat(emptied.body()).contains("Isi keterangan foto ini", "href=\"#alt-id-0\"");
        var described = browser.post(photos + "/alt",
                Map.of("kunci", key, "versi", version(id), "altId", "Kendi dari samping"));
        assertThat(described.statusCode()).isEqualTo(302);
        assertThat(browser.get(photos).body()).doesNotContain("belum berketerangan");
        assertThat(browser.post("/dasbor/produk/" + id + "/terbitkan", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get(photos + "?lang=en").body()).contains("Photo description (Indonesian, required)",
                "screen reader");
    }

    @Test
    void archivingAndDeletingAskFirst() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Vas gerabah untuk diarsipkan"));
        var product = "/dasbor/produk/" + id;

        var askArchive = browser.get(product + "/arsipkan");
        assertThat(askArchive.statusCode()).isEqualTo(200);
        assertThat(askArchive.body()).contains("Arsipkan produk ini?", "action=\"" + product + "/arsipkan\"",
                "Ya, arsipkan");
        assertThat((String) JsonPath.read(product(id), "$.data.node.status")).as("asking changes nothing")
            .isEqualTo("DRAFT");
        assertThat(browser.post(product + "/arsipkan", Map.of()).statusCode()).isEqualTo(302);
        assertThat(browser.get(product).body()).contains("Produk diarsipkan", "Diarsipkan");
        assertThat((String) JsonPath.read(product(id), "$.data.node.status")).isEqualTo("ARCHIVED");

        var askDelete = browser.get(product + "/hapus");
        assertThat(askDelete.body()).contains("Hapus produk ini?", "untuk selamanya", "Vas gerabah untuk diarsipkan");
        assertThat((Object) JsonPath.read(product(id), "$.data.node")).as("asking deletes nothing").isNotNull();
        var deleted = browser.post(product + "/hapus", Map.of());
        assertThat(deleted.statusCode()).isEqualTo(302);
        assertThat(deleted.headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/dasbor"));
        assertThat(browser.get("/dasbor").body())
            .contains("Produk &quot;Vas gerabah untuk diarsipkan&quot; sudah dihapus.");
        assertThat((Object) JsonPath.read(product(id), "$.data.node")).isNull();
        assertThat(browser.get(product).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherBrandsMemberCannotOpenOrChangeTheProduct() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var owner = producer.browser(port);
        var draft = producer.create(owner, complete("Draf yang tidak terlihat"));
        var id = producer.create(owner, complete("Tas ketak milik orang lain"));
        assertThat(owner.post("/dasbor/produk/" + id + "/terbitkan", Map.of()).statusCode()).isEqualTo(302);
        var other = new FormBrowser(port);
        other.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        // a draft is not even there for others; a published product is, but not theirs to
        // change
        assertThat(other.get("/dasbor/produk/" + draft, "Accept", "text/html").statusCode()).isEqualTo(404);
        for (var path : List.of("", "/pratinjau", "/terbitkan", "/arsipkan", "/hapus")) {
            var opened = other.get("/dasbor/produk/" + id + path, "Accept", "text/html");
            assertThat(opened.statusCode()).as(path).isEqualTo(403);
            assertThat(opened.body()).contains("Akses ditolak");
        }
        assertThat(other.get("/dasbor/merek/" + producer.brandId() + "/produk/baru").statusCode()).isEqualTo(403);

        other.get("/dasbor");
        var fields = complete("Diambil alih");
        fields.put("versi", version(id));
        assertThat(other.post("/dasbor/produk/" + id, fields).statusCode()).isEqualTo(403);
        assertThat(other.post("/dasbor/produk/" + id + "/hapus", Map.of()).statusCode()).isEqualTo(403);
        assertThat(other.post("/dasbor/merek/" + producer.brandId() + "/produk/baru", complete("Titipan")).statusCode())
            .isEqualTo(403);
        assertThat((String) JsonPath.read(product(id), "$.data.node.title.indonesian"))
            .isEqualTo("Tas ketak milik orang lain");
    }

    @Test
    void aConflictKeepsWhatWasTypedAndShowsWhatIsStored() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Kendi sebelum bentrok"));
        var fields = complete("Kendi dengan judul baru");
        fields.put("versi", version(id));
        // another member changes the price and the availability meanwhile
        assertThat(ApiClient.outcome(api.mutate(
                "mutation($input: UpdateProductInput!) { updateProduct(input: $input) { userErrors { code } } }",
                Map.of("id", id, "expectedVersion", Integer.parseInt(fields.get("versi")), "price", 99_000,
                        "availability", "READY_STOCK", "stockQuantity", 3),
                producer.token()), "updateProduct"))
            .isEqualTo("ok");

        var conflict = browser.post("/dasbor/produk/" + id, fields);
        assertThat(conflict.statusCode()).isEqualTo(422);
        assertThat(conflict.body()).contains("baru saja diubah di tempat lain", "value=\"Kendi dengan judul baru\"",
                "value=\"85.000\"", "Yang tersimpan sekarang: 99.000", "Yang tersimpan sekarang: Kendi sebelum bentrok",
                "Yang tersimpan sekarang: Siap kirim dari stok", "Yang tersimpan sekarang: 3",
                "name=\"versi\" value=\"" + version(id) + "\"");
        // nothing on the form is wrong: the producer is not told to fix it
        assertThat(conflict.body()).contains("Belum dapat diproses:").doesNotContain("Ada yang perlu diperbaiki");

        // saving the kept form again is based on the stored version and goes through
        fields.put("versi", version(id));
        assertThat(browser.post("/dasbor/produk/" + id, fields).statusCode()).isEqualTo(302);
        assertThat(browser.get("/dasbor/produk/" + id).body()).contains("Perubahan tersimpan.");
        assertThat((String) JsonPath.read(product(id), "$.data.node.title.indonesian"))
            .isEqualTo("Kendi dengan judul baru");
    }

    @Test
    void anEditSentAfterSigningOutInAnotherTabIsKeptUntilSignedInAgain() throws Exception {
        // the other tab's Keluar ends the session and deletes its cookie
        editKeptWhenTheSessionEnds((browser, producer) -> browser.post("/keluar", Map.of()), true);
    }

    @Test
    void anEditSentWithoutItsSessionCookieIsKeptUntilSignedInAgain() throws Exception {
        editKeptWhenTheSessionEnds((browser, producer) -> browser.dropSessionCookie(), true);
    }

    @Test
    void anEditSentAfterSigningInAgainInAnotherTabIsKeptForOneTap() throws Exception {
        // signed in anew: a session whose token the form's page never had
        editKeptWhenTheSessionEnds((browser, producer) -> {
            browser.post("/keluar", Map.of());
            browser.signIn(producer.email(), ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD);
        }, false);
    }

    @Test
    void aDraftSentAgainWithTheSameFormIsSavedOnce() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru";
        browser.get(newProduct);
        var draft = Map.of("titleId", "Kendi dikirim ulang", "availability", "MADE_TO_ORDER");
        var first = browser.post(newProduct, draft);
        assertThat(first.statusCode()).isEqualTo(302);
        // a reload that posts again, or a resend after a timeout: the same page's form
        var again = browser.post(newProduct, draft);
        assertThat(again.statusCode()).isEqualTo(302);
        var photos = first.headers().firstValue("Location").orElseThrow();
        assertThat(again.headers().firstValue("Location")).as("the first sending's answer").hasValue(photos);
        assertThat(browser.get(photos.substring(photos.indexOf("/dasbor"))).body()).contains("Draf produk tersimpan");
        assertThat(browser.get("/dasbor").body()).contains("Produk (1)");

        // two taps on a slow phone: both arrive while the first is being saved
        browser.get(newProduct);
        var tapped = Map.of("titleId", "Kendi diketuk dua kali", "availability", "MADE_TO_ORDER");
        var taps = List.of(CompletableFuture.supplyAsync(() -> sent(browser, newProduct, tapped)),
                CompletableFuture.supplyAsync(() -> sent(browser, newProduct, tapped)));
        var answers = taps.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(302);
        assertThat(answers.get(0).headers().firstValue("Location"))
            .isEqualTo(answers.get(1).headers().firstValue("Location"));
        assertThat(browser.get("/dasbor").body()).contains("Produk (2)");

        // the same fields typed again into the form opened anew are another product
        browser.get(newProduct);
        assertThat(browser.post(newProduct, tapped).statusCode()).isEqualTo(302);
        assertThat(browser.get("/dasbor").body()).contains("Produk (3)");
    }

    @Test
    void aDraftIsPreviewedOnThePublicTemplateOnlyByItsBrand() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Kendi pratinjau"));
        var preview = browser.get("/dasbor/produk/" + id + "/pratinjau");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Pratinjau: begini pembeli akan melihat produk ini", "Kendi pratinjau",
                "Rp 85.000", "class=\"facts\"", "href=\"/dasbor/produk/" + id + "\"");
        String slug = JsonPath.read(product(id), "$.data.node.slug");
        assertThat(api.http().get("/produk/" + slug).statusCode()).as("buyers do not see a draft").isEqualTo(404);

        var english = browser.get("/dasbor/produk/" + id + "?lang=en").body();
        assertThat(english).contains("Price per piece (rupiah)", "Preview", ">Save<", "Publish");
    }

    @Test
    void theEditorPagesStayWithinTheirWeight() throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Kendi ringan"));
        var css = browser.get("/css/kriyanusa.css").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        for (var path : List.of("/dasbor/merek/" + producer.brandId() + "/produk/baru", "/dasbor/produk/" + id,
                "/dasbor/produk/" + id + "/terbitkan", "/dasbor/produk/" + id + "/hapus",
                "/dasbor/produk/" + id + "/pratinjau", "/dasbor/produk/" + id + "/foto")) {
            HttpResponse<String> page = browser.get(path);
            var bytes = page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            System.out.printf("page weight %s: %d bytes HTML + %d bytes CSS%n", path, bytes, css);
            assertThat(bytes + css).as(path).isLessThan(PAGE_BUDGET_BYTES);
        }
    }

    // ---- helpers

    /** A complete, publishable listing as typed into the form. */
    static Map<String, String> complete(String title) {
        var fields = new HashMap<String, String>();
        fields.put("titleId", title);
        fields.put("titleEn", "");
        fields.put("descriptionId", "Dibuat tangan di Banyumulek.");
        fields.put("categorySlug", "kendi-dan-teko");
        fields.put("price", "85.000");
        fields.put("availability", "MADE_TO_ORDER");
        fields.put("leadTimeDays", "14");
        return fields;
    }

    private String product(String id) throws Exception {
        return api.query("""
                query($id: ID!) { node(id: $id) { ... on Product { slug status version title { indonesian } price
                    wholesalePrice stockQuantity weightGrams materials dimensions { lengthCm }
                    images { image { id } } } } }""", Map.of("id", id), api.signIn(ApiClient.ADMIN));
    }

    /** The fields sent with the CSRF token of the last page the browser read. */
    private static HttpResponse<String> sent(FormBrowser browser, String path, Map<String, String> fields) {
        try {
            return browser.post(path, fields);
        }
        catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }

    /** How a session ends under a form that is open in a browser. */
    interface SessionEnding {

        void end(FormBrowser browser, Producer producer) throws Exception;

    }

    /**
     * A producer types a new title into a product's form, the session ends under it, and
     * they press Simpan: what they typed is kept through signing in again (when
     * {@code signInAgain}; else they are signed in already) and saved when they send it
     * once more, never before.
     */
    private void editKeptWhenTheSessionEnds(SessionEnding ending, boolean signInAgain) throws Exception {
        var producer = Producer.withVerifiedBrand(api);
        var browser = producer.browser(port);
        var id = producer.create(browser, complete("Kendi sebelum sesi berakhir"));
        var editor = "/dasbor/produk/" + id;
        browser.get(editor);
        var typed = complete("Kendi dengan judul yang diketik");
        typed.put("versi", version(id));
        typed.put("_csrf", browser.csrfToken());

        ending.end(browser, producer);
        var sent = browser.postWithout(editor, typed);
        assertThat(sent.statusCode()).as("not the expired form's 403").isEqualTo(302);
        var next = sent.headers().firstValue("Location").orElseThrow();
        if (signInAgain) {
            assertThat(next).endsWith("/masuk?sesi=berakhir");
            assertThat(browser.get("/masuk?sesi=berakhir").body()).contains("Sesi Anda berakhir");
            next = browser
                .post("/masuk",
                        Map.of("email", producer.email(), "password",
                                ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD))
                .headers()
                .firstValue("Location")
                .orElseThrow();
        }
        assertThat(next).endsWith("/masuk/lanjutkan");
        var kept = browser.get("/masuk/lanjutkan");
        assertThat(kept.body()).contains("Lanjutkan menyimpan", "action=\"" + editor + "\"",
                "value=\"Kendi dengan judul yang diketik\"");
        // what was typed, under the labels of the form and in its words, without the
        // page's own fields
        assertThat(kept.body())
            .contains("<dt>Judul (bahasa Indonesia, wajib)</dt>", "<dd>Kendi dengan judul yang diketik</dd>",
                    "<dt>Kategori</dt>", "<dd>Kendi dan Teko</dd>", "<dd>Dibuat sesuai pesanan</dd>",
                    "<dt>Harga satuan (rupiah)</dt>", "<dd>85.000</dd>")
            .doesNotContain("<dt>versi</dt>", "<dt>categorySlug</dt>", "<dd>MADE_TO_ORDER</dd>", "<dt>titleEn</dt>");
        assertThat(title(id)).as("nothing saved before the producer says so").isEqualTo("Kendi sebelum sesi berakhir");

        var resent = browser.post(editor, FormBrowser.hiddenFields(kept.body()));
        assertThat(resent.statusCode()).as(resent.body()).isEqualTo(302);
        assertThat(title(id)).isEqualTo("Kendi dengan judul yang diketik");
    }

    private String title(String id) throws Exception {
        return JsonPath.read(product(id), "$.data.node.title.indonesian");
    }

    private String version(String id) throws Exception {
        return String.valueOf((Integer) JsonPath.read(product(id), "$.data.node.version"));
    }

    /**
     * A new producer whose brand the curator verified, so published products go public.
     */
    record Producer(String email, String token, String brandId) {

        static Producer withVerifiedBrand(ApiClient api) throws Exception {
            var email = ApiClient.unique("produsen") + "@contoh.id";
            var token = api.signUp(email, "PRODUCER");
            var brandId = (String) api.createBrand(token, "uji-editor").get("id");
            api.submitAndVerify(brandId, token);
            return new Producer(email, token, brandId);
        }

        FormBrowser browser(int port) throws Exception {
            var browser = new FormBrowser(port);
            browser.signIn(email, ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD);
            return browser;
        }

        /** Creates a product through the new-product form and answers its id. */
        String create(FormBrowser browser, Map<String, String> fields) throws Exception {
            var newProduct = "/dasbor/merek/" + brandId + "/produk/baru";
            browser.get(newProduct);
            var saved = browser.post(newProduct, fields);
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
            return saved.headers()
                .firstValue("Location")
                .orElseThrow()
                .replaceAll(".*/dasbor/produk/([^/]+)/foto$", "$1");
        }
    }

}
