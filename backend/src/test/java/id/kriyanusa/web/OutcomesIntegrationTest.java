package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The department's figures follow what producers and curators do: three products
 * published in a village show as three more there (in the API, on `/kelola/angka` and in
 * its CSV), archiving one takes it off again, a participant's goal marked done counts,
 * and only staff see any of it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OutcomesIntegrationTest {

    static final String FIGURES = "figures { brandsRegistered brandsVerified productsPublished productsSeenByBuyers "
            + "productsOfUnverifiedBrands inquiries "
            + "inquiriesAnswered whatsAppTaps goalsDone goalsDue participants women youth artisans artisansWomen "
            + "artisansYouth }";

    static final String OUTCOMES = "{ outcomes { villages { village { slug name } " + FIGURES + " } } }";

    static final String PRODUCT = "mutation($input: CreateProductInput!) { createProduct(input: $input) { "
            + "product { id } userErrors { field code message } } }";

    @LocalServerPort
    int port;

    ApiClient api;

    String curator;

    @BeforeEach
    void setUp() throws Exception {
        api = new ApiClient(port);
        curator = api.signIn(ApiClient.CURATOR);
    }

    Map<String, Object> figures(String villageSlug) throws Exception {
        var body = api.query(OUTCOMES, Map.of(), curator);
        List<Map<String, Object>> figures = JsonPath.read(body,
                "$.data.outcomes.villages[?(@.village.slug == '" + villageSlug + "')].figures");
        assertThat(figures).as(body).hasSize(1);
        return figures.getFirst();
    }

    int figure(String villageSlug, String name) throws Exception {
        return (Integer) figures(villageSlug).get(name);
    }

    void awaitFigure(String villageSlug, String name, int expected) {
        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(200))
            .untilAsserted(() -> assertThat(figure(villageSlug, name)).as(name).isEqualTo(expected));
    }

    String transition(String mutation, String productId, String token) throws Exception {
        var body = api.mutate("mutation($input: ProductTransitionInput!) { " + mutation
                + "(input: $input) { userErrors { code message } } }", Map.of("id", productId), token);
        assertThat((List<?>) JsonPath.read(body, "$.data." + mutation + ".userErrors")).as(body).isEmpty();
        return body;
    }

    String publishedProduct(String brandId, String token) throws Exception {
        var input = new HashMap<String, Object>();
        input.put("brandId", brandId);
        input.put("title", ApiClient.text("Kendi maling " + ApiClient.unique("angka"), "Kendi maling jug"));
        input.put("description", ApiClient.text("Kendi khas Lombok yang diisi dari bawah.", null));
        input.put("categorySlug", "kendi-dan-teko");
        input.put("price", 85_000);
        input.put("availability", "READY_STOCK");
        input.put("stockQuantity", 12);
        input.put("images", List.of(ApiClient.image("uji/" + ApiClient.unique("kendi") + ".jpg", "Kendi maling coklat",
                "Brown kendi maling")));
        var body = api.mutate(PRODUCT, input, token);
        assertThat((List<?>) JsonPath.read(body, "$.data.createProduct.userErrors")).as(body).isEmpty();
        String id = JsonPath.read(body, "$.data.createProduct.product.id");
        transition("publishProduct", id, token);
        return id;
    }

    /**
     * The demo data predates the events: the start-up count makes a newcomer's figures
     * match what the catalog and the programmes hold (the other tests wait until their
     * changes are counted).
     */
    @Test
    void theDemoDataIsCountedAtStartUp() throws Exception {
        var listed = api.query("{ products(first: 1, filter: { villages: [\"banyumulek\"] }) { totalCount } }",
                Map.of(), curator);
        int published = JsonPath.read(listed, "$.data.products.totalCount");
        assertThat(published).isPositive();
        awaitFigure("banyumulek", "productsPublished", published);
        assertThat(figure("banyumulek", "brandsVerified")).isPositive();
        // what buyers see, and the products of brands not verified apart
        var seen = api.query("{ products(first: 1, filter: { villages: [\"banyumulek\"] }) { totalCount } }", Map.of(),
                null);
        var banyumulek = figures("banyumulek");
        assertThat(banyumulek).containsEntry("productsSeenByBuyers", JsonPath.read(seen, "$.data.products.totalCount"))
            .containsEntry("productsOfUnverifiedBrands",
                    published - (Integer) JsonPath.read(seen, "$.data.products.totalCount"));
        var semoyang = figures("semoyang");
        assertThat((Integer) semoyang.get("participants")).as("the demo Bimtek's 20 participants")
            .isGreaterThanOrEqualTo(20);
        assertThat((Integer) semoyang.get("women")).isPositive();
        assertThat((Integer) semoyang.get("goalsDone") + (Integer) semoyang.get("goalsDue")).isPositive();
        assertThat((Integer) semoyang.get("artisans")).as("the demo brands' artisans").isPositive();
        assertThat((Integer) semoyang.get("artisansWomen")).isPositive();
    }

    /**
     * The artisans a brand gives count in its village, and its new figures replace the
     * old ones there, on the page and in its CSV too.
     */
    @Test
    void aBrandsArtisansCountInItsVillageUntilItGivesNewFigures() throws Exception {
        var slug = ApiClient.unique("desa-perajin");
        var village = api.mutate(
                "mutation($input: CreateVillageInput!) { createVillage(input: $input) { "
                        + "village { id } userErrors { code } } }",
                Map.of("slug", slug, "name", "Desa Perajin " + slug, "regency", "Lombok Timur", "district", "Sakra"),
                curator);
        assertThat((List<?>) JsonPath.read(village, "$.data.createVillage.userErrors")).as(village).isEmpty();
        var producer = api.signUp("PRODUCER");
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { "
                        + "brand { id version } userErrors { code } } }",
                ApiClient.readyForVerification(
                        Map.of("name", "Tenun " + slug, "slug", slug, "legalForm", "KELOMPOK_PENGRAJIN", "villageSlug",
                                slug, "artisans", Map.of("total", 5, "women", 3, "youth", 2))),
                producer);
        assertThat((List<?>) JsonPath.read(created, "$.data.createBrand.userErrors")).as(created).isEmpty();
        awaitFigure(slug, "artisans", 5);
        assertThat(figures(slug)).containsEntry("artisansWomen", 3).containsEntry("artisansYouth", 2);

        String brandId = JsonPath.read(created, "$.data.createBrand.brand.id");
        int version = JsonPath.read(created, "$.data.createBrand.brand.version");
        var updated = api.mutate(
                "mutation($input: UpdateBrandInput!) { updateBrand(input: $input) { userErrors { code } } }",
                Map.of("id", brandId, "expectedVersion", version, "artisans",
                        Map.of("total", 4, "women", 2, "youth", 1)),
                producer);
        assertThat((List<?>) JsonPath.read(updated, "$.data.updateBrand.userErrors")).as(updated).isEmpty();
        awaitFigure(slug, "artisans", 4);
        assertThat(figures(slug)).containsEntry("artisansWomen", 2).containsEntry("artisansYouth", 1);

        var page = new FormBrowser(port);
        page.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        assertThat(page.get("/kelola/angka?urut=ARTISANS").body()).containsPattern(
                "data-village=\"" + slug + "\">(?s).*?data-figure=\"artisans\">4<.*?data-figure=\"artisansWomen\">2<"
                        + ".*?data-figure=\"artisansYouth\">1<");
        assertThat(page.get("/kelola/angka/desa.csv").body()).contains("Perajin merek")
            .containsPattern("Desa Perajin " + slug + ",Lombok Timur,tidak,1,0,0,0,0,0,0,0,0,0,0,4,2,1,0,0\r\n");
    }

    @Test
    void threeProductsPublishedInAVillageShowAsThreeMoreUntilOneIsArchived() throws Exception {
        var producer = api.signUp("PRODUCER");
        var brandsBefore = figure("banyumulek", "brandsRegistered");
        var brand = api.createBrand(producer, "uji-angka");
        awaitFigure("banyumulek", "brandsRegistered", brandsBefore + 1);
        var before = figure("banyumulek", "productsPublished");
        var seenBefore = figure("banyumulek", "productsSeenByBuyers");
        var unverifiedBefore = figure("banyumulek", "productsOfUnverifiedBrands");

        var products = List.of(publishedProduct((String) brand.get("id"), producer),
                publishedProduct((String) brand.get("id"), producer),
                publishedProduct((String) brand.get("id"), producer));
        awaitFigure("banyumulek", "productsPublished", before + 3);
        // buyers do not see them yet: the brand is not verified
        assertThat(figures("banyumulek")).containsEntry("productsSeenByBuyers", seenBefore)
            .containsEntry("productsOfUnverifiedBrands", unverifiedBefore + 3);

        var page = new FormBrowser(port);
        page.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var html = page.get("/kelola/angka?urut=PRODUCTS_SEEN_BY_BUYERS");
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("<title", "Produk yang dilihat pembeli, per kabupaten", "<desc",
                "Produk dilihat pembeli</th>", "Produk terbit dari merek belum terverifikasi</th>",
                "data-figure=\"productsSeenByBuyers\">" + seenBefore + "<",
                "data-figure=\"productsOfUnverifiedBrands\">" + (unverifiedBefore + 3) + "<");
        var csv = page.get("/kelola/angka/desa.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").map(type -> type.replace(" ", "")))
            .hasValue("text/csv;charset=UTF-8");
        // UTF-8's byte-order mark first, for Excel to read names right
        assertThat(Arrays.copyOf(page.download("/kelola/angka/desa.csv").body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(html.body()).contains("Data &gt; From Text/CSV");
        var lines = csv.body().substring(1).split("\r\n");
        assertThat(lines[0]).startsWith("Desa,Kabupaten,Desa percontohan,Merek terdaftar");
        // yes and no in the page's language, not true and false
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Semoyang,Lombok Tengah,ya,"))
            .anySatisfy(line -> assertThat(line).startsWith("Banyumulek,Lombok Barat,tidak,"))
            .noneSatisfy(line -> assertThat(line).contains(",true,", ",false,"));
        var english = page.get("/kelola/angka/desa.csv?lang=en").body().substring(1).split("\r\n");
        assertThat(english[0]).startsWith("Village,Regency,Model village,");
        // regencies named as the storefront names them in English
        assertThat(english).anySatisfy(line -> assertThat(line).startsWith("Semoyang,Central Lombok,yes,"))
            .anySatisfy(line -> assertThat(line).startsWith("Banyumulek,West Lombok,no,"));
        assertThat(page.get("/kelola/angka/kabupaten.csv?lang=en").body()).contains("\r\nCentral Lombok,")
            .doesNotContain("\r\nLombok Tengah,");
        assertThat(page.get("/kelola/angka?lang=en").body())
            .contains(">Central Lombok</text>", "<th scope=\"row\">Central Lombok</th>", "<td>Central Lombok</td>")
            .doesNotContain(">Lombok Tengah</text>", "<th scope=\"row\">Lombok Tengah</th>", "<td>Lombok Tengah</td>");
        assertThat(html.body()).contains(">Lombok Tengah</text>", "<th scope=\"row\">Lombok Tengah</th>",
                "<td>Lombok Tengah</td>");
        var banyumulek = figures("banyumulek");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Banyumulek,")
            .endsWith("," + banyumulek.get("brandsRegistered") + "," + banyumulek.get("brandsVerified") + ","
                    + (before + 3) + "," + banyumulek.get("inquiries") + "," + banyumulek.get("inquiriesAnswered") + ","
                    + banyumulek.get("whatsAppTaps") + "," + banyumulek.get("goalsDone") + ","
                    + banyumulek.get("goalsDue") + "," + banyumulek.get("participants") + "," + banyumulek.get("women")
                    + "," + banyumulek.get("youth") + "," + banyumulek.get("artisans") + ","
                    + banyumulek.get("artisansWomen") + "," + banyumulek.get("artisansYouth") + "," + seenBefore + ","
                    + (unverifiedBefore + 3)));

        transition("archiveProduct", products.getFirst(), producer);
        awaitFigure("banyumulek", "productsPublished", before + 2);
        transition("publishProduct", products.getFirst(), producer);
        awaitFigure("banyumulek", "productsPublished", before + 3);
        transition("archiveProduct", products.getFirst(), producer);
        awaitFigure("banyumulek", "productsPublished", before + 2);
        // once the brand is verified, buyers see its two products still published
        api.submitAndVerify((String) brand.get("id"), producer);
        awaitFigure("banyumulek", "productsSeenByBuyers", seenBefore + 2);
        assertThat(figures("banyumulek")).containsEntry("productsOfUnverifiedBrands", unverifiedBefore)
            .containsEntry("productsPublished", before + 2);
    }

    @Test
    void aFollowUpGoalMarkedDoneCountsForTheProgrammesVillage() throws Exception {
        var village = villageId("semoyang");
        var before = figures("semoyang");
        var programme = new HashMap<String, Object>();
        programme.put("title", ApiClient.text("Bimtek anyaman " + ApiClient.unique("angka"), "Weaving training"));
        programme.put("organiser", "Dinas Perindustrian Provinsi NTB");
        programme.put("startsOn", "2026-03-10");
        programme.put("endsOn", "2026-03-12");
        programme.put("villageId", village);
        var created = api.mutate("mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { "
                + "programme { id } userErrors { code } } }", programme, curator);
        String programmeId = JsonPath.read(created, "$.data.createProgramme.programme.id");
        var enrolled = api.mutate(
                "mutation($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { "
                        + "participant { id } userErrors { code } } }",
                Map.of("programmeId", programmeId, "consent", true, "name", "Baiq Rahmawati", "gender", "FEMALE",
                        "ageBand", "AGED_16_TO_30"),
                curator);
        String participant = JsonPath.read(enrolled, "$.data.enrolParticipant.participant.id");
        var goal = api.mutate(
                "mutation($input: SetFollowUpGoalInput!) { setFollowUpGoal(input: $input) { "
                        + "goal { id } userErrors { code } } }",
                Map.of("participantId", participant, "kind", "DEVELOP_PRODUCT", "description", "Tas anyaman ketak",
                        "dueOn", "2026-04-30"),
                curator);
        String goalId = JsonPath.read(goal, "$.data.setFollowUpGoal.goal.id");
        awaitFigure("semoyang", "goalsDue", (Integer) before.get("goalsDue") + 1);
        assertThat(figures("semoyang")).containsEntry("participants", (Integer) before.get("participants") + 1)
            .containsEntry("women", (Integer) before.get("women") + 1)
            .containsEntry("youth", (Integer) before.get("youth") + 1);

        api.mutate("mutation($input: UpdateFollowUpGoalStatusInput!) { updateFollowUpGoalStatus(input: $input) { "
                + "userErrors { code } } }", Map.of("goalId", goalId, "status", "DONE"), curator);
        awaitFigure("semoyang", "goalsDone", (Integer) before.get("goalsDone") + 1);
        assertThat(figure("semoyang", "goalsDue")).isEqualTo(before.get("goalsDue"));
    }

    Map<String, Object> category(String slug) throws Exception {
        var body = api.query("{ outcomes { categories { category { slug } productsPublished inquiries "
                + "inquiriesAnswered whatsAppTaps } } }", Map.of(), curator);
        List<Map<String, Object>> found = JsonPath.read(body,
                "$.data.outcomes.categories[?(@.category.slug == '" + slug + "')]");
        assertThat(found).as(body).hasSize(1);
        return found.getFirst();
    }

    /**
     * An inquiry about a Semoyang product counts once in Semoyang and in the product's
     * category, and once more as answered with the brand's first reply (not its second).
     */
    @Test
    void anInquiryAndItsAnswerCountInTheBrandsVillageAndTheProductsCategory() throws Exception {
        var product = JsonPath.<Map<String, Object>>read(
                api.query("query($slug: String!) { product(slug: $slug) { id category { slug parent { slug } } } }",
                        Map.of("slug", "kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang"), null),
                "$.data.product");
        var categorySlug = (String) ((Map<String, Object>) product.get("category")).get("slug");
        var topSlug = JsonPath.<String>read(product, "$.category.parent.slug");
        var village = figures("semoyang");
        var category = category(categorySlug);
        var top = category(topSlug);
        assertThat((Integer) top.get("productsPublished")).as("a top-level category totals its sub-categories")
            .isGreaterThanOrEqualTo((Integer) category.get("productsPublished"))
            .isPositive();
        var buyerApi = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.24.1")));
        var buyer = buyerApi.signUp("BUYER");
        var sent = api.mutate(
                "mutation($input: SendInquiryInput!) { sendInquiry(input: $input) { "
                        + "inquiry { id } userErrors { code } } }",
                Map.of("productId", product.get("id"), "message", "Ada 50 pak?", "replyChannel", "EMAIL"), buyer);
        String inquiry = JsonPath.read(sent, "$.data.sendInquiry.inquiry.id");
        awaitFigure("semoyang", "inquiries", (Integer) village.get("inquiries") + 1);
        assertThat(category(categorySlug)).containsEntry("inquiries", (Integer) category.get("inquiries") + 1);
        assertThat(category(topSlug)).containsEntry("inquiries", (Integer) top.get("inquiries") + 1);

        var producer = api.signIn(ApiClient.PRODUCER);
        var reply = "mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { userErrors { code } } }";
        api.mutate(reply, Map.of("inquiryId", inquiry, "message", "Ada, 60 pak."), producer);
        api.mutate(reply, Map.of("inquiryId", inquiry, "message", "Sudah dikirim."), producer);
        awaitFigure("semoyang", "inquiriesAnswered", (Integer) village.get("inquiriesAnswered") + 1);
        assertThat(figures("semoyang")).containsEntry("inquiries", (Integer) village.get("inquiries") + 1)
            .containsEntry("whatsAppTaps", village.get("whatsAppTaps"));
        assertThat(category(categorySlug)).containsEntry("inquiriesAnswered",
                (Integer) category.get("inquiriesAnswered") + 1);

        var page = new FormBrowser(port);
        page.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var html = page.get("/kelola/angka").body();
        assertThat(html).contains("Angka per kategori", "data-category=\"" + categorySlug + "\"", "Pertanyaan pembeli");
        // months by name, as dates are
        assertThat(html).containsPattern("<time datetime=\"\\d{4}-\\d{2}\">\\w{3} \\d{4}</time>");
        var csv = page.get("/kelola/angka/kategori.csv").body().substring(1).split("\r\n");
        assertThat(csv[0]).isEqualTo("Kategori,Slug,Produk terbit (semua merek),Pertanyaan pembeli,Pertanyaan dijawab,"
                + "Ketukan WhatsApp,Produk dilihat pembeli,Produk terbit dari merek belum terverifikasi");
        assertThat(csv).anySatisfy(line -> assertThat(line).contains("," + categorySlug + ",")
            .contains("," + ((Integer) category.get("inquiries") + 1) + ","
                    + ((Integer) category.get("inquiriesAnswered") + 1) + "," + category.get("whatsAppTaps") + ","));
    }

    /**
     * A tap on a product's WhatsApp button counts in the brand's village and the
     * product's category, without who tapped.
     */
    @Test
    void aWhatsAppTapCountsInTheBrandsVillageAndTheProductsCategory() throws Exception {
        var slug = "kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";
        var categorySlug = JsonPath.<String>read(api
            .query("query($slug: String!) { product(slug: $slug) { category { slug } } }", Map.of("slug", slug), null),
                "$.data.product.category.slug");
        var village = figures("semoyang");
        var category = category(categorySlug);
        var tap = new HttpTestClient(port).get("/produk/" + slug + "/whatsapp");
        assertThat(tap.statusCode()).isEqualTo(303);
        awaitFigure("semoyang", "whatsAppTaps", (Integer) village.get("whatsAppTaps") + 1);
        assertThat(category(categorySlug)).containsEntry("whatsAppTaps", (Integer) category.get("whatsAppTaps") + 1);
    }

    /**
     * What buyers searched for without finding anything shows on the page and in its CSV.
     */
    @Test
    void searchesThatFoundNothingAreListedWithTheirCount() throws Exception {
        var nothing = "zqangka" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        // searching again with a filter is not searching again
        var narrowed = nothing + "q";
        var filtered = api.query(
                "query($q: String) { searchProducts(query: $q, filter: {priceMax: 1}, first: 1) { totalCount } }",
                Map.of("q", narrowed), null);
        assertThat((Integer) JsonPath.read(filtered, "$.data.searchProducts.totalCount")).isZero();
        // nor is asking for prices that exclude each other
        var excluding = nothing + "p di atas 200 ribu di bawah 50 ribu";
        var contradicted = api.query("""
                query($q: String) {
                  searchProducts(query: $q, first: 1) { totalCount interpretation { priceRangeEmpty } }
                }""", Map.of("q", excluding), null);
        assertThat((Boolean) JsonPath.read(contradicted, "$.data.searchProducts.interpretation.priceRangeEmpty"))
            .isTrue();
        // six answered searches; one the index could not answer in time (a loaded
        // machine) is tried again
        var answered = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            var body = api.query("query($q: String) { searchProducts(query: $q, first: 1) { totalCount } }",
                    Map.of("q", nothing), null);
            if (JsonPath.<Object>read(body, "$.data") instanceof Map<?, ?> data && data.get("searchProducts") != null) {
                assertThat((Integer) JsonPath.read(body, "$.data.searchProducts.totalCount")).isZero();
                answered.incrementAndGet();
            }
            return answered.get() >= 6;
        });
        var page = new FormBrowser(port);
        page.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        await().atMost(Duration.ofSeconds(10))
            .untilAsserted(() -> assertThat(page.get("/kelola/angka?hari=7").body())
                .contains("Dicari pembeli, tidak ditemukan", ">" + nothing + "</th>"));
        // the searches reach the figures in the batches the search module records them in
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var csv = page.get("/kelola/angka/pencarian.csv?hari=7");
            assertThat(csv.statusCode()).isEqualTo(200);
            var lines = csv.body().substring(1).split("\r\n");
            assertThat(lines[0])
                .isEqualTo("Kata pencarian,Kali dicari,Kali tanpa hasil,Terakhir dicari (WITA = UTC+8),Pencari");
            // the time as a clock in NTB reads it, which a spreadsheet takes for a date
            // and time; one client searched, however often
            assertThat(lines).anySatisfy(
                    line -> assertThat(line).matches(nothing + ",(\\d+),\\1,\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2},1")
                        .satisfies(found -> assertThat(Integer.parseInt(found.split(",")[1])).isGreaterThanOrEqualTo(6))
                        .satisfies(found -> assertThat(LocalDateTime.parse(found.split(",")[3].replace(' ', 'T')))
                            .isCloseTo(LocalDateTime.now(ZoneId.of("Asia/Makassar")), within(10, ChronoUnit.MINUTES))));
            assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith(narrowed + ","));
            assertThat(lines).noneSatisfy(line -> assertThat(line).startsWith(excluding + ","));
        });
    }

    /**
     * One client repeating a search that finds nothing counts as one searcher: a query
     * three clients searched once each comes before it, each with its searchers beside
     * its searches, on the page as in the API, and the page says what a searcher is.
     */
    @Test
    void searchesThatFoundNothingCountTheirSearchersApart() throws Exception {
        var repeated = "zqpencari" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
        var shared = repeated + "q";
        var repeater = clientAt("127.0.25.1");
        for (int i = 0; i < 5; i++) {
            searchFindingNothing(repeater, repeated);
        }
        for (var address : List.of("127.0.25.2", "127.0.25.3", "127.0.25.4")) {
            searchFindingNothing(clientAt(address), shared);
        }
        var unanswered = "{ outcomes { unansweredSearches(days: 1, first: 100) { query searchers searches } } }";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Map<String, Object>> listed = JsonPath.read(api.query(unanswered, Map.of(), curator),
                    "$.data.outcomes.unansweredSearches[?(@.query in ['" + repeated + "', '" + shared + "'])]");
            assertThat(listed).containsExactly(Map.of("query", shared, "searchers", 3, "searches", 3),
                    Map.of("query", repeated, "searchers", 1, "searches", 5));
        });

        var page = new FormBrowser(port);
        page.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var indonesian = page.get("/kelola/angka?hari=7").body().replaceAll("\\s+", " ");
        // the page lists the first 20: queries other tests repeated may crowd out the
        // one searcher's, not the three searchers'
        assertThat(indonesian).contains("<th scope=\"col\">Pencari</th> <th scope=\"col\">Kali dicari</th>",
                "Satu pencari adalah satu alamat internet dalam sehari", ">" + shared + "</th> <td>3</td> <td>3</td>");
        var english = page.get("/kelola/angka?hari=7&lang=en").body().replaceAll("\\s+", " ");
        assertThat(english).contains("<th scope=\"col\">Searchers</th> <th scope=\"col\">Times searched</th>",
                "A searcher is one internet address on one day");
    }

    private ApiClient clientAt(String address) throws Exception {
        return new ApiClient(new HttpTestClient(port, InetAddress.getByName(address)));
    }

    /**
     * Searches once the index answers (a loaded machine may leave a search unanswered,
     * which is not recorded), and finds nothing.
     */
    private static void searchFindingNothing(ApiClient client, String query) {
        var answered = await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
            var body = client.query("query($q: String) { searchProducts(query: $q, first: 1) { totalCount } }",
                    Map.of("q", query), null);
            return JsonPath.<Object>read(body, "$.data") instanceof Map<?, ?> data && data.get("searchProducts") != null
                    ? body : null;
        }, body -> body != null);
        assertThat((Integer) JsonPath.read(answered, "$.data.searchProducts.totalCount")).as(query).isZero();
    }

    /**
     * A participant's brand publishing a product after the programme's start shows in the
     * "after" column of the programme's page, not the "before"; a brand registered after
     * the start has no artisans before it, so its artisans are not a rise but said apart,
     * "not recorded" before; producers who see the programme do not see the comparison.
     */
    @Test
    void aProgrammeShowsItsParticipantsOutcomesAfterItsStartAgainstBefore() throws Exception {
        var producer = api.signUp("PRODUCER");
        var slug = ApiClient.unique("uji-bimtek");
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(
                        Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm", "KELOMPOK_PENGRAJIN",
                                "villageSlug", "banyumulek", "artisans", Map.of("total", 5, "women", 3, "youth", 2))),
                producer);
        Map<String, Object> brand = JsonPath.read(created, "$.data.createBrand.brand");
        var today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        var programme = new HashMap<String, Object>();
        programme.put("title", ApiClient.text("Bimtek kemasan " + ApiClient.unique("angka"), "Packaging training"));
        programme.put("organiser", "Dinas Perindustrian Provinsi NTB");
        programme.put("startsOn", today.minusDays(10).toString());
        programme.put("endsOn", today.minusDays(8).toString());
        programme.put("villageId", villageId("banyumulek"));
        var recorded = api.mutate("mutation($input: CreateProgrammeInput!) { createProgramme(input: $input) { "
                + "programme { id } userErrors { code } } }", programme, curator);
        String programmeId = JsonPath.read(recorded, "$.data.createProgramme.programme.id");
        var enrolled = api.mutate(
                "mutation($input: EnrolParticipantInput!) { enrolParticipant(input: $input) { "
                        + "participant { id } userErrors { code } } }",
                Map.of("programmeId", programmeId, "consent", true, "name", "Inaq Sumiati", "brandId", brand.get("id")),
                curator);
        assertThat((List<?>) JsonPath.read(enrolled, "$.data.enrolParticipant.userErrors")).as(enrolled).isEmpty();
        publishedProduct((String) brand.get("id"), producer);

        var comparison = "query($id: ID!) { node(id: $id) { ... on Programme { outcomes { "
                + "before { from to productsPublished artisans } after { from to productsPublished artisans "
                + "artisansWomen artisansYouth } brandsRecordedLater artisansRecordedLater } } } }";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var body = api.query(comparison, Map.of("id", programmeId), curator);
            assertThat((Map<String, Object>) JsonPath.read(body, "$.data.node.outcomes")).as(body)
                .containsEntry("brandsRecordedLater", 1)
                .containsEntry("artisansRecordedLater", 5);
            assertThat((Map<String, Object>) JsonPath.read(body, "$.data.node.outcomes.after")).as(body)
                .containsEntry("productsPublished", 1)
                .containsEntry("artisans", 0)
                .containsEntry("artisansWomen", 0)
                .containsEntry("artisansYouth", 0);
        });
        var body = api.query(comparison, Map.of("id", programmeId), curator);
        assertThat((Integer) JsonPath.read(body, "$.data.node.outcomes.before.productsPublished")).isZero();
        assertThat((Integer) JsonPath.read(body, "$.data.node.outcomes.before.artisans")).as("given after the start")
            .isZero();
        assertThat((String) JsonPath.read(body, "$.data.node.outcomes.after.from"))
            .isEqualTo(today.minusDays(10).toString());
        assertThat((String) JsonPath.read(body, "$.data.node.outcomes.before.from"))
            .isEqualTo(today.minusDays(21).toString());
        assertThat((String) JsonPath.read(body, "$.data.node.outcomes.after.to")).isEqualTo(today.toString());

        var chosen = api.query("query($id: ID!, $from: Date, $to: Date) { node(id: $id) { ... on Programme { "
                + "outcomes(from: $from, to: $to) { before { from to } after { from to productsPublished artisans } "
                + "} } } }",
                Map.of("id", programmeId, "from", today.minusDays(5).toString(), "to", today.minusDays(1).toString()),
                curator);
        assertThat((Map<String, Object>) JsonPath.read(chosen, "$.data.node.outcomes.after")).as(chosen)
            .containsEntry("from", today.minusDays(5).toString())
            .containsEntry("to", today.minusDays(1).toString())
            .containsEntry("productsPublished", 0)
            .containsEntry("artisans", 0);
        assertThat((Map<String, Object>) JsonPath.read(chosen, "$.data.node.outcomes.before"))
            .containsEntry("from", today.minusDays(15).toString())
            .containsEntry("to", today.minusDays(11).toString());
        var asProducer = api.query(comparison, Map.of("id", programmeId), producer);
        assertThat((Object) JsonPath.read(asProducer, "$.data.node")).as(asProducer).isNotNull();
        assertThat((Object) JsonPath.read(asProducer, "$.data.node.outcomes")).isNull();

        var page = new FormBrowser(port);
        page.signIn(ApiClient.CURATOR, ApiClient.DEMO_PASSWORD);
        var html = page.get("/kelola/program/" + programmeId).body();
        assertThat(html.replaceAll("\\s+", " ")).contains("Hasil peserta sebelum dan sesudah program",
                "data-figure=\"productsPublished\"> <th scope=\"row\">Produk terbit (semua merek)</th> <td>0</td> <td>1</td>",
                "data-figure=\"artisans\"> <th scope=\"row\">Perajin merek (jumlah pada hari terakhir)</th> <td>0</td> "
                        + "<td>0</td>",
                "data-figure=\"artisansRecordedLater\"> <th scope=\"row\">Perajin merek yang terdaftar sesudah program "
                        + "mulai (1 merek; jumlah pada hari terakhir)</th> <td>belum tercatat</td> <td>5</td>",
                "merek yang terdaftar sesudahnya tidak punya angka sebelum");
        assertThat(page.get("/kelola/program/" + programmeId + "?lang=en").body().replaceAll("\\s+", " ")).contains(
                "<th scope=\"row\">Artisans of brands registered after the start (1 brand; head-count on the last day)</th> "
                        + "<td>not recorded</td> " + "<td>5</td>",
                "brands registered later have no figure from before");
        assertThat(page.get("/kelola/program/" + programmeId + "?dari=kemarin").body())
            .contains("Tanggal tidak terbaca", "value=\"" + today.minusDays(10) + "\"");
        assertThat(page
            .get("/kelola/program/" + programmeId + "?dari=" + today.minusDays(2) + "&sampai=" + today.minusDays(5))
            .body()).contains("Tanggal akhir periode sebelum tanggal awalnya").doesNotContain("Program belum mulai");
    }

    String villageId(String slug) throws Exception {
        return JsonPath.read(
                api.query("query($slug: String!) { village(slug: $slug) { id } }", Map.of("slug", slug), null),
                "$.data.village.id");
    }

    @Test
    void onlyStaffSeeTheFigures() throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        for (var caller : api.staffMatrixCallers().entrySet()) {
            var body = api.query(
                    "{ outcomes { villages { " + FIGURES + " } categories { inquiries } "
                            + "programmes { participants } months { whatsAppTaps } unansweredSearches { query } } }",
                    Map.of(), caller.getValue());
            List<String> errors = JsonPath.read(body, "$..errors[*].extensions.classification");
            outcomes.put(caller.getKey(), errors.isEmpty() ? "ok" : errors.getFirst());
        }
        assertThat(outcomes).containsExactly(Map.entry("anonymous", "UNAUTHORIZED"), Map.entry("buyer", "FORBIDDEN"),
                Map.entry("producer of brand A", "FORBIDDEN"), Map.entry("producer of brand B", "FORBIDDEN"),
                Map.entry("curator", "ok"), Map.entry("admin", "ok"));

        var producer = new FormBrowser(port);
        producer.signIn(ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
        assertThat(producer.get("/kelola/angka").statusCode()).isEqualTo(403);
        for (var csv : List.of("desa", "kabupaten", "bulan", "kategori", "program", "pencarian")) {
            assertThat(producer.get("/kelola/angka/" + csv + ".csv").statusCode()).as(csv).isEqualTo(403);
        }
        var buyer = new FormBrowser(port);
        buyer.signIn(ApiClient.BUYER, ApiClient.DEMO_PASSWORD);
        assertThat(buyer.get("/kelola/angka/kabupaten.csv").statusCode()).isEqualTo(403);
    }

}
