package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.MediaApi;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator of the department on the console's verification queue: sees a submitted brand
 * with what to check, rejects it with a note the producer reads, and approves it once
 * resubmitted, after which buyers find its page. Producers and visitors cannot use the
 * console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsolePagesIntegrationTest {

    static final String SUBMIT = "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input)"
            + " { brand { verificationStatus } userErrors { code } } }";

    static final String CREATE_PRODUCT = "mutation($input: CreateProductInput!) { createProduct(input: $input)"
            + " { product { id slug } userErrors { field code } } }";

    static final String DECIDE = "mutation($input: BrandTransitionInput!) { %1$s(input: $input)"
            + " { userErrors { code } } }";

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void staffSigningInLandInTheConsole() throws Exception {
        for (var staff : List.of(ApiClient.CURATOR, ApiClient.ADMIN)) {
            var browser = new FormBrowser(port);
            browser.get("/masuk");
            var signedIn = browser.post("/masuk", Map.of("email", staff, "password", ApiClient.DEMO_PASSWORD));
            assertThat(signedIn.headers().firstValue("Location")).as(staff)
                .hasValueSatisfying(location -> assertThat(location).endsWith("/kelola"));
        }
    }

    @Test
    void aCuratorRejectsWithANoteAndApprovesTheResubmittedBrand() throws Exception {
        var producer = api.signUp("PRODUCER");
        var brand = submittedBrand(producer);
        var name = "Kelompok " + brand.get("slug");

        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        assertThat(curator.get("/kelola").headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/kelola/verifikasi"));
        var queue = curator.get("/kelola/verifikasi");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Antrean verifikasi merek", name, "Banyumulek", "Kelompok perajin",
                "Gerabah tanah liat merah", "WhatsApp +6281234567890");

        var decisions = "/kelola/verifikasi/" + brand.get("id");
        var withoutNote = curator.post(decisions + "/tolak", Map.of("catatan", " "));
        assertThat(withoutNote.statusCode()).isEqualTo(422);
        assertThat(withoutNote.body()).contains("Tulis catatan untuk produsen", "href=\"#note\"");
        // the demo's other waiting brands are on the page too: the problem shows at this
        // one only, and the page's top names it and links to its card, which the
        // refusal's
        // address scrolls to
        var card = "merek-" + brand.get("id");
        assertThat(withoutNote.body()).contains(
                "<a href=\"#" + card + "\">Keputusan untuk merek " + name + " belum tersimpan", "id=\"" + card + "\"",
                decisions + "/tolak#" + card);
        assertThat(withoutNote.body().split("class=\"problem\"", -1)).as("the top and the card").hasSize(3);
        assertThat(status(producer, brand)).isEqualTo("SUBMITTED");

        var rejected = curator.post(decisions + "/tolak", Map.of("catatan", "Tambahkan nomor PIRT."));
        assertThat(rejected.statusCode()).isEqualTo(302);
        assertThat(curator.get("/kelola/verifikasi").body()).contains("dikembalikan ke produsen")
            .doesNotContain("<h2 id=\"brand-0\">" + name);
        assertThat(status(producer, brand)).isEqualTo("DRAFT");
        assertThat(api.query("query($slug: String!) { brand(slug: $slug) { verificationHistory { note } } }",
                Map.of("slug", brand.get("slug")), producer))
            .contains("Tambahkan nomor PIRT.");

        submit(producer, brand);
        assertThat(curator.post(decisions + "/setujui", Map.of("catatan", "")).statusCode()).isEqualTo(302);
        assertThat(curator.get("/kelola/verifikasi?lang=en").body()).contains("approved; buyers now see it");
        assertThat(status(producer, brand)).isEqualTo("VERIFIED");
        assertThat(api.http().get("/merek/" + brand.get("slug")).statusCode()).isEqualTo(200);
    }

    /**
     * How long each certificate holds, on the curator's card and on the brand page once
     * verified: an expired one is marked so, not only dated.
     */
    @Test
    void certificatesSayUntilWhenTheyHoldAndWhichExpired() throws Exception {
        var producer = api.signUp("PRODUCER");
        var brand = submittedBrand(producer, List.of(
                Map.of("kind", "HALAL", "number", "ID52110000123", "issuedOn", "2019-01-02", "expiresOn", "2020-12-31"),
                Map.of("kind", "PIRT", "number", "2065271010123", "expiresOn", "2099-03-05")));
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var queue = curator.get("/kelola/verifikasi").body();
        var card = queue.substring(queue.indexOf("id=\"merek-" + brand.get("id") + "\""));
        assertThat(card.substring(0, card.indexOf("</article>"))).contains("berlaku sampai 31 Des 2020",
                "<span class=\"badge expired\">kedaluwarsa</span>", "berlaku sampai 5 Mar 2099");
        assertThat(card.substring(0, card.indexOf("</article>")).split("badge expired", -1)).as("one expired")
            .hasSize(2);
        var english = curator.get("/kelola/verifikasi?lang=en").body();
        assertThat(english.substring(english.indexOf("id=\"merek-" + brand.get("id") + "\"")))
            .contains("valid until 31 Dec 2020", ">expired</span>", "valid until 5 Mar 2099");

        assertThat(
                curator.post("/kelola/verifikasi/" + brand.get("id") + "/setujui", Map.of("catatan", "")).statusCode())
            .isEqualTo(302);
        var page = api.http().get("/merek/" + brand.get("slug")).body();
        assertThat(page).contains("terbit 2 Jan 2019", "berlaku sampai 31 Des 2020",
                "<span class=\"badge expired\">kedaluwarsa</span>", "berlaku sampai 5 Mar 2099");
        assertThat(page.split("badge expired", -1)).hasSize(2);
    }

    /**
     * Every waiting brand, the demo's too, says since when it waits, as the page's
     * language writes a date; the count reads right in English.
     */
    @Test
    void everyWaitingBrandSaysWhenItWasSubmitted() throws Exception {
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var queue = curator.get("/kelola/verifikasi").body();
        assertThat(queue).containsPattern("Diajukan</dt>\\s*<dd>\\d{1,2} \\w{3} \\d{4}</dd>")
            .doesNotContain("tidak tercatat")
            .doesNotContainPattern("Diajukan</dt>\\s*<dd>-</dd>");
        var english = curator.get("/kelola/verifikasi?lang=en").body();
        assertThat(english).containsPattern("Submitted</dt>\\s*<dd>\\d{1,2} \\w{3} \\d{4}</dd>")
            .containsPattern("\\d+ brands? (is|are) awaiting verification")
            .doesNotContain("not recorded");
    }

    @Test
    void aCuratorDecidingABrandSomeoneDecidedMeanwhileIsToldWhoAndKeepsTheNote() throws Exception {
        var producer = api.signUp("PRODUCER");
        var approved = submittedBrand(producer);
        var rejected = submittedBrand(producer);
        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        curator.get("/kelola/verifikasi");
        // meanwhile the admin decides both from another console
        var admin = api.signIn(ApiClient.ADMIN);
        assertThat(ApiClient.outcome(
                api.mutate(DECIDE.formatted("verifyBrand"), Map.of("id", approved.get("id"), "note", "Lengkap"), admin),
                "verifyBrand"))
            .isEqualTo("ok");
        assertThat(ApiClient.outcome(api.mutate(DECIDE.formatted("rejectBrand"),
                Map.of("id", rejected.get("id"), "note", "Foto kurang"), admin), "rejectBrand"))
            .isEqualTo("ok");

        var late = curator.post("/kelola/verifikasi/" + approved.get("id") + "/tolak",
                Map.of("catatan", "Lengkapi foto produk."));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("Merek Kelompok " + approved.get("slug")
                + " sudah disetujui oleh Admin Kriyanusa; tidak ada yang diubah.", "Lengkapi foto produk.");
        var english = curator.post("/kelola/verifikasi/" + rejected.get("id") + "/setujui?lang=en",
                Map.of("catatan", ""));
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("Brand Kelompok " + rejected.get("slug")
                + " was already rejected by Admin Kriyanusa and returned to the producer; nothing was changed.");
        assertThat(status(producer, approved)).isEqualTo("VERIFIED");
        assertThat(status(producer, rejected)).isEqualTo("DRAFT");

        // the curator's own decision in another tab
        submit(producer, rejected);
        curator.get("/kelola/verifikasi");
        var tab = new FormBrowser(port);
        tab.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        tab.get("/kelola/verifikasi");
        assertThat(
                tab.post("/kelola/verifikasi/" + rejected.get("id") + "/setujui", Map.of("catatan", "")).statusCode())
            .isEqualTo(302);
        // and a rejection without its note: the decision made is what matters
        assertThat(curator.post("/kelola/verifikasi/" + rejected.get("id") + "/tolak", Map.of("catatan", " ")).body())
            .contains("sudah disetujui oleh Anda (di tab atau perangkat lain)")
            .doesNotContain("Tulis catatan untuk produsen");
    }

    /**
     * A curator judges a waiting brand by what it sells without leaving the queue: how
     * many products are published and how many drafts, the first of them with a thumbnail
     * of their photo and their price, each opening its product page.
     */
    @Test
    void aWaitingBrandShowsWhatItSells() throws Exception {
        var producer = api.signUp("PRODUCER");
        var brand = submittedBrand(producer);
        var published = product(brand, "Kendi maling " + brand.get("slug"), 85_000, producer);
        var photo = MediaApi.uploadForm(port, "PRODUCT", published.get("id"), "kendi.jpg", "image/jpeg",
                MediaApi.uniquePhoto(600, 600), producer);
        assertThat(photo.statusCode()).as(photo.body()).isEqualTo(200);
        var publishing = api.mutate("mutation($input: ProductTransitionInput!) { publishProduct(input: $input)"
                + " { userErrors { field code } } }", Map.of("id", published.get("id")), producer);
        assertThat(ApiClient.outcome(publishing, "publishProduct")).as(publishing).isEqualTo("ok");
        var draft = product(brand, "Piring hias " + brand.get("slug"), null, producer);

        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var card = card(curator.get("/kelola/verifikasi").body(), brand);
        assertThat(card)
            .contains("<h3", "Produk</h3>", "1 terbit · 1 draf", "Kendi maling " + brand.get("slug"),
                    "href=\"/produk/" + published.get("slug") + "\"", "Rp 85.000", "Piring hias " + brand.get("slug"),
                    "href=\"/produk/" + draft.get("slug") + "\"", "Draf", "belum ada harga")
            .containsPattern("<img[^>]*class=\"thumb\"[^>]*src=\"/media/[0-9a-f]{64}\\.jpg\"[^>]*alt=\"Foto uji\"");
        assertThat(card.indexOf("Kendi maling")).as("published first").isLessThan(card.indexOf("Piring hias"));
        assertThat(card.substring(card.indexOf("Piring hias"))).as("the draft has no photo, and says so")
            .contains("belum ada foto");
        assertThat(card.substring(card.indexOf("Kendi maling"), card.indexOf("Piring hias")))
            .doesNotContain("belum ada foto");
        assertThat(card).as("each brand's products named with the brand, apart from the others")
            .containsPattern("aria-labelledby=\"products-(\\d+) brand-\\1\"");
        var draftPage = curator.get("/produk/" + draft.get("slug"));
        assertThat(draftPage.statusCode()).as("a draft opens for staff").isEqualTo(200);
        assertThat(shown(draftPage.body())).as("opened from the queue, it says buyers do not see it")
            .contains("Pembeli tidak melihat halaman ini: produk ini belum diterbitkan (draf) atau sudah diarsipkan; "
                    + "mereknya belum terverifikasi atau sedang ditangguhkan. Anda melihatnya sebagai anggota merek");
        assertThat(shown(curator.get("/produk/" + published.get("slug") + "?lang=en").body()))
            .contains("Buyers do not see this page: its brand is not verified yet, or is suspended. You see it")
            .doesNotContain("not published");
        assertThat(curator.get("/produk/kendi-maling-polos-banyumulek").body()).as("a product buyers see")
            .doesNotContain("Pembeli tidak melihat");
        assertThat(card(curator.get("/kelola/verifikasi?lang=en").body(), brand)).contains("Products</h3>",
                "1 published · 1 draft", "Draft", "no price yet", "no photo yet");
    }

    /**
     * A curator judges who makes a waiting brand's crafts without opening it: the
     * artisans it counts (women and young ones among them) and how many it names on its
     * page, how many of those agreed to be shown.
     */
    @Test
    void aWaitingBrandShowsItsArtisans() throws Exception {
        var producer = api.signUp("PRODUCER");
        var brand = api.createBrand(producer, "merek-perajin");
        var counted = api.mutate(
                "mutation($input: UpdateBrandInput!) { updateBrand(input: $input) { userErrors { field code } } }",
                Map.of("id", brand.get("id"), "expectedVersion", version(producer, brand), "artisans",
                        Map.of("total", 12, "women", 7, "youth", 3)),
                producer);
        assertThat(ApiClient.outcome(counted, "updateBrand")).as(counted).isEqualTo("ok");
        var named = api.mutate(
                "mutation($input: UpdateNamedArtisansInput!) { updateNamedArtisans(input: $input) { "
                        + "userErrors { field code } } }",
                Map.of("brandId", brand.get("id"), "expectedVersion", version(producer, brand), "artisans",
                        List.of(Map.of("name", "Inaq Sahnun", "consentToShow", true), Map.of("name", "Amaq Rusdi"))),
                producer);
        assertThat(ApiClient.outcome(named, "updateNamedArtisans")).as(named).isEqualTo("ok");
        submit(producer, brand);

        var curator = new FormBrowser(port);
        curator.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        assertThat(shown(card(curator.get("/kelola/verifikasi").body(), brand)))
            .contains("Perajin 12 perajin: 7 perempuan, 3 pemuda (16–30) 2 perajin disebut namanya di halaman merek; "
                    + "1 di antaranya bersedia ditampilkan kepada pembeli")
            .doesNotContain("Inaq Sahnun");
        assertThat(shown(card(curator.get("/kelola/verifikasi?lang=en").body(), brand))).contains(
                "Artisans 12 artisans: 7 women, 3 young (16–30) 2 artisans named on the brand page; 1 of them agreed "
                        + "to be shown to buyers");
    }

    private int version(String producer, Map<String, Object> brand) throws Exception {
        return JsonPath.read(api.query("query($slug: String!) { brand(slug: $slug) { version } }",
                Map.of("slug", brand.get("slug")), producer), "$.data.brand.version");
    }

    @Test
    void producersGetTheForbiddenPageAndVisitorsAreSentToSignIn() throws Exception {
        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        var queue = producer.get("/kelola/verifikasi");
        assertThat(queue.statusCode()).isEqualTo(403);
        assertThat(queue.body()).contains("Akses ditolak", "hanya untuk staf Dinas Perindustrian")
            .doesNotContain("Antrean verifikasi", "produsen anggota merek");
        assertThat(producer.get("/").body()).doesNotContain("href=\"/kelola\"");

        var brand = submittedBrand(api.signUp("PRODUCER"));
        var decided = producer.post("/kelola/verifikasi/" + brand.get("id") + "/setujui", Map.of("catatan", ""));
        assertThat(decided.statusCode()).isEqualTo(403);

        var visitor = new FormBrowser(port);
        assertThat(visitor.get("/kelola/verifikasi").headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).endsWith("/masuk"));
    }

    /** A producer's new brand with a story and a contact, submitted for verification. */
    private Map<String, Object> submittedBrand(String producer) throws Exception {
        return submittedBrand(producer, List.of());
    }

    private Map<String, Object> submittedBrand(String producer, List<Map<String, String>> certifications)
            throws Exception {
        var brand = api.createBrand(producer, "merek-antre");
        var version = (Integer) JsonPath.read(api.query("query($slug: String!) { brand(slug: $slug) { version } }",
                Map.of("slug", brand.get("slug")), producer), "$.data.brand.version");
        var updated = api.mutate(
                "mutation($input: UpdateBrandInput!) { updateBrand(input: $input) { userErrors { field code } } }",
                Map.of("id", brand.get("id"), "expectedVersion", version, "story",
                        ApiClient.text("Gerabah tanah liat merah dari Banyumulek.", null), "contacts",
                        Map.of("whatsapp", "+6281234567890", "socialLinks", List.of()), "certifications",
                        certifications),
                producer);
        assertThat(ApiClient.outcome(updated, "updateBrand")).as(updated).isEqualTo("ok");
        submit(producer, brand);
        return brand;
    }

    /**
     * A draft product of the brand in the demo's pottery category, with a price or none.
     */
    private Map<String, String> product(Map<String, Object> brand, String title, Integer price, String producer)
            throws Exception {
        var input = new HashMap<String, Object>();
        input.put("brandId", brand.get("id"));
        input.put("title", ApiClient.text(title, null));
        input.put("categorySlug", "kendi-dan-teko");
        input.put("price", price);
        input.put("availability", "READY_STOCK");
        input.put("stockQuantity", 5);
        var created = api.mutate(CREATE_PRODUCT, input, producer);
        assertThat(ApiClient.outcome(created, "createProduct")).as(created).isEqualTo("ok");
        return JsonPath.read(created, "$.data.createProduct.product");
    }

    /** A brand's card on the queue's page, from its heading to the end of the card. */
    private static String card(String page, Map<String, Object> brand) {
        var start = page.indexOf("id=\"merek-" + brand.get("id") + "\"");
        assertThat(start).as("the brand is in the queue").isNotNegative();
        return page.substring(start, page.indexOf("</article>", start));
    }

    private void submit(String producer, Map<String, Object> brand) throws Exception {
        var submitted = api.mutate(SUBMIT, Map.of("id", brand.get("id")), producer);
        assertThat(ApiClient.outcome(submitted, "submitBrandForVerification")).as(submitted).isEqualTo("ok");
    }

    private String status(String producer, Map<String, Object> brand) throws Exception {
        return JsonPath.read(api.query("query($slug: String!) { brand(slug: $slug) { verificationStatus } }",
                Map.of("slug", brand.get("slug")), producer), "$.data.brand.verificationStatus");
    }

    /** A page's text as a person reads it: without its tags, spaces as one. */
    private static String shown(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

}
