package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GreatCircle;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A buyer searches from the search page, in English or Indonesian, with typos, and
 * narrows the results; finds the brands and villages matching the same words, and
 * products made near a village.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SearchPageIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    HttpTestClient http;

    @BeforeEach
    void waitForTheIndices() throws Exception {
        http = new HttpTestClient(port);
        // the product, brand and village indices are built from PostgreSQL in the
        // background at start-up
        await("the search pages list products, brands and villages").atMost(Duration.ofSeconds(90))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> page("/cari?q=gerabah").contains("href=\"/produk/")
                    && page("/cari/merek").contains("href=\"/merek/") && page("/cari/desa").contains("href=\"/desa/"));
    }

    String page(String path) throws Exception {
        return http.get(path, "Accept", "text/html").body();
    }

    @Test
    void anEnglishQueryFindsIndonesianPotteryWithFacetsToNarrowIt() throws Exception {
        var body = page("/cari?q=pottery");
        assertThat(body).contains("href=\"/produk/", "name=\"kategori\" value=\"gerabah\"", "Banyumulek");
        assertThat(body).containsPattern("\\d+ produk");
    }

    /**
     * The number found heads the product cards, so a screen reader's list of headings
     * steps from the page's title to it and on to each product's name, none skipped.
     */
    @Test
    void theNumberFoundHeadsTheProductCards() throws Exception {
        var body = page("/cari?q=kendi");
        assertThat(body).containsPattern("<h2 class=\"count\">\\d+ produk</h2>");
        assertThat(body.indexOf("<h2")).as("a second-level heading before the cards' third-level ones")
            .isBetween(body.indexOf("<h1"), body.indexOf("<h3"));
    }

    @Test
    void aChosenFacetStaysTickedAndNarrowsTheResults() throws Exception {
        var all = page("/cari?q=tas");
        var narrowed = page("/cari?q=tas&kategori=ketak");
        assertThat(narrowed).containsPattern("value=\"ketak\" checked");
        assertThat(count(narrowed)).isPositive().isLessThan(count(all));
    }

    @Test
    void aMisspelledQueryIsAnsweredWithASuggestion() throws Exception {
        assertThat(page("/cari?q=" + URLEncoder.encode("geabh", StandardCharsets.UTF_8))).contains("Maksud Anda:",
                "href=\"/cari?q=gerabah\"");
    }

    /**
     * "kipas lombok" lists the fans, then what is only from Lombok: the count says how
     * many have every word, and the related ones come under their own heading.
     */
    @Test
    void productsWithEveryWordAreCountedApartFromTheRelatedOnes() throws Exception {
        assertThat(page("/cari?q=" + URLEncoder.encode("kipas lombok", StandardCharsets.UTF_8)))
            .containsPattern("\\d+ produk memuat semua kata Anda, lalu [\\d.]+ produk terkait")
            .contains(">Produk terkait<");
        assertThat(page("/cari?lang=en&q=" + URLEncoder.encode("kipas lombok", StandardCharsets.UTF_8)))
            .containsPattern("\\d+ products? ha(s|ve) all your words, then [\\d,]+ related products?")
            .contains(">Related products<");
    }

    @Test
    void conditionsTypedInTheQueryAreShownAsChipsThatRemoveThem() throws Exception {
        var body = page("/cari?q=" + URLEncoder.encode("kendi di bawah 75 ribu", StandardCharsets.UTF_8));
        assertThat(body).contains("Dari kata pencarian Anda:", "Harga ≤ Rp 75.000",
                "aria-label=\"Hapus: Harga ≤ Rp 75.000\"", "href=\"/cari?q=kendi\"");
        assertThat(count(body)).isPositive().isLessThan(count(page("/cari?q=kendi")));
        var english = page("/cari?lang=en&q=" + URLEncoder.encode("anyaman dari Loyok", StandardCharsets.UTF_8));
        assertThat(english).contains("From your search words:", "Loyok village");
    }

    @Test
    void rupiahAreGroupedAsEachLanguageWritesThemOnChipsAndCards() throws Exception {
        var words = URLEncoder.encode("kendi under 200 ribu", StandardCharsets.UTF_8);
        var english = page("/cari?lang=en&q=" + words);
        assertThat(english).contains("Price ≤ Rp 200,000")
            .containsPattern("class=\"price\">Rp \\d{1,3},\\d{3}<")
            .doesNotContainPattern("Rp \\d{1,3}\\.\\d{3}");
        var indonesian = page("/cari?q=" + words);
        assertThat(indonesian).contains("Harga ≤ Rp 200.000")
            .containsPattern("class=\"price\">Rp \\d{1,3}\\.\\d{3}<")
            .doesNotContainPattern("Rp \\d{1,3},\\d{3}");
    }

    /** "1,200" in an English price box is twelve hundred rupiah, as "1.200" is. */
    @Test
    void priceBoxesTakeEitherGrouping() throws Exception {
        var dotted = count(page("/cari?q=tas&hargaMaks=125.500"));
        var english = page("/cari?lang=en&q=tas&hargaMaks=" + URLEncoder.encode("125,500", StandardCharsets.UTF_8));
        assertThat(count(english, "products?")).isEqualTo(dotted);
        assertThat(page("/cari?lang=en&q=tas&hargaMaks=125.5")).contains("could not be read");
    }

    /**
     * A later page of results leads back to the first with the same order, as well as on;
     * the first page has no such link.
     */
    @Test
    void aLaterPageLeadsBackToTheFirstInTheSameOrder() throws Exception {
        var first = page("/cari?q=gerabah&urut=termurah");
        assertThat(first).doesNotContain("rel=\"first\"");
        var second = page(nextLink(first));
        assertThat(second).contains("rel=\"first\" href=\"/cari?q=gerabah&amp;urut=termurah\">Kembali ke produk",
                "Produk berikutnya");
        assertThat(page(nextLink(first) + "&lang=en")).contains(">Back to the first products</a>");
    }

    /**
     * A village page leads to that village's products, which the search page then lists:
     * none made elsewhere.
     */
    @Test
    void aVillagePageLeadsToItsProducts() throws Exception {
        var village = page("/desa/sukarara");
        assertThat(village).contains("href=\"/cari?desa=sukarara\">Lihat produk dari Desa Sukarara</a>");
        assertThat(page("/desa/sukarara?lang=en")).contains(">See the products of Sukarara village</a>");
        var products = page("/cari?desa=sukarara");
        assertThat(count(products)).isPositive();
        var makers = Pattern.compile("<p class=\"meta\">[^<]+ · ([^<]+)</p>").matcher(products).results();
        assertThat(makers.map(maker -> maker.group(1)).toList()).as("the village of each product's maker")
            .isNotEmpty()
            .allMatch("Sukarara"::equals);
    }

    /** A sort the form does not offer, from an old or mangled link, is no choice. */
    @Test
    void anUnknownSortIsIgnored() throws Exception {
        var odd = page("/cari?q=tas&urut=zzz");
        assertThat(odd).contains("<details class=\"refine\">", "Saring dan urutkan</summary>")
            .doesNotContain("dipilih)");
        assertThat(count(odd)).isEqualTo(count(page("/cari?q=tas")));
    }

    @Test
    void aSearchWithoutExactMatchesSaysItShowsRelatedProducts() throws Exception {
        assertThat(page("/cari?q=" + URLEncoder.encode("kendi zqxwvut", StandardCharsets.UTF_8)))
            .contains("Tidak ada yang persis cocok; produk terkait:");
        assertThat(page("/cari?q=kendi")).doesNotContain("Tidak ada yang persis cocok");
    }

    /**
     * Within 10 km of Loyok the potters of Masbagik make urns, not jugs: the urns are
     * shown as related, with the way to the jugs a little farther.
     */
    @Test
    void onlyThingsLikeTheOneAskedForNearAPlaceAreShownAsRelated() throws Exception {
        var near = page("/cari?q=kendi&dekat=loyok&radius=10");
        assertThat(near).contains("Tidak ada yang persis cocok; produk terkait:", "Cari lebih jauh, dalam 25 km",
                "href=\"/cari?q=kendi&amp;dekat=loyok&amp;radius=25");
        assertThat(hrefs(near, "/produk/")).isNotEmpty().allMatch(product -> product.startsWith("/produk/guci-"));
        var farther = page("/cari?q=kendi&dekat=loyok&radius=50");
        assertThat(hrefs(farther, "/produk/")).anyMatch(product -> product.startsWith("/produk/kendi-"));
        assertThat(farther).doesNotContain("Tidak ada yang persis cocok", "Cari lebih jauh");
    }

    @Test
    void onAPhoneTheResultsComeBeforeTheFiltersWhichOpenOnceUsed() throws Exception {
        var plain = page("/cari?q=tas");
        assertThat(plain).contains("<details class=\"refine\">", "Saring dan urutkan</summary>");
        assertThat(plain.indexOf("class=\"results")).isGreaterThan(plain.indexOf("<details"));

        var filtered = page("/cari?q=tas&kategori=ketak&hargaMaks=250.000");
        assertThat(filtered).contains("<details class=\"refine\" open", "Saring dan urutkan (2 dipilih)");
    }

    @Test
    void pricesAreTakenAsShoppersTypeThem() throws Exception {
        var grouped = page("/cari?q=tas&hargaMaks=" + URLEncoder.encode("Rp 125.500", StandardCharsets.UTF_8));
        assertThat(grouped).doesNotContain("periksa harga").doesNotContain("step=");
        assertThat(count(grouped)).isEqualTo(count(page("/cari?q=tas&hargaMaks=125500")));
        assertThat(count(grouped)).isPositive().isLessThan(count(page("/cari?q=tas")));
        // as the search words read amounts ("di bawah 250 ribu")
        var exact = count(page("/cari?q=tas&hargaMaks=250000"));
        for (var typed : List.of("250rb", "250 ribu", "250k", "Rp 250.000", "0,25 jt")) {
            var body = page("/cari?q=tas&hargaMaks=" + URLEncoder.encode(typed, StandardCharsets.UTF_8));
            assertThat(body).as(typed).doesNotContain("tidak terbaca");
            assertThat(count(body)).as(typed).isEqualTo(exact);
        }
    }

    @Test
    void aSearchThatFindsNothingOffersAWayOn() throws Exception {
        var nothing = page("/cari?q=tas&hargaMaks=1");
        assertThat(nothing).contains("0 produk", "Tidak ada produk yang cocok dengan saringan ini.",
                "href=\"/cari?q=tas\"", "Lihat menurut kategori", "href=\"/cari?kategori=gerabah\"");
    }

    /**
     * A category a curator has just added holds nothing buyers can see yet: a search that
     * found nothing offers only the categories it would find products in.
     */
    @Test
    void aSearchThatFindsNothingOffersOnlyCategoriesWithProducts() throws Exception {
        var empty = ApiClient.unique("kosong");
        var created = new ApiClient(http).mutate("""
                mutation($input: CreateCategoryInput!) { createCategory(input: $input) { userErrors { code } } }""",
                Map.of("slug", empty, "name", ApiClient.text("Kriya Kosong", "Empty Craft")),
                new ApiClient(http).signIn(ApiClient.CURATOR));
        assertThat(created).contains("\"userErrors\":[]");
        var stocked = jdbc.sql("""
                select distinct top.slug from product p
                join brand b on b.id = p.brand_id
                join category c on c.id = p.category_id
                join category top on top.id = coalesce(c.parent_id, c.id)
                where p.status = 'PUBLISHED' and b.verification_status = 'VERIFIED' and top.retired_at is null""")
            .query(String.class)
            .list();
        for (var nothing : List.of("/cari?q=zqxwvut", "/cari?q=tas&hargaMaks=1&lang=en")) {
            var body = page(nothing);
            var offered = Pattern.compile("href=\"/cari\\?kategori=([a-z0-9-]+)[&\"]")
                .matcher(body)
                .results()
                .map(m -> m.group(1))
                .toList();
            assertThat(offered).as(nothing).isNotEmpty().containsExactlyInAnyOrderElementsOf(stocked);
            assertThat(body).doesNotContain("Kriya Kosong", "Empty Craft");
        }
        // the category itself is there for curators
        assertThat(http.get("/cari?kategori=" + empty, "Accept", "text/html").statusCode()).isEqualTo(200);
    }

    @Test
    void aPriceThatIsNoNumberGetsAMessageNotAnErrorPage() throws Exception {
        var response = http.get("/cari?q=tas&hargaMin=murah", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        // names the box and shows what it reads
        assertThat(response.body()).contains(
                "Harga di kotak &quot;dari&quot; tidak terbaca. Tulis harga seperti 150000 atau 150 rb.",
                "name=\"hargaMin\" inputmode=\"numeric\" maxlength=\"20\" autocomplete=\"off\" value=\"murah\" aria-invalid=\"true\"");
        assertThat(page("/cari?lang=en&q=tas&hargaMaks=lots"))
            .contains("The price in the &quot;to&quot; box could not be read. Write a price like 150000 or 150 rb.");
    }

    @Test
    void aMangledLinkToALaterPageSaysSoNotThatThePriceIsWrong() throws Exception {
        var response = http.get("/cari?q=kendi&setelah=garbage", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
            .contains("Tautan halaman hasil ini tidak berlaku lagi; tekan Cari untuk mulai dari halaman pertama.")
            .doesNotContain("periksa harga");
        assertThat(page("/cari?lang=en&q=kendi&setelah=garbage"))
            .contains("This link to a page of results no longer works");
    }

    @Test
    void pricesTypedTheWrongWayRoundAreNamedNotSearched() throws Exception {
        assertThat(page("/cari?q=kendi&hargaMin=200+rb&hargaMaks=50000"))
            .contains("Harga di kotak &quot;dari&quot; lebih tinggi daripada di kotak &quot;sampai&quot;.",
                    "value=\"200 rb\" aria-invalid=\"true\"")
            .doesNotContain("0 produk");
        assertThat(page("/cari?lang=en&q=kendi&hargaMin=200000&hargaMaks=50000"))
            .contains("The price in the &quot;from&quot; box is higher than the one in the &quot;to&quot; box.");
    }

    @Test
    void pricesTypedAsWordsThatExcludeEachOtherAreNamed() throws Exception {
        var body = page(
                "/cari?q=" + URLEncoder.encode("kendi di atas 200 ribu di bawah 50 ribu", StandardCharsets.UTF_8));
        assertThat(body)
            .contains("Harga terendah yang Anda minta lebih tinggi dari harga tertinggi", "Harga ≥ Rp 200.000",
                    "Harga ≤ Rp 50.000")
            .doesNotContain("Belum ada produk yang cocok");
        // a typed lowest above the box's highest is the same contradiction
        assertThat(
                page("/cari?lang=en&hargaMaks=50000&q=" + URLEncoder.encode("kendi over 200k", StandardCharsets.UTF_8)))
            .contains("The lowest price you asked for is above the highest");
        assertThat(
                page("/cari?q=" + URLEncoder.encode("kendi di atas 50 ribu di bawah 200 ribu", StandardCharsets.UTF_8)))
            .doesNotContain("Harga terendah yang Anda minta");
    }

    @Test
    void theBrandsAndVillagesOfTheSameWordsComeWithTheProducts() throws Exception {
        var body = page("/cari?q=gerabah");
        var banyumulekBrands = jdbc.sql("""
                select b.slug from brand b join village v on v.id = b.village_id
                where v.slug = 'banyumulek' and b.verification_status = 'VERIFIED'""")
            .query(String.class)
            .list()
            .stream()
            .map(slug -> "/merek/" + slug)
            .toList();
        var brandLinked = hrefs(body, "/merek/");
        assertThat(brandLinked).as("a Banyumulek pottery brand is offered").containsAnyElementsOf(banyumulekBrands);
        assertThat(hrefs(body, "/desa/")).contains("/desa/banyumulek");
        assertThat(body).contains("Desa Banyumulek", "Lombok Barat", "href=\"/cari/merek?q=gerabah\"",
                "href=\"/cari/desa?q=gerabah\"", "Lihat semua merek");
        assertThat(count(body)).as("the products are still there").isPositive();
        // the links lead to the pages
        assertThat(http.get("/desa/banyumulek", "Accept", "text/html").statusCode()).isEqualTo(200);
        assertThat(http.get(brandLinked.getFirst(), "Accept", "text/html").statusCode()).isEqualTo(200);
        // without words there is nothing to match brands and villages against
        assertThat(page("/cari")).doesNotContain("Lihat semua merek", "Lihat semua desa");
    }

    @Test
    void theFullListsOfBrandsAndVillagesComeAPageAtATime() throws Exception {
        var pottery = page("/cari/merek?q=gerabah");
        assertThat(pottery).contains("href=\"/merek/gerabah-banyumulek-lestari\"", "Terverifikasi",
                "Banyumulek, Lombok Barat");
        assertThat(count(pottery, "merek")).isPositive().isEqualTo(hrefs(pottery, "/merek/").size());

        // every brand, twenty a page: following the "next" links, the pages together hold
        // each brand once
        var listing = page("/cari/merek");
        var total = count(listing, "merek");
        var seen = new ArrayList<>(hrefs(listing, "/merek/"));
        assertThat(seen).hasSize(20);
        for (var next = nextLink(listing); next != null; next = nextLink(listing)) {
            listing = page(next);
            seen.addAll(hrefs(listing, "/merek/"));
            assertThat(seen.size()).as("pages end").isLessThanOrEqualTo(total);
        }
        assertThat(seen).hasSize(total).doesNotHaveDuplicates();
        assertThat(total).isGreaterThan(count(pottery, "merek"));

        var villages = page("/cari/desa?q=gerabah");
        assertThat(hrefs(villages, "/desa/")).contains("/desa/banyumulek");
        assertThat(villages).contains("href=\"/cari?q=gerabah\"");
        assertThat(page("/cari/desa?q=gerabah&setelah=bukan-kursor")).contains("periksa kata yang dicari")
            .doesNotContain("href=\"/desa/");
    }

    @Test
    void englishVisitorsGetEnglishLabels() throws Exception {
        var body = page("/cari?q=gerabah&lang=en");
        assertThat(body).contains(">Brands</h2>", ">Villages</h2>", "See all brands", "Banyumulek village",
                "<label for=\"dekat\">Near</label>", "Anywhere", "<label for=\"radius\">Within</label>", "25 km",
                "Nearest");
        assertThat(page("/cari/desa?q=gerabah&lang=en")).contains("Search villages", "villages</p>");
    }

    /**
     * The "Dekat" picker groups the villages by regency, regencies and villages each in
     * alphabetical order as the page's language names them.
     */
    @Test
    void thePlacePickerListsRegenciesAndTheirVillagesAlphabeticallyInEachLanguage() throws Exception {
        var indonesian = picker(page("/cari"));
        var english = picker(page("/cari?lang=en"));
        for (var picker : List.of(indonesian, english)) {
            assertThat(List.copyOf(picker.keySet())).hasSizeGreaterThan(2)
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
            picker.forEach((regency, villages) -> assertThat(villages).as(regency)
                .isNotEmpty()
                .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER));
        }
        assertThat(indonesian.keySet()).contains("Lombok Barat", "Lombok Timur").doesNotContain("West Lombok");
        assertThat(indonesian.get("Lombok Barat")).contains("Desa Banyumulek");
        assertThat(english.keySet()).contains("West Lombok", "East Lombok").doesNotContain("Lombok Barat");
        assertThat(english.get("West Lombok")).contains("Banyumulek village");
        assertThat(english.values().stream().mapToInt(List::size).sum())
            .isEqualTo(indonesian.values().stream().mapToInt(List::size).sum());
    }

    /**
     * Where a page in English names a regency, it is the English name the chip uses:
     * "East Lombok", not "Lombok Timur" beside it; Indonesian pages keep "Lombok Timur".
     */
    @Test
    void regenciesAreNamedInThePagesLanguage() throws Exception {
        var english = page(
                "/cari?lang=en&q=" + URLEncoder.encode("woven goods from East Lombok", StandardCharsets.UTF_8));
        assertThat(english).contains("East Lombok</span>", "label=\"East Lombok\"");
        assertThat(metas(english)).noneMatch(meta -> meta.matches(".*Lombok (Timur|Barat|Tengah).*"));
        assertThat(english).doesNotContain("label=\"Lombok Timur\"");
        assertThat(metas(page("/cari/desa?lang=en&q=anyaman"))).contains("East Lombok");
        assertThat(metas(page("/cari/merek?lang=en&q=anyaman"))).anyMatch(meta -> meta.endsWith(", East Lombok"));

        var indonesian = page("/cari?q=" + URLEncoder.encode("anyaman dari Lombok Timur", StandardCharsets.UTF_8));
        assertThat(indonesian).contains("Lombok Timur</span>", "label=\"Lombok Timur\"").doesNotContain("East Lombok");
        assertThat(metas(indonesian)).anyMatch(meta -> meta.endsWith("Lombok Timur"));
    }

    @Test
    void productsNearAVillageAreThoseMadeWithinTheChosenDistance() throws Exception {
        var banyumulek = jdbc.sql("select latitude, longitude from village where slug = 'banyumulek'")
            .query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) })
            .single();
        // the villages the API's coordinates put within 10 km of Banyumulek
        var within = jdbc.sql("select slug, latitude, longitude from village where latitude is not null")
            .query((rs,
                    n) -> GreatCircle.km(banyumulek[0], banyumulek[1], rs.getDouble("latitude"),
                            rs.getDouble("longitude")) <= 10 ? rs.getString("slug") : null)
            .list()
            .stream()
            .filter(slug -> slug != null)
            .toList();
        assertThat(within).contains("banyumulek")
            .hasSizeLessThan(jdbc.sql("select count(*) from village").query(Integer.class).single());

        var near = page("/cari?dekat=banyumulek&radius=10");
        assertThat(near).containsPattern("value=\"banyumulek\"\\s+selected")
            .containsPattern("value=\"10\"\\s+selected")
            .containsPattern("value=\"terdekat\"\\s+selected");
        // the same products as asking for those villages by name, and fewer than
        // everywhere
        var byName = page("/cari?" + String.join("&", within.stream().map(slug -> "desa=" + slug).toList()));
        assertThat(count(near)).isPositive().isEqualTo(count(byName)).isLessThan(count(page("/cari")));
        var facetVillages = Pattern.compile("name=\"desa\" value=\"([a-z-]+)\"")
            .matcher(near)
            .results()
            .map(m -> m.group(1))
            .toList();
        assertThat(within).containsAll(facetVillages);
        // nearest first: the first product is made in Banyumulek itself
        var firstMeta = Pattern.compile("<p class=\"meta\">([^<]+)</p>").matcher(near);
        assertThat(firstMeta.find()).isTrue();
        assertThat(firstMeta.group(1)).endsWith("· Banyumulek");

        // a wider circle finds more, and the words still count
        assertThat(count(page("/cari?dekat=banyumulek&radius=50"))).isGreaterThan(count(near));
        assertThat(count(page("/cari?q=gerabah&dekat=banyumulek&radius=10"))).isPositive()
            .isLessThanOrEqualTo(count(near));
    }

    @Test
    void nothingFoundNearAPlaceOffersTheNextDistance() throws Exception {
        var nothing = page("/cari?q=zqxwvut&dekat=banyumulek&radius=10&lang=en");
        assertThat(nothing).contains("0 products", "Search further, within 25 km")
            .contains("href=\"/cari?q=zqxwvut&amp;dekat=banyumulek&amp;radius=25");
        assertThat(page("/cari?q=zqxwvut&dekat=banyumulek&radius=50")).contains("0 produk")
            .doesNotContain("Cari lebih jauh");
        assertThat(page("/cari?q=zqxwvut")).doesNotContain("Cari lebih jauh");
    }

    /**
     * A place typed in the words is searched 15 km around it: Sembalun, under Rinjani,
     * has no weavers that near, and the next distance reaches Pringgasela's, 23 km away.
     * The link types the distance after the place, in the page's language.
     */
    @Test
    void nothingFoundNearAPlaceTypedOffersTheNextDistance() throws Exception {
        var nothing = page("/cari?q=" + URLEncoder.encode("tenun dekat Sembalun", StandardCharsets.UTF_8));
        // the form's place says where the words asked for, not "anywhere"
        assertThat(nothing).contains("<option value=\"\">Dekat Sembalun (15 km), dari kata yang diketik</option>")
            .doesNotContain(">Di mana saja<");
        assertThat(nothing).contains("0 produk", "Dekat Sembalun (15 km)", "Cari lebih jauh, dalam 25 km",
                "href=\"/cari?q=tenun%20dekat%20Sembalun%20dalam%2025%20km\"");
        var wider = page("/cari?q=" + URLEncoder.encode("tenun dekat Sembalun dalam 25 km", StandardCharsets.UTF_8));
        assertThat(wider).contains("Dekat Sembalun (25 km)").doesNotContain("Cari lebih jauh");
        assertThat(count(wider)).isPositive();
        assertThat(Pattern.compile("<p class=\"meta\">([^<]+)</p>").matcher(wider).results().map(m -> m.group(1)))
            .allMatch(meta -> meta.endsWith("· Pringgasela"));

        // Senaru is 33 km from the nearest weavers: 15, then 25 km find nothing
        var english = page("/cari?lang=en&q=" + URLEncoder.encode("weaving near Senaru", StandardCharsets.UTF_8));
        assertThat(english).contains("Near Senaru (15 km)", "Search further, within 25 km",
                "href=\"/cari?q=weaving%20near%20Senaru%20within%2025%20km");
        assertThat(page(
                "/cari?lang=en&q=" + URLEncoder.encode("weaving near Senaru within 25 km", StandardCharsets.UTF_8)))
            .contains("Near Senaru (25 km)", "Search further, within 50 km",
                    "href=\"/cari?q=weaving%20near%20Senaru%20within%2050%20km");
        // the south coasts' surf beaches, where visitors stay, are places too
        assertThat(page("/cari?lang=en&q=" + URLEncoder.encode("sarong near Ekas", StandardCharsets.UTF_8)))
            .contains("Near Ekas (15 km)");
        assertThat(page("/cari?q=" + URLEncoder.encode("oleh-oleh dekat Hu'u", StandardCharsets.UTF_8)))
            .contains("Dekat Hu&#39;u (15 km)");
        // no farther distance than the farthest the form offers
        assertThat(page(
                "/cari?q=" + URLEncoder.encode("tenun dekat Senaru 50 km di bawah 1 ribu", StandardCharsets.UTF_8)))
            .contains("0 produk", "Dekat Senaru (50 km)")
            .doesNotContain("Cari lebih jauh");
        // the form's place wins over one typed, and its distance is the one widened
        assertThat(page("/cari?dekat=banyumulek&radius=10&q="
                + URLEncoder.encode("zqxwvut dekat Loyok", StandardCharsets.UTF_8)))
            .contains("href=\"/cari?q=zqxwvut%20dekat%20Loyok&amp;dekat=banyumulek&amp;radius=25\"");
    }

    /**
     * "Harga 50 ribuan" (priced fifty-something thousand) is read as a price from Rp
     * 50.000 to 59.999, shown as chips that remove it.
     */
    @Test
    void anApproximatePriceIsReadAsARangeWithChips() throws Exception {
        var body = page("/cari?q=" + URLEncoder.encode("gerabah harga 50 ribuan", StandardCharsets.UTF_8));
        assertThat(body).contains("aria-label=\"Hapus: Harga ≥ Rp 50.000, Harga ≤ Rp 59.999\"",
                "href=\"/cari?q=gerabah\"");
        var prices = Pattern.compile("class=\"price\">Rp ([\\d.]+)<")
            .matcher(body)
            .results()
            .map(m -> Long.parseLong(m.group(1).replace(".", "")))
            .toList();
        assertThat(prices).isNotEmpty().allMatch(price -> price >= 50_000 && price <= 59_999);
        assertThat(count(body)).isLessThan(count(page("/cari?q=gerabah")));
        assertThat(page("/cari?lang=en&q=" + URLEncoder.encode("pottery around 50k", StandardCharsets.UTF_8)))
            .contains("Price ≥ Rp 40,000", "Price ≤ Rp 60,000");
    }

    /**
     * A tourist's dollars are shown in rupiah and as typed; every product listed costs at
     * most that. Pearls sold by size keep their size as words.
     */
    @Test
    void dollarsTypedAreAChipInRupiahAndSizesStayWords() throws Exception {
        var body = page("/cari?lang=en&q=" + URLEncoder.encode("pottery under $20", StandardCharsets.UTF_8));
        assertThat(body).contains("Price ≤ Rp 330,000 (US$20)", "aria-label=\"Remove: Price ≤ Rp 330,000 (US$20)\"");
        var prices = Pattern.compile("class=\"price\">Rp ([\\d,]+)<")
            .matcher(body)
            .results()
            .map(m -> Long.parseLong(m.group(1).replace(",", "")))
            .toList();
        assertThat(prices).isNotEmpty().allMatch(price -> price <= 330_000);
        assertThat(page("/cari?q=" + URLEncoder.encode("kalung mutiara 9-10 mm", StandardCharsets.UTF_8)))
            .doesNotContain("Dari kata pencarian Anda:");
    }

    @Test
    void aPlaceOrDistanceNotOfferedGetsAMessageNotAnErrorPage() throws Exception {
        for (var path : List.of("/cari?q=tas&dekat=banyumulek&radius=7", "/cari?q=tas&dekat=banyumulek&radius=dekat",
                "/cari?q=tas&dekat=tidak-ada-desa-ini&radius=10",
                "/cari?q=tas&dekat=" + URLEncoder.encode("<b>", StandardCharsets.UTF_8))) {
            var response = http.get(path, "Accept", "text/html");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path)
                .contains("pilih desa dan jarak dari daftar", "value=\"banyumulek\"")
                .doesNotContain("href=\"/produk/");
        }
    }

    /**
     * "Terdekat" chosen without a place lists the same products in the usual order, with
     * a hint to choose a place, and the filters stay there, the village ticked, to
     * untick.
     */
    @Test
    void nearestWithoutAPlaceStillListsTheResultsWithAHint() throws Exception {
        var nearest = page("/cari?q=gerabah&urut=terdekat&desa=banyumulek");
        var usual = page("/cari?q=gerabah&desa=banyumulek");
        assertThat(nearest).contains("Pilih tempat di kolom Dekat", "<details class=\"refine\" open")
            .containsPattern("name=\"desa\" value=\"banyumulek\" checked")
            .containsPattern("name=\"kategori\" value=\"gerabah\"")
            .containsPattern("value=\"terdekat\"\\s+selected");
        assertThat(count(nearest)).isPositive().isEqualTo(count(usual));
        assertThat(hrefs(nearest, "/produk/")).as("by relevance").isEqualTo(hrefs(usual, "/produk/"));
        assertThat(page("/cari?lang=en&urut=terdekat")).contains("Choose a place under Near")
            .containsPattern("\\d+ products");
        assertThat(usual).doesNotContain("Pilih tempat di kolom Dekat");
    }

    /**
     * The place picker's choices: each regency as labelled, with its villages as shown,
     * in page order.
     */
    private static Map<String, List<String>> picker(String body) {
        var select = body.substring(body.indexOf("<select id=\"dekat\""));
        select = select.substring(0, select.indexOf("</select>"));
        var picker = new LinkedHashMap<String, List<String>>();
        Pattern.compile("<optgroup label=\"([^\"]+)\">(.*?)</optgroup>", Pattern.DOTALL)
            .matcher(select)
            .results()
            .forEach(group -> picker.put(group.group(1),
                    Pattern.compile("<option [^>]*>([^<]+)</option>")
                        .matcher(group.group(2))
                        .results()
                        .map(option -> option.group(1))
                        .toList()));
        return picker;
    }

    /** Where the brands and villages listed are: the line beside each. */
    private static List<String> metas(String body) {
        return Pattern.compile("<span class=\"meta\">([^<]+)<").matcher(body).results().map(m -> m.group(1)).toList();
    }

    private static int count(String body) {
        return count(body, "produk");
    }

    private static int count(String body, String things) {
        var matcher = Pattern.compile("(\\d+) " + things + "</(p|h2)>").matcher(body);
        assertThat(matcher.find()).as("the page says how many %s it found", things).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static String nextLink(String body) {
        var next = Pattern.compile("rel=\"next\"\\s+href=\"([^\"]+)\"").matcher(body);
        return next.find() ? next.group(1).replace("&amp;", "&") : null;
    }

    /**
     * The links of a page into one part of the site, such as "/merek/", in page order.
     */
    private static List<String> hrefs(String body, String prefix) {
        return Pattern.compile("href=\"(" + Pattern.quote(prefix) + "[^\"?]+)\"")
            .matcher(body)
            .results()
            .map(m -> m.group(1))
            .toList();
    }

}
