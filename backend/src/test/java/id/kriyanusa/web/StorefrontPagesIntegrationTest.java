package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.MediaApi;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A visitor follows links from a village to its brands and their products, and reaches
 * the producer on WhatsApp.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StorefrontPagesIntegrationTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void pagesForbidScriptsAndFramingAndKeepTheirAddressesToThemselves() throws Exception {
        for (var path : List.of("/", "/desa/semoyang", "/cari?q=tenun", "/masuk")) {
            var page = api.http().get(path);
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValueSatisfying(policy -> assertThat(policy).contains("script-src 'self'")
                    .contains("object-src 'none'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-eval"));
            assertThat(page.headers().firstValue("Referrer-Policy")).as(path)
                .contains("strict-origin-when-cross-origin");
        }
    }

    @Test
    void theModelVillagePageLeadsToItsBrands() throws Exception {
        var page = api.http().get("/desa/semoyang");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Semoyang</h1>", "Desa industri percontohan 2025",
                "href=\"/merek/koperasi-kriya-tembakau-semoyang\"");
    }

    @Test
    void aBrandPageShowsItsStoryProductsAndAWhatsappLink() throws Exception {
        var page = api.http().get("/merek/koperasi-kriya-tembakau-semoyang");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Koperasi Kriya Tembakau Semoyang", "Merek terverifikasi Dinas Perindustrian",
                "href=\"/merek/koperasi-kriya-tembakau-semoyang/whatsapp\"", "href=\"/produk/", "Rp ");
    }

    /**
     * The demo pottery's SNI certificate was typed as printed, "SNI 7275:2008": the page
     * names the kind once, in both languages.
     */
    @Test
    void aCertificateTypedWithItsKindNamesTheKindOnce() throws Exception {
        var indonesian = text(api.http().get("/merek/gerabah-banyumulek-lestari").body());
        assertThat(indonesian).contains("SNI 7275:2008").doesNotContain("SNI SNI");
        assertThat(text(api.http().get("/merek/gerabah-banyumulek-lestari?lang=en").body()))
            .contains("SNI (Indonesian National Standard) 7275:2008");
    }

    /**
     * Pringgasela lies in Lombok Timur, which English guides and maps call East Lombok,
     * and Ntobo in Kota Bima, Bima City: the home, village and brand pages name them in
     * the page's language. The brand's structured data keeps the official name in its
     * postal address on both.
     */
    @Test
    void pagesNameTheRegencyInTheirLanguage() throws Exception {
        var brand = "/merek/tenun-ikat-pringgasela";
        assertThat(text(api.http().get(brand).body())).contains("Pringgasela, Lombok Timur")
            .doesNotContain("East Lombok");
        var english = api.http().get(brand + "?lang=en").body();
        assertThat(text(english)).contains("Pringgasela, East Lombok").doesNotContain("Pringgasela, Lombok Timur");
        assertThat(english).contains("\"addressRegion\":\"Lombok Timur, Nusa Tenggara Barat\"");

        assertThat(text(api.http().get("/desa/pringgasela?lang=en").body())).contains("Pringgasela, East Lombok,");
        assertThat(text(api.http().get("/desa/pringgasela").body())).contains("Pringgasela, Lombok Timur,");
        assertThat(api.http().get("/?lang=en").body()).contains(">East Lombok</p>", ">Central Lombok</p>")
            .doesNotContain(">Lombok Timur</p>");
        assertThat(api.http().get("/").body()).contains(">Lombok Timur</p>").doesNotContain(">East Lombok</p>");
        // a city (kota) as English guides write it
        assertThat(text(api.http().get("/merek/tembe-nggoli-ntobo?lang=en").body())).contains("Ntobo, Bima City");
        assertThat(text(api.http().get("/merek/tembe-nggoli-ntobo").body())).contains("Ntobo, Kota Bima");
    }

    /**
     * The home page's villages name their crafts in the reader's language: a category's
     * English name where the craft is a category, a craft's word where it is one, and the
     * craft's own name (ikat) as written; the Indonesian page keeps what staff wrote.
     */
    @Test
    void theHomePageNamesTheVillagesCraftsInTheReadersLanguage() throws Exception {
        var english = api.http().get("/?lang=en").body();
        assertThat(tags(english, "semoyang")).containsExactly("tobacco crafts", "basketry", "weaving");
        assertThat(tags(english, "loyok")).containsExactly("basketry", "bamboo");
        assertThat(tags(english, "pringgasela")).containsExactly("weaving", "ikat");
        assertThat(tags(api.http().get("/").body(), "semoyang")).containsExactly("kriya tembakau", "anyaman", "tenun");
    }

    /** The craft tags on a village's card on the home page. */
    private static List<String> tags(String html, String village) {
        var card = html.substring(html.indexOf("data-slug=\"" + village + "\""));
        var tags = card.substring(card.indexOf("<p class=\"tags\">"),
                card.indexOf("</p>", card.indexOf("class=\"tags\"")));
        return Pattern.compile("<span>([^<]*)</span>").matcher(tags).results().map(m -> m.group(1)).toList();
    }

    /**
     * An English village page names the province in English, as its footer does; the
     * Indonesian page and the structured data's postal address keep the official name.
     */
    @Test
    void theEnglishVillagePageNamesTheProvinceInEnglish() throws Exception {
        var english = api.http().get("/desa/pringgasela?lang=en").body();
        assertThat(text(english.replaceAll("(?s)<script.*?</script>", "")))
            .contains("Pringgasela, East Lombok, West Nusa Tenggara")
            .doesNotContain("Nusa Tenggara Barat");
        assertThat(english).contains("\"addressRegion\":\"Lombok Timur, Nusa Tenggara Barat\"");
        assertThat(text(api.http().get("/desa/pringgasela").body()))
            .contains("Pringgasela, Lombok Timur, Nusa Tenggara Barat");
        var village = api.query("{ village(slug: \"pringgasela\") { province provinceName { indonesian english } } }",
                Map.of(), null);
        assertThat(JsonPath.<Map<String, Object>>read(village, "$.data.village"))
            .containsEntry("province", "Nusa Tenggara Barat")
            .containsEntry("provinceName",
                    Map.of("indonesian", "Nusa Tenggara Barat", "english", "West Nusa Tenggara"));
    }

    /** What a reader sees of a page: its text without tags, spaces run together. */
    private static String text(String html) {
        return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void aBrandPageShowsItsUploadedLogoAndEveryWayToReachIt() throws Exception {
        var producer = api.signUp("PRODUCER");
        var slug = ApiClient.unique("logo-uji");
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(Map
                    .of("name", "Kelompok " + slug, "slug", slug, "legalForm", "KELOMPOK_PENGRAJIN", "villageSlug",
                            "banyumulek", "contacts", Map.of("whatsapp", "0812-3456-7890", "email",
                                    "kelompok@contoh.id", "socialLinks", List.of("https://instagram.com/" + slug)))),
                producer);
        String brandId = JsonPath.read(created, "$.data.createBrand.brand.id");
        api.mutate("mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) "
                + "{ userErrors { code } } }", Map.of("id", brandId), producer);
        api.mutate("mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId), api.signIn("kurator@kriyanusa.test"));
        var logo = MediaApi.uploadForm(port, "BRAND_LOGO", brandId, "logo.jpg", "image/jpeg",
                MediaApi.uniquePhoto(400, 400), producer);
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);

        var page = api.http().get("/merek/" + slug).body();

        assertThat(page).containsPattern("class=\"brand-logo\"[^>]*alt=\"Logo Kelompok " + slug + "\"")
            .containsPattern("src=\"/media/[0-9a-f]{64}\\.jpg\"")
            .contains("href=\"mailto:kelompok@contoh.id\"", "href=\"https://instagram.com/" + slug + "\"");
        // the word the brand form and every other page use for it
        assertThat(page).contains(">Email kelompok@contoh.id</a>").doesNotContain("Surel");
    }

    @Test
    void aProductPageSpeaksTheVisitorsLanguage() throws Exception {
        // a demo brand with WhatsApp: other tests add brands of their own, without
        // contacts
        var listed = api.query(
                "{ products(first: 50, filter: { brands: [\"koperasi-kriya-tembakau-semoyang\"] }) { edges { node { slug title { indonesian english } } } } }",
                Map.of(), null);
        List<Map<String, Object>> nodes = JsonPath.read(listed, "$.data.products.edges[*].node");
        var bilingual = nodes.stream()
            .filter(n -> ((Map<?, ?>) n.get("title")).get("english") != null)
            .findFirst()
            .orElseThrow();
        var title = (Map<?, ?>) bilingual.get("title");

        var indonesian = api.http().get("/produk/" + bilingual.get("slug"));
        assertThat(indonesian.statusCode()).isEqualTo(200);
        assertThat(indonesian.body()).contains("<h1>" + title.get("indonesian") + "</h1>", "Hubungi lewat WhatsApp");

        var english = api.http().get("/produk/" + bilingual.get("slug") + "?lang=en");
        assertThat(english.body()).contains("<h1>" + title.get("english") + "</h1>", "Contact on WhatsApp");
    }

    /**
     * A product page shows what its document asks for: the trail to its village and
     * brand, its category under its parent, its price and who made it where.
     */
    @Test
    void aProductPageShowsItsTrailCategoryAndMaker() throws Exception {
        var page = text(api.http().get("/produk/kendi-maling-polos-banyumulek?lang=en").body());
        assertThat(page).contains("Home › Banyumulek › Gerabah Banyumulek Lestari", "Pottery › Jugs and Teapots", "Rp ",
                "Made by Gerabah Banyumulek Lestari in Banyumulek village.");
        // its materials and techniques, written in Indonesian, read in English
        assertThat(page).contains("clay", "wheel-thrown", "straw-fired").doesNotContain("tanah liat", "bakar jerami");
        var html = api.http().get("/produk/kendi-maling-polos-banyumulek").body();
        assertThat(html).contains("href=\"/desa/banyumulek\"", "href=\"/merek/gerabah-banyumulek-lestari\"",
                "Gerabah › Kendi dan Teko", "tanah liat", "bakar jerami");
    }

    @Test
    void unpublishedAndUnknownPagesAreNotFound() throws Exception {
        var curator = api.signIn(ApiClient.CURATOR);
        var drafts = api.query(
                "{ brands(first: 5, filter: { verificationStatuses: [DRAFT] }) { edges { node { slug } } } }", Map.of(),
                curator);
        List<String> draftSlugs = JsonPath.read(drafts, "$.data.brands.edges[*].node.slug");
        assertThat(draftSlugs).isNotEmpty();

        var draft = api.http().get("/merek/" + draftSlugs.getFirst(), "Accept", "text/html");
        assertThat(draft.statusCode()).isEqualTo(404);
        assertThat(draft.body()).contains("Halaman tidak ditemukan");
        assertThat(api.http().get("/produk/tidak-ada-sama-sekali").statusCode()).isEqualTo(404);
        assertThat(api.http().get("/desa/BUKAN_SLUG").statusCode()).isEqualTo(404);
    }

}
