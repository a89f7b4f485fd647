package id.kriyanusa.search;

import static id.kriyanusa.search.SearchApi.slugs;
import static id.kriyanusa.search.SearchApi.total;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GreatCircle;
import id.kriyanusa.search.internal.Completions;
import id.kriyanusa.search.internal.RebuildsUnderWay;
import id.kriyanusa.search.internal.SearchIndex;
import id.kriyanusa.search.internal.SearchIndexer;
import id.kriyanusa.search.internal.SearchIndices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Product search against the real Elasticsearch node and PostgreSQL, through the GraphQL
 * API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductSearchIntegrationTest {

    static final Duration INDEXED_WITHIN = Duration.ofSeconds(10);
    static final String PUBLIC = """
            from product p join brand b on b.id = p.brand_id join village v on v.id = b.village_id
            where p.status = 'PUBLISHED' and b.verification_status = 'VERIFIED'
            """;

    /**
     * Search listeners' publications of a product's changes that failed and wait for a
     * retry.
     */
    private static final String FAILED = "completion_date is null and status = 'FAILED'";

    /** Search listeners' publications of a product's changes that are done. */
    private static final String COMPLETED = "completion_date is not null";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    SearchIndices indices;

    @Autowired
    Completions completions;

    @Autowired
    RebuildsUnderWay rebuilds;

    SearchIndexer indexer;

    SearchIndex index;

    @Autowired
    Rest5Client rest;

    SearchApi api;

    @BeforeEach
    void awaitIndex() throws Exception {
        api = new SearchApi(port);
        indexer = indices.of(SearchIndexName.PRODUCTS);
        index = indexer.index();
        // the index is built in the background at start-up; wait (bounded) until it holds
        // every public product
        await().atMost(Duration.ofSeconds(90))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                var body = api.searchRaw(null, null, null, 1, null);
                assertThat(!SearchApi.hasErrors(body) && total(body) == publicCount())
                    .as("products index ready; last answer %s", body)
                    .isTrue();
            });
        // the brands and villages indices are built after it
        await().atMost(Duration.ofSeconds(90))
            .until(() -> indices.all().stream().allMatch(i -> i.index().current().isPresent()));
    }

    @Test
    void searchResultsPageByCursorWithoutGapsOrRepeats() throws Exception {
        var whole = slugs(api.search(null, null, "PRICE_ASC", 12));
        assertThat(whole).hasSize(12);
        var paged = new ArrayList<String>();
        String after = null;
        for (int page = 0; page < 3; page++) {
            var variables = new HashMap<String, Object>();
            variables.put("sort", "PRICE_ASC");
            variables.put("first", page < 2 ? 5 : 2);
            variables.put("after", after);
            var body = api.api().query(SearchApi.SEARCH, variables, null);
            assertThat(SearchApi.hasErrors(body)).as(body).isFalse();
            paged.addAll(slugs(body));
            after = JsonPath.read(body, "$.data.searchProducts.pageInfo.endCursor");
        }
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void aResultsListThatAsksForNoCountsOrFacetsStillPagesToTheEnd() throws Exception {
        var whole = api.search(null, null, "PRICE_ASC", 100);
        var listOnly = """
                query($after: String) {
                  searchProducts(sort: PRICE_ASC, first: 7, after: $after) {
                    pageInfo { hasNextPage endCursor } edges { node { slug } }
                  }
                }""";
        var paged = new ArrayList<String>();
        String after = null;
        boolean more = true;
        while (more) {
            var variables = new HashMap<String, Object>();
            variables.put("after", after);
            var body = api.api().query(listOnly, variables, null);
            assertThat(SearchApi.hasErrors(body)).as(body).isFalse();
            paged.addAll(slugs(body));
            after = JsonPath.read(body, "$.data.searchProducts.pageInfo.endCursor");
            more = JsonPath.read(body, "$.data.searchProducts.pageInfo.hasNextPage");
        }
        assertThat(paged).hasSize((int) total(whole)).doesNotHaveDuplicates();
        assertThat(paged.subList(0, 100)).isEqualTo(slugs(whole));
    }

    @Test
    void aFacetAskedForAloneCountsAsInTheFullSearch() throws Exception {
        var filter = Map.<String, Object>of("categories", List.of("gerabah"), "availability", List.of("READY_STOCK"));
        var full = api.search(null, filter, null, 5);
        var onlyAvailability = api.api().query("""
                query($filter: ProductSearchFilter) {
                  searchProducts(filter: $filter, first: 5) { facets { availability { value count } } }
                }""", Map.of("filter", filter), null);
        assertThat(SearchApi.hasErrors(onlyAvailability)).as(onlyAvailability).isFalse();
        List<Map<String, Object>> alone = JsonPath.read(onlyAvailability, "$.data.searchProducts.facets.availability");
        List<Map<String, Object>> withAll = JsonPath.read(full, "$.data.searchProducts.facets.availability");
        assertThat(alone).isEqualTo(withAll).hasSizeGreaterThan(1);
    }

    @Test
    void englishWordsFindProductsDescribedOnlyInIndonesian() throws Exception {
        assertFindsIndonesianOnly("pottery", "gerabah|tembikar|keramik");
        assertFindsIndonesianOnly("earthenware", "gerabah|tembikar|keramik");
        assertFindsIndonesianOnly("basket", "keranjang");
        assertFindsIndonesianOnly("basketry", "anyaman");
        assertFindsIndonesianOnly("woven", "tenun|songket|ikat");
    }

    @Test
    void anotherEnglishNameOfAThingFindsIt() throws Exception {
        // no product and no line of the search's own vocabulary says "billfold": WordNet
        // knows it as a wallet, the vocabulary a wallet as a dompet
        assertFindsFirst("billfold", "dompet");
    }

    @Test
    void anotherIndonesianNameOfAThingFindsIt() throws Exception {
        // no product and no line of the vocabulary says "arca": the Indonesian thesaurus
        // knows it as a patung (and as a wayang, whose products may come first: the
        // words'
        // weights depend on what else the index holds)
        var statues = jdbc.sql("select p.slug " + PUBLIC + " and p.title_id ~* '\\mpatung\\M'")
            .query(String.class)
            .list();
        assertThat(statues).as("demo data has statues").isNotEmpty();
        assertThat(slugs(api.search("arca", null, null, 100))).as("arca").containsAll(statues);
    }

    /**
     * Buyers name things in their own region's or country's words, which no title says: a
     * Sasak asks for a "kereng" (a sarong, before anything "kering", dry), a Balinese for
     * a "tikeh" (a mat), a Malaysian for a "mangkuk tingkat" (a rantang), an Australian
     * for a "face washer" (a waslap); a Manggarai for a "towe" (a sarong, not a towel), a
     * hotel's designer for a "lazy susan" (a meja putar), a pilgrim for a "janamaz" (a
     * sajadah), a Chinese-Indonesian for "rousong" (abon); a Javanese grandmother for a
     * "pendaringan" (a tempat beras), an Australian for an "egg slice" (a sutil), and a
     * buyer names the class, "drinkware", for its bottles and tumblers; a Malaysian
     * mother asks for a "bedung" (a bedong, the swaddle), a visitor for a "tea pot" (a
     * teko, before a flower pot), a Briton for "secateurs" (gunting dahan), and a buyer
     * names the marketplace's class, "aksesoris hijab", for its brooches and
     * underscarves; a buyer asks for a "keranjang alami" (natural, a word Sastrawi keeps
     * whole) for a basket "warna alam", first, for "glugu" (Javanese: coconut-trunk wood)
     * for a board of kayu kelapa, and for "mare milk" for the susu kuda liar; a Malaysian
     * for a "butang" (a kancing, and not the things of "benang", thread, a typo away) and
     * for a "tikar sembahyang" (a sajadah, before any other mat), a Balinese for a
     * "pasepan" (a pedupaan, the clay incense burner), and a villa's designer for a
     * "sketsel" (a sekat ruangan, the room screen); a shopper asks for a "tas keranjang"
     * (a tas anyaman), a visitor for a "rice spoon" (a centong), a buyer for "kuker" (kue
     * kering) and a Sundanese for "madu teuweul" (trigona honey).
     */
    @Test
    void aBuyersRegionalOrColloquialWordFindsTheSellersWord() throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var marker = SearchApi.marker();
        var name = "Tenun Uji " + marker;
        var brand = api.verifiedBrand(producer, api.api().signIn(ApiClient.CURATOR), "sukarara", name);
        var sarong = api.publishedSlug(brand, "Sarung Tenun Ikat Merah", "Sarung tenun ikat benang katun.", producer,
                "sarung-tenun");
        var crisps = api.publishedSlug(brand, "Keripik Pisang Kering", "Keripik pisang renyah.", producer, "camilan");
        var mat = api.publishedSlug(brand, "Tikar Pandan Anyam", "Tikar anyaman daun pandan.", producer,
                "pandan-dan-lontar");
        var tiffin = api.publishedSlug(brand, "Rantang Bambu Tiga Susun", "Rantang anyaman bambu.", producer, "bambu");
        var washcloth = api.publishedSlug(brand, "Waslap Katun Pewarna Alam", "Waslap katun tenun.", producer,
                "pewarna-alam");
        var turntable = api.publishedSlug(brand, "Meja Putar Kayu Jati", "Meja putar kayu jati untuk hidangan.",
                producer, "perabot-kayu");
        var prayerMat = api.publishedSlug(brand, "Sajadah Tenun Benang Katun", "Sajadah tenun tangan.", producer,
                "busana-tenun");
        var floss = api.publishedSlug(brand, "Abon Sapi Manis", "Abon daging sapi bumbu manis.", producer, "camilan");
        var riceJar = api.publishedSlug(brand, "Tempat Beras Gerabah Bertutup", "Tempat beras tanah liat.", producer,
                "gerabah-dapur");
        var spatula = api.publishedSlug(brand, "Sutil Kayu Sawo", "Sutil kayu sawo untuk menggoreng.", producer,
                "perabot-kayu");
        var bottle = api.publishedSlug(brand, "Botol Minum Bambu Alami", "Botol minum dari ruas bambu.", producer,
                "bambu");
        var tumbler = api.publishedSlug(brand, "Tumbler Bambu Ukir", "Tumbler bambu berukir.", producer, "bambu");
        var swaddle = api.publishedSlug(brand, "Bedong Bayi Katun Lembut", "Bedong bayi dari katun pewarna alam.",
                producer, "pewarna-alam");
        var teapot = api.publishedSlug(brand, "Teko Gerabah Berukir", "Teko tanah liat bakar.", producer,
                "kendi-dan-teko");
        var planter = api.publishedSlug(brand, "Pot Bunga Gerabah Bulat", "Pot tanaman tanah liat.", producer,
                "pot-gerabah");
        var pruner = api.publishedSlug(brand, "Gunting Dahan Baja Tempa", "Gunting dahan tempaan pandai besi.",
                producer, "pandai-besi");
        var brooch = api.publishedSlug(brand, "Bros Mutiara Air Tawar", "Bros mutiara untuk kerudung.", producer,
                "mutiara");
        var underscarf = api.publishedSlug(brand, "Ciput Rajut Katun", "Ciput rajutan benang katun.", producer,
                "busana-tenun");
        var basket = api.publishedSlug(brand, "Keranjang Rotan Bulat", "Keranjang rotan anyam tanpa cat, warna alam.",
                producer, "rotan");
        var coconutBoard = api.publishedSlug(brand, "Talenan Kayu Kelapa", "Talenan dari batang kayu kelapa tua.",
                producer, "perabot-kayu");
        var horseMilk = api.publishedSlug(brand, "Susu Kuda Liar Segar", "Susu kuda liar dalam botol kaca.", producer,
                "camilan");
        var buttons = api.publishedSlug(brand, "Kancing Tempurung Ukir", "Kancing baju dari tempurung.", producer,
                "perabot-kayu");
        var censer = api.publishedSlug(brand, "Pedupaan Gerabah Bertangkai", "Pedupaan tanah liat untuk upacara.",
                producer, "gerabah-hias");
        var roomScreen = api.publishedSlug(brand, "Sekat Ruangan Bambu Lipat",
                "Sekat ruangan tiga panel dari anyaman bambu.", producer, "bambu");
        var basketBag = api.publishedSlug(brand, "Tas Anyaman Ketak Bulat", "Tas tangan anyaman ketak.", producer,
                "ketak");
        var ricePaddle = api.publishedSlug(brand, "Centong Kayu Sawo", "Centong kayu sawo, halus tanpa cat.", producer,
                "perabot-kayu");
        var cookies = api.publishedSlug(brand, "Kue Kering Jahe", "Kue kering jahe dan gula aren.", producer,
                "camilan");
        var trigonaHoney = api.publishedSlug(brand, "Madu Klanceng Sembalun", "Madu klanceng dari kotak lebah.",
                producer, "madu");
        var forestHoney = api.publishedSlug(brand, "Madu Hutan Sumbawa", "Madu hutan dari pohon bajur.", producer,
                "madu");
        var all = List.of(sarong, crisps, mat, tiffin, washcloth, turntable, prayerMat, floss, riceJar, spatula, bottle,
                tumbler, swaddle, teapot, planter, pruner, brooch, underscarf, basket, coconutBoard, horseMilk, buttons,
                censer, roomScreen, basketBag, ricePaddle, cookies, trigonaHoney, forestHoney);
        var brandSlug = jdbc.sql("select slug from brand where name = ?").param(name).query(String.class).single();
        Map<String, Object> ofTheBrand = Map.of("brands", List.of(brandSlug));
        assertThat(api.eventually(marker, found -> found.containsAll(all), INDEXED_WITHIN)).isTrue();

        // a word of the vocabulary is no typo of "kering" (dry), which no title needs to
        // have
        assertThat(slugs(understood("kereng", ofTheBrand))).as("kereng").containsExactly(sarong);
        assertThat(slugs(understood("tikeh", ofTheBrand))).as("tikeh").containsExactly(mat);
        assertThat(slugs(understood("mangkuk tingkat", ofTheBrand))).as("mangkuk tingkat").containsExactly(tiffin);
        assertThat(slugs(understood("face washer", ofTheBrand))).as("face washer").containsExactly(washcloth);
        assertThat(slugs(understood("towe", ofTheBrand))).as("towe").containsExactly(sarong);
        assertThat(slugs(understood("lazy susan", ofTheBrand))).as("lazy susan").containsExactly(turntable);
        assertThat(slugs(understood("janamaz", ofTheBrand))).as("janamaz").containsExactly(prayerMat);
        assertThat(slugs(understood("rousong", ofTheBrand))).as("rousong").containsExactly(floss);
        assertThat(slugs(understood("pendaringan", ofTheBrand))).as("pendaringan").containsExactly(riceJar);
        assertThat(slugs(understood("egg slice", ofTheBrand))).as("egg slice").containsExactly(spatula);
        assertThat(slugs(understood("bedung", ofTheBrand))).as("bedung").containsExactly(swaddle);
        assertThat(slugs(understood("secateurs", ofTheBrand))).as("secateurs").containsExactly(pruner);
        // a name written apart is one thing: a "tea pot" is a teko, before the flower pot
        // whose title has the word typed
        assertThat(slugs(understood("tea pot", ofTheBrand))).as("tea pot").startsWith(teapot);
        // a class finds its members, and nothing that is not one
        assertThat(slugs(understood("drinkware", ofTheBrand))).as("drinkware")
            .containsExactlyInAnyOrder(bottle, tumbler);
        assertThat(slugs(understood("aksesoris hijab", ofTheBrand))).as("aksesoris hijab")
            .containsExactlyInAnyOrder(brooch, underscarf);
        // a derived word the root dictionary holds whole meets the word it comes from;
        // the basket has every word, the things that are only natural follow it
        var natural = understood("keranjang alami", ofTheBrand);
        assertThat(slugs(natural)).as("keranjang alami").startsWith(basket).doesNotContain(sarong, mat, tiffin);
        assertThat((String) JsonPath.read(natural, "$.data.searchProducts.matchQuality")).isEqualTo("ALL_TERMS");
        // a material's regional name, and not the other wooden things
        assertThat(slugs(understood("glugu", ofTheBrand))).as("glugu").containsExactly(coconutBoard);
        // a food's English name, which no lexicon joins: every word is found, in the milk
        var mareMilk = understood("mare milk", ofTheBrand);
        assertThat(slugs(mareMilk)).as("mare milk").containsExactly(horseMilk);
        assertThat((String) JsonPath.read(mareMilk, "$.data.searchProducts.matchQuality")).isEqualTo("ALL_TERMS");
        // Malaysia's Malay, a prayer and an offering thing, and a fit-out word
        assertThat(slugs(understood("butang", ofTheBrand))).as("butang").containsExactly(buttons);
        assertThat(slugs(understood("tikar sembahyang", ofTheBrand))).as("tikar sembahyang").startsWith(prayerMat);
        assertThat(slugs(understood("pasepan", ofTheBrand))).as("pasepan").containsExactly(censer);
        assertThat(slugs(understood("sketsel", ofTheBrand))).as("sketsel").containsExactly(roomScreen);
        // the kinds of the sub-categories by the names buyers type for them: the basket
        // bag before the basket, the rice paddle before the rice jar, cookies by their
        // shop abbreviation, and trigona honey by its Sundanese name before other honey
        assertThat(slugs(understood("tas keranjang", ofTheBrand))).as("tas keranjang").startsWith(basketBag);
        assertThat(slugs(understood("rice spoon", ofTheBrand))).as("rice spoon").startsWith(ricePaddle);
        assertThat(slugs(understood("kuker", ofTheBrand))).as("kuker")
            .startsWith(cookies)
            .doesNotContain(sarong, basket);
        assertThat(slugs(understood("madu teuweul", ofTheBrand))).as("madu teuweul").startsWith(trigonaHoney);
        assertThat(slugs(understood("teuweul", ofTheBrand))).as("teuweul").containsExactly(trigonaHoney);
    }

    @Test
    void whatATitleNamesAProductComesBeforeWhatItIsMadeOrPatternedWith() throws Exception {
        // Indonesian names the thing first: "Kotak penyimpanan bambu" is a box, "Tembe
        // nggoli kotak merah" a checked sarong; "Kertas serat batang tembakau" is paper,
        // "Amplop kertas serat tembakau" an envelope
        assertFindsFirst("kotak", "^kotak");
        assertFindsFirst("kertas", "^kertas");
    }

    /**
     * The products whose Indonesian title has the word (a regular expression) come first
     * for the query.
     */
    private void assertFindsFirst(String query, String titleWord) throws Exception {
        var named = jdbc.sql("select p.slug " + PUBLIC + " and p.title_id ~* ?")
            .param("\\m" + titleWord + "\\M")
            .query(String.class)
            .list();
        assertThat(named).as("demo data has products called %s", titleWord).isNotEmpty();
        var found = slugs(api.search(query, null, null, 100));
        assertThat(found).as(query).hasSizeGreaterThanOrEqualTo(named.size());
        // those first; products whose text mentions one may follow
        assertThat(found.subList(0, named.size())).as(query).containsExactlyInAnyOrderElementsOf(named);
    }

    private void assertFindsIndonesianOnly(String query, String indonesianWords) throws Exception {
        var indonesianOnly = jdbc.sql("select p.slug " + PUBLIC + """
                and p.title_en is null and p.description_en is null
                and (p.title_id || ' ' || coalesce(p.description_id, '')) ~* ?
                """).param("\\m(" + indonesianWords + ")\\M").query(String.class).list();
        assertThat(indonesianOnly).as("demo data has Indonesian-only products for %s", query).isNotEmpty();
        var body = api.search(query, null, null, 100);
        var found = slugs(body);
        if (total(body) <= 100) {
            assertThat(found).as(query).containsAll(indonesianOnly);
        }
        else {
            assertThat(found).as(query).containsAnyElementsOf(indonesianOnly);
        }
    }

    @Test
    void typosAreForgivenAndCorrected() throws Exception {
        var pottery = Set.copyOf(
                jdbc.sql("select p.slug " + PUBLIC + " and p.title_id ~* '\\mgerabah\\M'").query(String.class).list());
        var body = api.search("gerabh", null, null, 20);
        assertThat(total(body)).isPositive();
        assertThat(slugs(body)).containsAnyElementsOf(pottery);

        // a letter from "grabah", the vocabulary's Javanese spelling of gerabah
        var mended = api.search("grbah", null, null, 20);
        assertThat(slugs(mended)).containsAnyElementsOf(pottery);

        // two letters from every word of the vocabulary: the index's words correct it
        var misspelt = api.search("geabh", null, null, 20);
        assertThat(total(misspelt)).isLessThan(3);
        assertThat((String) JsonPath.read(misspelt, "$.data.searchProducts.didYouMean")).isEqualTo("gerabah");
    }

    @Test
    void aWordManyTitlesHaveIsForgivenOneTypoNotTwo() throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var curator = api.api().signIn(ApiClient.CURATOR);
        var brand = api.verifiedBrand(producer, curator);
        var marker = SearchApi.marker();
        var bracelets = new ArrayList<String>();
        for (var kind : List.of("perak ukir", "perak polos", "mutiara")) {
            bracelets.add(api.publishedSlug(brand, "Gelang " + kind + " " + marker, "Gelang buatan tangan.", producer,
                    "perak"));
        }
        var glass = api.publishedSlug(brand, "Gelas gerabah " + marker, "Gelas minum tanah liat.", producer,
                "kendi-dan-teko");
        assertThat(
                api.eventually(marker, found -> found.containsAll(bracelets) && found.contains(glass), INDEXED_WITHIN))
            .isTrue();
        completions.count(); // what the minute's count does

        // "gelas" (glass) is two letters from "gelang" (bracelet), which three titles
        // have
        assertThat(slugs(understood("gelang", null))).containsAll(bracelets).doesNotContain(glass);
        // a word no title has is forgiven two
        assertThat(slugs(understood("gelnag", null))).containsAll(bracelets);
    }

    @Test
    void aRealWordOfOneTitleIsNotReadAsATypoOfAnother() throws Exception {
        var marker = SearchApi.marker();
        var necklace = searchableProduct("poto", "Kalung mutiara " + marker, "Kalung mutiara air tawar.", "perak",
                marker);
        var shirt = searchableProduct("poto", "Kemeja katun " + marker, "Kemeja lengan pendek.", "busana-tenun",
                marker);
        completions.count(); // what the minute's count does

        // "kalung" (necklace) is two letters from "katun" (cotton); one title has it,
        // and dictionaries know it
        assertThat(slugs(understood("kalung", null))).contains(necklace).doesNotContain(shirt);
        // a word no title has is still forgiven
        assertThat(slugs(understood("kalunng", null))).contains(necklace);
    }

    @Test
    void aBrandNamedForAThingDoesNotMakeAllItsProductsThatThing() throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var marker = SearchApi.marker();
        var name = "Tenun Songket " + marker;
        var brand = api.verifiedBrand(producer, api.api().signIn(ApiClient.CURATOR), "sukarara", name);
        var cloth = api.publishedSlug(brand, "Kain songket benang emas", "Kain tenun songket.", producer, "songket");
        var scarf = api.publishedSlug(brand, "Syal ecoprint daun jati", "Syal katun pewarna alam.", producer,
                "ecoprint-kain");
        var brandSlug = jdbc.sql("select slug from brand where name = ?").param(name).query(String.class).single();
        Map<String, Object> ofTheBrand = Map.of("brands", List.of(brandSlug));
        assertThat(api.eventually(marker, found -> found.contains(cloth) && found.contains(scarf), INDEXED_WITHIN))
            .isTrue();

        // the weavers' eco-print scarf is not songket
        assertThat(slugs(understood("songket", ofTheBrand))).containsExactly(cloth);
        // their name still finds all they make
        assertThat(slugs(understood(marker, null))).contains(cloth, scarf);
    }

    @Test
    void aNameOfTwoWordsWithOtherNamesStillPutsTheThingNamedFirst() throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var marker = SearchApi.marker();
        var name = "Tenun Lepang " + marker;
        var brand = api.verifiedBrand(producer, api.api().signIn(ApiClient.CURATOR), "sukarara", name);
        var blazer = api.publishedSlug(brand, "Blazer tenun ukuran M",
                "Blazer dari kain tenun ikat. Kain tenun asli Sukarara, woven fabric; kain tenun dilapisi furing.",
                producer, "busana-tenun");
        var cloth = api.publishedSlug(brand, "Kain tenun ikat motif lepang", "Ditenun tangan dengan benang katun.",
                producer, "tenun-ikat");
        var brandSlug = jdbc.sql("select slug from brand where name = ?").param(name).query(String.class).single();
        assertThat(api.eventually(marker, found -> found.contains(cloth) && found.contains(blazer), INDEXED_WITHIN))
            .isTrue();

        // "kain tenun" (woven cloth) asks for the cloth; the blazer made of it follows
        assertThat(slugs(understood("kain tenun", Map.of("brands", List.of(brandSlug))))).containsExactly(cloth,
                blazer);
    }

    @Test
    void theDemoWeaversWovenClothsComeBeforeTheirBlazersForKainTenun() throws Exception {
        // the blazers' texts say "kain tenun", "woven fabric" and "woven cloth", each a
        // name
        // of the cloth; saying it three ways must not pass the cloths whose titles say it
        var found = slugs(understood("kain tenun",
                Map.of("brands", List.of("koperasi-tenun-sukarara", "dharma-setia-sukarara"))));
        Predicate<String> wovenCloth = slug -> slug.startsWith("kain-lambung-tenun-");

        assertThat(found).anyMatch(wovenCloth).anyMatch(slug -> slug.startsWith("blazer-"));
        assertThat(found.stream().takeWhile(slug -> !slug.startsWith("blazer-"))).as(found.toString())
            .containsAll(found.stream().filter(wovenCloth).toList());
    }

    private static final String UNDERSTOOD = """
            query($query: String, $filter: ProductSearchFilter) {
              searchProducts(query: $query, filter: $filter, first: 50) {
                totalCount matchQuality allTermsCount
                edges { node { slug price brand { village { slug } } } }
                interpretation { text conditions { kind phrase value applied queryWithout label { indonesian } } }
              }
            }""";

    /** The answer to the query, which lists the product first, as having every word. */
    private String foundFirstWithEveryWord(String query, String product) throws Exception {
        var body = understood(query, null);
        assertThat(slugs(body)).as(query).first().isEqualTo(product);
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.matchQuality")).as(query).isEqualTo("ALL_TERMS");
        return body;
    }

    private String understood(String query, Map<String, Object> filter) throws Exception {
        var variables = new HashMap<String, Object>();
        variables.put("query", query);
        variables.put("filter", filter);
        var body = api.api().query(UNDERSTOOD, variables, null);
        assertThat(SearchApi.hasErrors(body)).as(body).isFalse();
        return body;
    }

    @Test
    void aPriceTypedInTheQueryLimitsThePriceAndIsShownAsACondition() throws Exception {
        var body = understood("kendi di bawah 75 ribu", null);
        List<Number> prices = JsonPath.read(body, "$.data.searchProducts.edges[*].node.price");
        assertThat(prices).isNotEmpty().allSatisfy(price -> assertThat(price.longValue()).isLessThanOrEqualTo(75_000));
        var cheapKendi = jdbc.sql("select p.slug " + PUBLIC + " and p.title_id ~* '\\mkendi\\M' and p.price <= 75000")
            .query(String.class)
            .list();
        assertThat(slugs(body)).containsAll(cheapKendi);
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.text")).isEqualTo("kendi");
        Map<String, Object> condition = JsonPath.read(body, "$.data.searchProducts.interpretation.conditions[0]");
        assertThat(condition).containsEntry("kind", "PRICE_MAX")
            .containsEntry("value", "75000")
            .containsEntry("applied", true)
            .containsEntry("phrase", "di bawah 75 ribu")
            .containsEntry("queryWithout", "kendi");

        // a filter the client sets wins over the phrase
        var filtered = understood("kendi di bawah 75 ribu", Map.of("priceMax", 50_000));
        List<Number> filteredPrices = JsonPath.read(filtered, "$.data.searchProducts.edges[*].node.price");
        assertThat(filteredPrices).allSatisfy(price -> assertThat(price.longValue()).isLessThanOrEqualTo(50_000));
        assertThat((Boolean) JsonPath.read(filtered, "$.data.searchProducts.interpretation.conditions[0].applied"))
            .isFalse();
    }

    /**
     * "Harga 50 ribuan" is a price from Rp 50.000 to 59.999, given as the two limits of a
     * range; "sekitar 50 ribu" reaches 20% either side.
     */
    @Test
    void anApproximatePriceTypedInTheQueryIsARangeOfTwoConditions() throws Exception {
        var body = understood("gerabah harga 50 ribuan", null);
        List<Number> prices = JsonPath.read(body, "$.data.searchProducts.edges[*].node.price");
        assertThat(prices).isNotEmpty().allSatisfy(price -> assertThat(price.longValue()).isBetween(50_000L, 59_999L));
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.text")).isEqualTo("gerabah");
        List<Map<String, Object>> conditions = JsonPath.read(body, "$.data.searchProducts.interpretation.conditions");
        assertThat(conditions)
            .extracting(condition -> condition.get("kind"), condition -> condition.get("value"),
                    condition -> condition.get("phrase"), condition -> condition.get("queryWithout"))
            .containsExactly(org.assertj.core.groups.Tuple.tuple("PRICE_MIN", "50000", "harga 50 ribuan", "gerabah"),
                    org.assertj.core.groups.Tuple.tuple("PRICE_MAX", "59999", "harga 50 ribuan", "gerabah"));
        var about = understood("gerabah sekitar 50 ribu", null);
        assertThat((List<String>) JsonPath.read(about, "$.data.searchProducts.interpretation.conditions[*].value"))
            .containsExactly("40000", "60000");
    }

    /**
     * "Pulau Sumbawa" is the island, Bima's villages too, not the regency of Sumbawa;
     * "Lombok island" the villages of Lombok's regencies.
     */
    @Test
    void anIslandTypedInTheQueryKeepsToTheVillagesOnIt() throws Exception {
        var marker = SearchApi.marker();
        var bima = searchableProduct("ntobo", "Tenun Mbojo " + marker, "Tenunan Bima.", "busana-tenun", marker);
        var sumbawa = searchableProduct("poto", "Tenun Samawa " + marker, "Tenunan Sumbawa.", "busana-tenun", marker);
        var lombok = searchableProduct("sukarara", "Tenun Sasak " + marker, "Tenunan Lombok.", "busana-tenun", marker);

        var body = understood("tenun pulau sumbawa " + marker, null);
        assertThat(slugs(body).subList(0, 2)).containsExactlyInAnyOrder(bima, sumbawa);
        assertThat((List<String>) JsonPath.read(body, "$.data.searchProducts.edges[*].node.brand.village.slug"))
            .containsOnly("ntobo", "poto");
        Map<String, Object> condition = JsonPath.read(body, "$.data.searchProducts.interpretation.conditions[0]");
        assertThat(condition).containsEntry("kind", "ISLAND")
            .containsEntry("value", "Sumbawa")
            .containsEntry("label", Map.of("indonesian", "Pulau Sumbawa"))
            .containsEntry("queryWithout", "tenun " + marker);
        var lombokIsland = understood("woven cloth from Lombok island " + marker, null);
        assertThat(slugs(lombokIsland)).first().isEqualTo(lombok);
        assertThat(slugs(lombokIsland)).doesNotContain(bima, sumbawa);
        // the regency that shares the island's name says it is the regency
        var regency = understood("tenun sumbawa " + marker, null);
        assertThat(
                (String) JsonPath.read(regency, "$.data.searchProducts.interpretation.conditions[0].label.indonesian"))
            .isEqualTo("Kabupaten Sumbawa");
        assertThat(slugs(regency)).contains(sumbawa).doesNotContain(bima, lombok);
    }

    /**
     * "kipas lombok": the products with every word come first and are counted apart from
     * the related ones that fill the page, which have only one of the words.
     */
    @Test
    void theProductsWithEveryWordAreCountedApart() throws Exception {
        var marker = SearchApi.marker();
        var fan = searchableProduct("loyok", "Kipas bambu " + marker, "Kipas tangan.", "bambu", marker);
        var bag = searchableProduct("loyok", "Tas ketak " + marker, "Tas anyaman.", "ketak", marker);
        var box = searchableProduct("loyok", "Tempat tisu ketak " + marker, "Kotak tisu anyaman.", "ketak", marker);

        // the related: the other two of the marker's, and the demo's other fans
        var body = foundFirstWithEveryWord("kipas " + marker, fan);
        assertThat(slugs(body)).contains(bag, box);
        assertThat((Integer) JsonPath.read(body, "$.data.searchProducts.allTermsCount")).isEqualTo(1);
        assertThat(total(body)).isGreaterThan(2);
    }

    /** Regencies in the facet carry their English names, as the conditions typed do. */
    @Test
    void theRegencyFacetNamesRegenciesInBothLanguages() throws Exception {
        var body = api.api().query("""
                { searchProducts(query: "woven goods from East Lombok", first: 1) {
                    interpretation { conditions { label { english } } }
                    facets { regencies { value label { indonesian english } } } } }""", Map.of(), null);
        assertThat((List<Map<String, Object>>) JsonPath.read(body, "$.data.searchProducts.facets.regencies"))
            .contains(Map.of("value", "Lombok Timur", "label",
                    Map.of("indonesian", "Lombok Timur", "english", "East Lombok")));
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.conditions[0].label.english"))
            .isEqualTo("East Lombok");
    }

    @Test
    void aBuyerAskingForCheapProductsSeesTheCheapestFirst() throws Exception {
        // a typo, and a place, as buyers type them
        for (var query : List.of("tas anyman murah", "kain tenun murah di Lombok Tengah")) {
            var body = understood(query, null);
            assertThat((List<String>) JsonPath.read(body, "$.data.searchProducts.interpretation.conditions[*].kind"))
                .contains("CHEAP_FIRST");
            List<Number> prices = JsonPath.read(body, "$.data.searchProducts.edges[*].node.price");
            // those having every word, cheapest first; the related products after them
            assertThat(prices).as(query).hasSizeGreaterThan(5);
            assertThat(prices.subList(0, 5).stream().map(Number::longValue).toList()).as(query).isSorted();
        }
    }

    @Test
    void cheapThingsNamedAsAskedComeBeforeThingsThatOnlyMentionThem() throws Exception {
        var marker = SearchApi.marker();
        // as cheap as the bag, and older: by price and age alone it came first
        var keychain = searchableProduct("poto", "Gantungan kunci " + marker, "Hiasan kecil untuk tas dan kunci.",
                "bambu", marker);
        var bag = searchableProduct("poto", "Tas bambu " + marker, "Tas jinjing anyaman bambu.", "bambu", marker);
        assertThat(slugs(understood("tas murah " + marker, null))).containsSubsequence(bag, keychain);
    }

    @Test
    void aPlaceTypedInTheQueryFindsWhatIsMadeThere() throws Exception {
        var body = understood("anyaman dari Loyok", null);
        List<String> villages = JsonPath.read(body, "$.data.searchProducts.edges[*].node.brand.village.slug");
        assertThat(villages).isNotEmpty().containsOnly("loyok");
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.conditions[0].kind"))
            .isEqualTo("VILLAGE");
        var regency = understood("woven goods from East Lombok", null);
        assertThat((String) JsonPath.read(regency, "$.data.searchProducts.interpretation.conditions[0].value"))
            .isEqualTo("Lombok Timur");
        assertThat(total(regency)).isPositive();
        // what people in NTB call the regency
        var shortName = understood("anyaman lotim", null);
        assertThat((String) JsonPath.read(shortName, "$.data.searchProducts.interpretation.conditions[0].value"))
            .isEqualTo("Lombok Timur");
    }

    @Test
    void aPlaceWhereNothingIsMadeYetIsSearchedAsWords() throws Exception {
        var name = SearchApi.marker();
        var curator = api.api().signIn(ApiClient.CURATOR);
        var village = api.api()
            .mutate("mutation($input: CreateVillageInput!) { createVillage(input: $input) { userErrors { code } } }",
                    Map.of("name", "Desa " + name, "regency", "Lombok Timur", "district", "Sakra"), curator);
        assertThat((List<?>) JsonPath.read(village, "$.data.createVillage.userErrors")).as(village).isEmpty();
        // no brand is in the new village yet; a weaver from elsewhere says where she
        // learnt
        var basket = searchableProduct("poto", "Bakul anyaman ketak",
                "Dianyam oleh perajin asal " + name + " yang kini tinggal di Poto.", "bambu", name);

        var body = understood("anyaman dari " + name, null);
        assertThat(slugs(body)).first().isEqualTo(basket);
        assertThat((List<?>) JsonPath.read(body, "$.data.searchProducts.interpretation.conditions")).isEmpty();
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.text"))
            .isEqualToIgnoringCase("anyaman " + name);
    }

    @Test
    void aWordOfAPlaceNameMeansThePlace() throws Exception {
        var marker = SearchApi.marker();
        var sambal = searchableProduct("poto", "Sambal cabai " + marker, "Sambal cabai rawit dan terasi, pedas.",
                "camilan", marker);

        // "lombok" is also Javanese for a chili, but a sambal made in Sumbawa is not
        // made in Lombok: it has the marker only
        var body = understood(marker + " lombok", null);
        assertThat(slugs(body)).first().isEqualTo(sambal);
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.matchQuality")).isEqualTo("MOST_TERMS");
    }

    @Test
    void aBuyerAskingForAPlacesCraftsSeesThemBeforeItsFood() throws Exception {
        var marker = SearchApi.marker();
        var sambal = searchableProduct("poto", "Sambal cabai " + marker, "Sambal cabai rawit dan terasi, pedas.",
                "camilan", marker);

        List<String> listed = slugs(api.search("kerajinan tangan dari Poto", null, null, 100));
        assertThat(listed).contains(sambal).hasSizeGreaterThan(2);
        // the newest product, yet below every craft made there
        var foods = listed.stream().filter(slug -> slug.startsWith("sambal-cabai")).toList();
        assertThat(listed.subList(listed.size() - foods.size(), listed.size())).containsExactlyElementsOf(foods);
        // asked without crafts, the place's newest product is not held back
        assertThat(slugs(api.search("dari Poto", null, null, 100)).indexOf(sambal)).isLessThan(listed.indexOf(sambal));
    }

    @Test
    void aBuyerNamingAThingMadeSeesItBeforeFoodsOfTheSameName() throws Exception {
        var marker = SearchApi.marker();
        var bag = searchableProduct("banyumulek", "Bag anyaman ketak " + marker, "Tas bahu dari ketak.", "ketak",
                marker);
        // newer, and its title says bag as plainly
        var coffee = searchableProduct("banyumulek", "Bag kopi robusta " + marker, "Kopi robusta dalam drip bag.",
                "kopi", marker);

        assertThat(slugs(understood("bag " + marker, null))).startsWith(bag, coffee);
        // asked for coffee, the bag is no better than the coffee
        assertThat(slugs(understood("kopi bag " + marker, null))).first().isEqualTo(coffee);
    }

    @Test
    void aThingIsFoundByTheNameOfItsKind() throws Exception {
        var marker = SearchApi.marker();
        var table = searchableProduct("banyumulek", "Meja makan jati " + marker,
                "Meja untuk enam orang, kayu jati tua.", "perabot-kayu", marker);

        // nothing of the product says "mebel" (furniture), but a table is furniture
        foundFirstWithEveryWord(marker + " mebel", table);
    }

    @Test
    void nearATownAreTheProductsMadeWithin15Km() throws Exception {
        var body = understood("gerabah dekat Mataram", null);
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.conditions[0].kind"))
            .isEqualTo("NEAR");
        // Banyumulek and Labuapi border the city; Penujak's pottery is 25 km away
        List<String> villages = JsonPath.read(body, "$.data.searchProducts.edges[*].node.brand.village.slug");
        assertThat(villages).isNotEmpty().containsAnyOf("banyumulek", "labuapi").doesNotContain("penujak");
    }

    @Test
    void wordsThatMatchNothingMadeInThePlaceTypedShowWhatIsMadeThere() throws Exception {
        var body = understood("produk zqxwvut Penujak", null);
        List<String> villages = JsonPath.read(body, "$.data.searchProducts.edges[*].node.brand.village.slug");
        assertThat(villages).isNotEmpty().containsOnly("penujak");
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.matchQuality")).isEqualTo("RELATED");
    }

    /**
     * Songket is woven at Sukarara and Pringgasela, 30 km and more from Ekas: a buyer
     * asking for it there is offered to search further, not the baskets and tobacco paper
     * made near Ekas (goods in general with a place still are: the test below).
     */
    @Test
    void aThingMadeOnlyFarFromThePlaceTypedIsNotAnsweredWithWhatIsMadeThere() throws Exception {
        assertThat(total(understood("songket", null))).isPositive();
        var far = understood("songket dekat Ekas", null);
        assertThat((String) JsonPath.read(far, "$.data.searchProducts.interpretation.conditions[0].kind"))
            .isEqualTo("NEAR");
        assertThat(total(far)).isZero();
        assertThat((Object) JsonPath.read(far, "$.data.searchProducts.matchQuality")).isNull();
    }

    /**
     * A kind the department's taxonomy names is what a buyer asks for even while nobody
     * lists one ("madu Sumbawa" before any honey): the page finds nothing rather than the
     * place's weavings, and the search counts among those that found nothing.
     */
    @Test
    void aKindOfTheTaxonomyThatNoProductIsIsNotAnsweredWithWhatIsMadeThere() throws Exception {
        var kind = SearchApi.marker();
        var before = understood(kind + " Penujak", null);
        assertThat((String) JsonPath.read(before, "$.data.searchProducts.matchQuality")).isEqualTo("RELATED");

        var created = api.api()
            .mutate("mutation($input: CreateCategoryInput!) { createCategory(input: $input) { userErrors { code } } }",
                    Map.of("slug", kind, "name", ApiClient.text(kind, kind)), api.api().signIn(ApiClient.CURATOR));
        assertThat((List<?>) JsonPath.read(created, "$.data.createCategory.userErrors")).as(created).isEmpty();

        var after = understood(kind + " Penujak", null);
        assertThat(total(after)).isZero();
        assertThat((Object) JsonPath.read(after, "$.data.searchProducts.matchQuality")).isNull();
    }

    @Test
    void whenNoProductHasEveryWordTheSearchSaysItShowsTheNearestOnes() throws Exception {
        var exact = understood("kendi", null);
        assertThat((String) JsonPath.read(exact, "$.data.searchProducts.matchQuality")).isEqualTo("ALL_TERMS");
        var partly = understood("kendi zqxwvut", null);
        assertThat((String) JsonPath.read(partly, "$.data.searchProducts.matchQuality")).isEqualTo("MOST_TERMS");
        assertThat(total(partly)).isPositive();
        var nothing = understood("zqxwvut qwzxvb", null);
        assertThat(total(nothing)).isZero();
        assertThat((Object) JsonPath.read(nothing, "$.data.searchProducts.matchQuality")).isNull();
    }

    /**
     * The thesaurus groups a guci (an urn) with a kendi (a jug): an urn is found for a
     * jug, but only as related, so a buyer near a pottery village that makes urns alone
     * is told so.
     */
    @Test
    void thingsFoundOnlyAsLikeTheOneAskedForAreRelated() throws Exception {
        var marker = SearchApi.marker();
        var urn = searchableProduct("masbagik-timur", "Guci hias " + marker, "Guci tanah liat untuk sudut ruang.",
                "gerabah-hias", marker);

        var onlyUrns = understood(marker + " kendi", null);
        assertThat(slugs(onlyUrns)).first().isEqualTo(urn);
        assertThat((String) JsonPath.read(onlyUrns, "$.data.searchProducts.matchQuality")).isEqualTo("RELATED");

        var jug = searchableProduct("banyumulek", "Kendi air " + marker, "Kendi untuk air minum.", "kendi-dan-teko",
                marker);
        var both = understood(marker + " kendi", null);
        assertThat(slugs(both)).startsWith(jug).contains(urn);
        assertThat((String) JsonPath.read(both, "$.data.searchProducts.matchQuality")).isEqualTo("ALL_TERMS");
        // the urns' category chosen: what is shown is only like a jug again
        var urnsChosen = understood(marker + " kendi", Map.of("categories", List.of("gerabah-hias")));
        assertThat(slugs(urnsChosen)).first().isEqualTo(urn);
        assertThat((String) JsonPath.read(urnsChosen, "$.data.searchProducts.matchQuality")).isEqualTo("RELATED");
    }

    /**
     * "pendant light" is a "lampu gantung": the words together name the lamp, though
     * "pendant" alone is a jewel the lamp's title never says.
     */
    @Test
    void wordsTheVocabularyNamesTogetherAreFoundAsOne() throws Exception {
        var marker = SearchApi.marker();
        var lamp = searchableProduct("loyok", "Kap lampu gantung rotan " + marker, "Untuk kafe dan vila.", "rotan",
                marker);

        foundFirstWithEveryWord("rattan pendant light " + marker, lamp);
    }

    /**
     * A buyer typing on a phone runs words together; "tasketak" is a ketak bag, also when
     * its title does not put the two words side by side.
     */
    @Test
    void wordsTypedWithoutASpaceAreReadApart() throws Exception {
        var marker = SearchApi.marker();
        var bag = searchableProduct("loyok", "Tas bulat anyaman ketak " + marker, "Untuk ke pasar.", "ketak", marker);

        var body = foundFirstWithEveryWord("tasketak " + marker, bag);
        // what the buyer typed is what the page shows
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.text"))
            .isEqualTo("tasketak " + marker);
    }

    /**
     * An English word typed with a typo reaches the Indonesian name of the thing: "miror"
     * is the vocabulary's "mirror", a "cermin", so a mirror described only in Indonesian
     * comes before the other rattan things.
     */
    @Test
    void anEnglishTypoFindsAThingNamedOnlyInIndonesian() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("loyok", "Keranjang rotan " + marker, "Keranjang cucian dari rotan.", "rotan", marker);
        var mirror = searchableProduct("loyok", "Cermin bingkai rotan " + marker, "Cermin dinding buatan tangan.",
                "rotan", marker);

        var body = foundFirstWithEveryWord("rattan miror " + marker, mirror);
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.interpretation.text"))
            .isEqualTo("rattan miror " + marker);
    }

    /**
     * A typo one letter from a word and from its plural ("bagg": "bag", "bags") is that
     * word, and "from" before a word of places that names none alone ("Lombok") is no
     * word to match: the bag made in East Lombok, described in Indonesian, has every
     * word.
     */
    @Test
    void aTypoNearAWordAndItsPluralIsMendedBesideAPlace() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("loyok", "Selendang tenun ikat " + marker, "Selendang tenun dari Lombok Timur.",
                "busana-tenun", marker);
        var bag = searchableProduct("loyok", "Tas anyaman ketak " + marker, "Tas dari ketak.", "ketak", marker);

        foundFirstWithEveryWord("woven bagg from lombok " + marker, bag);
    }

    /**
     * A buyer names a thing by the word that sets it apart: "klanceng" is said only in
     * the vocabulary's "madu klanceng", whose line also names it "madu trigona", so the
     * trigona honey comes before the forest honey.
     */
    @Test
    void aWordTheVocabularySaysOnlyInALongerNameFindsThatThing() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("poto", "Madu hutan Sumbawa " + marker, "Madu dari hutan Sumbawa.", "madu", marker);
        var trigona = searchableProduct("poto", "Madu trigona " + marker, "Madu lebah tanpa sengat.", "madu", marker);

        foundFirstWithEveryWord("klanceng " + marker, trigona);
    }

    /**
     * A buyer typing "lamb" means a lamb: an English noun no product has is not matched
     * as the title's "lamp", one letter away, and the page says nothing has every word.
     */
    @Test
    void anEnglishNounNoProductHasIsNotReadAsTheWordALetterAway() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("rembitan", "Lamp meja rotan " + marker, "Lampu meja dari rotan.", "rotan", marker);

        var body = understood("lamb " + marker, null);

        assertThat((String) JsonPath.read(body, "$.data.searchProducts.matchQuality")).isNotEqualTo("ALL_TERMS");
    }

    /**
     * An old spelling leads one way to the thing's name ("tjinderamata" to
     * "cenderamata"), and from there to every other name of the thing: a seller's "tanda
     * mata" is found.
     */
    @Test
    void anOldSpellingFindsTheThingByAnyOfItsNames() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("rembitan", "Tas anyaman ketak " + marker, "Tas dari ketak.", "ketak", marker);
        var keepsake = searchableProduct("rembitan", "Tanda mata lumbung mini " + marker, "Miniatur lumbung bambu.",
                "bambu", marker);

        foundFirstWithEveryWord("tjinderamata " + marker, keepsake);
    }

    /**
     * The vocabulary says "gendongan bayi" for a baby sling; a seller writes "gendong
     * bayi". The vocabulary's names are matched as their roots too.
     */
    @Test
    void theVocabularysNamesAreFoundAsTheirRootWords() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("rembitan", "Tembe songket " + marker, "Sarung tenun songket.", "busana-tenun", marker);
        var sling = searchableProduct("rembitan", "Tembe gendong bayi " + marker, "Kain tenun untuk menggendong.",
                "busana-tenun", marker);

        foundFirstWithEveryWord("baby sling " + marker, sling);
    }

    /**
     * "banten" (a Balinese offering) is a word no title nor lexicon has, but a
     * description says it: it is taken as typed, not as a typo of the pillow's "bantal",
     * whose fuzzy match in a title outscored the description.
     */
    @Test
    void aWordOnlyADescriptionSaysIsTakenAsTyped() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("sukarara", "Bantal sofa tenun " + marker, "Sarung bantal tenun ikat.", "busana-tenun",
                marker);
        var tray = searchableProduct("sukarara", "Bokor kuningan " + marker, "Bokor untuk banten dan sesajen.",
                "kuningan", marker);

        foundFirstWithEveryWord("banten " + marker, tray);
    }

    @Test
    void aWordOfTheDescriptionIsFoundInAnyOfItsForms() throws Exception {
        var marker = SearchApi.marker();
        var sling = searchableProduct("banyumulek", "Umbaq tenun " + marker,
                "Kain Sasak yang ditenun tangan, untuk menggendong bayi.", "busana-tenun", marker);

        // "gendong" is what the description says "menggendong": the product has every
        // word
        var body = understood(marker + " gendong", null);
        assertThat(slugs(body)).containsExactly(sling);
        assertThat((String) JsonPath.read(body, "$.data.searchProducts.matchQuality")).isEqualTo("ALL_TERMS");
        // "menenun" (to weave) is read as its root, as "ditenun" and the title's "tenun"
        // are: Elasticsearch's stemmer alone cut it to "enun"
        var woven = understood(marker + " menenun", null);
        assertThat(slugs(woven)).first().isEqualTo(sling);
        assertThat((String) JsonPath.read(woven, "$.data.searchProducts.matchQuality")).isEqualTo("ALL_TERMS");
    }

    @Test
    void aWordIsNotCutIntoAnotherWord() throws Exception {
        var marker = SearchApi.marker();
        var shirt = searchableProduct("sukarara", "Kemeja tenun " + marker, "Kemeja lengan pendek dari kain tenun.",
                "busana-tenun", marker);
        var table = searchableProduct("banyumulek", "Meja makan jati " + marker,
                "Meja untuk enam orang, kayu jati tua.", "perabot-kayu", marker);
        var basket = searchableProduct("poto", "Keranjang bambu " + marker, "Keranjang untuk pasar.", "bambu", marker);

        // a shirt (kemeja) is not a table (meja), a basket (keranjang) not a bed
        // (ranjang): Elasticsearch's stemmer cut them so
        assertThat(slugs(api.search("meja", null, null, 100))).contains(table).doesNotContain(shirt);
        assertThat(slugs(api.search("kemeja", null, null, 100))).contains(shirt).doesNotContain(table);
        assertThat(slugs(api.search("ranjang", null, null, 100))).doesNotContain(basket);
    }

    @Test
    void aProductWithALongTitleIsFoundAndItsPageOpens() throws Exception {
        var marker = SearchApi.marker();
        var slug = searchableProduct("banyumulek",
                "Kendi maling tanah liat merah dengan ukiran bunga kamboja dan cat " + "alami buatan tangan " + marker,
                "Kendi untuk air minum.", "kendi-dan-teko", marker);
        assertThat(slug).as("a slug longer than a brand's").hasSizeGreaterThan(80);
        var page = api.api().http().get("/produk/" + slug);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ukiran bunga kamboja");
    }

    @Test
    void aPlaceNameDoesNotFindAVillageThatOnlyLooksLikeIt() throws Exception {
        // "lombok" is two letters from "Loyok": Loyok's products that never mention
        // Lombok are not what was asked for. Loyok lies in Lombok Timur, so they may
        // follow the products that name Lombok, never come before one.
        var texts = """
                (p.title_id || ' ' || coalesce(p.title_en, '') || ' ' || coalesce(p.description_id, '') || ' ' ||
                 coalesce(p.description_en, '') || ' ' || b.name)""";
        var loyokOnly = jdbc.sql("select p.slug " + PUBLIC + " and v.slug = 'loyok' and " + texts + " !~* 'lombok'")
            .query(String.class)
            .list();
        assertThat(loyokOnly).as("demo data has Loyok products that never mention Lombok").isNotEmpty();
        var namingLombok = jdbc.sql("select p.slug " + PUBLIC + " and " + texts + " ~* 'lombok'")
            .query(String.class)
            .set();
        var listed = slugs(api.search("lombok", null, null, 100));
        int lastNamingLombok = IntStream.range(0, listed.size())
            .filter(at -> namingLombok.contains(listed.get(at)))
            .max()
            .orElseThrow();
        assertThat(listed.subList(0, lastNamingLombok + 1)).doesNotContainAnyElementsOf(loyokOnly);
    }

    @Test
    void matchesAreHighlighted() throws Exception {
        var body = api.search("songket", null, null, 5);
        List<String> snippets = JsonPath.read(body, "$.data.searchProducts.edges[0].highlights[*].snippets[*]");
        assertThat(snippets).anySatisfy(snippet -> assertThat(snippet.toLowerCase()).contains("<em>songket</em>"));
        List<String> fields = JsonPath.read(body, "$.data.searchProducts.edges[*].highlights[*].field");
        assertThat(fields).as("named as in the API")
            .contains("title.indonesian")
            .allMatch(field -> !field.endsWith("_id"));
    }

    @Test
    void facetCountsIgnoreTheirOwnSelectionButRespectTheOthers() throws Exception {
        var pottery = api.search(null, Map.of("categories", List.of("gerabah")), null, 5);
        var potteryTotal = total(pottery);
        assertThat(potteryTotal).isEqualTo(countInCategory("gerabah"));
        // the category facet ignores the category selection: other categories still show
        // what they would add
        assertThat(facet(pottery, "categories", "gerabah")).isEqualTo(potteryTotal);
        assertThat(facet(pottery, "categories", "tenun")).isEqualTo(countInCategory("tenun")).isPositive();
        // the other facets count within the selected category
        List<Number> availability = JsonPath.read(pottery, "$.data.searchProducts.facets.availability[*].count");
        assertThat(availability.stream().mapToLong(Number::longValue).sum()).isEqualTo(potteryTotal);

        var readyPottery = api.search(null,
                Map.of("categories", List.of("gerabah"), "availability", List.of("READY_STOCK")), null, 5);
        assertThat(total(readyPottery)).isEqualTo(facet(pottery, "availability", "READY_STOCK"));
        // the availability facet still offers MADE_TO_ORDER with its count among pottery
        assertThat(facet(readyPottery, "availability", "MADE_TO_ORDER"))
            .isEqualTo(facet(pottery, "availability", "MADE_TO_ORDER"));
        // and categories now count ready-stock products only
        assertThat(facet(readyPottery, "categories", "gerabah")).isEqualTo(total(readyPottery));

        var twoCategories = api.search(null, Map.of("categories", List.of("gerabah", "tenun")), null, 5);
        assertThat(total(twoCategories)).isEqualTo(potteryTotal + facet(pottery, "categories", "tenun"));

        List<Number> bands = JsonPath.read(pottery, "$.data.searchProducts.facets.priceRanges[*].count");
        assertThat(bands.stream().mapToLong(Number::longValue).sum()).isEqualTo(potteryTotal);
    }

    @Test
    void filtersByPriceMaterialAndRegency() throws Exception {
        var body = api.search(null, Map.of("priceMin", 50_000, "priceMax", 150_000, "materials", List.of("Tanah Liat")),
                "PRICE_ASC", 100);
        var expected = jdbc
            .sql("select count(*) " + PUBLIC
                    + " and p.price between 50000 and 150000 and 'tanah liat' = any(p.materials)")
            .query(Long.class)
            .single();
        assertThat(total(body)).isEqualTo(expected).isPositive();
        List<Number> prices = JsonPath.read(body, "$.data.searchProducts.edges[*].node.price");
        assertThat(prices).allSatisfy(price -> assertThat(price.longValue()).isBetween(50_000L, 150_000L));

        var regency = jdbc.sql("select v.regency " + PUBLIC + " group by v.regency order by count(*) desc limit 1")
            .query(String.class)
            .single();
        var inRegency = api.search(null, Map.of("regencies", List.of(regency)), null, 1);
        assertThat(total(inRegency)).isEqualTo(
                jdbc.sql("select count(*) " + PUBLIC + " and v.regency = ?").param(regency).query(Long.class).single());
    }

    @Test
    void sortsByPrice() throws Exception {
        List<Number> ascending = JsonPath.read(api.search(null, null, "PRICE_ASC", 100),
                "$.data.searchProducts.edges[*].node.price");
        assertThat(ascending.stream().map(Number::longValue).toList()).hasSize(100).isSorted();
        List<Number> descending = JsonPath.read(api.search("kain", null, "PRICE_DESC", 50),
                "$.data.searchProducts.edges[*].node.price");
        var values = descending.stream().map(Number::longValue).toList();
        assertThat(values).isNotEmpty();
        assertThat(values.reversed()).isSorted();
    }

    @Test
    void findsProductsNearAPointNearestFirst() throws Exception {
        record Place(String slug, double lat, double lon) {
        }
        var villages = jdbc
            .sql("select distinct v.slug, v.latitude, v.longitude " + PUBLIC + " and v.latitude is not null")
            .query((rs, row) -> new Place(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
            .list();
        var centre = villages.getFirst();
        double radiusKm = 25;
        var within = villages.stream()
            .filter(v -> GreatCircle.km(centre.lat(), centre.lon(), v.lat(), v.lon()) <= radiusKm - 0.5)
            .map(Place::slug)
            .collect(Collectors.toSet());
        var filter = Map.<String, Object>of("near",
                Map.of("lat", centre.lat(), "lon", centre.lon(), "radiusKm", radiusKm));
        var body = api.search(null, filter, "DISTANCE", 100);
        List<String> found = JsonPath.read(body, "$.data.searchProducts.edges[*].node.brand.village.slug");
        assertThat(found).isNotEmpty();
        var byDistance = villages.stream()
            .collect(Collectors.toMap(Place::slug, v -> GreatCircle.km(centre.lat(), centre.lon(), v.lat(), v.lon())));
        assertThat(found).allSatisfy(slug -> assertThat(byDistance.get(slug)).isLessThanOrEqualTo(radiusKm + 0.5));
        assertThat(found.stream().map(byDistance::get).toList()).isSorted();
        // every village inside the circle that has products is found: asked one by one,
        // since products made by other
        // tests may fill the first page with the nearest villages alone
        for (var slug : within) {
            var inVillage = Map.<String, Object>of("villages", List.of(slug));
            var near = new HashMap<String, Object>(filter);
            near.putAll(inVillage);
            assertThat(total(api.search(null, near, null, 1))).as(slug)
                .isEqualTo(total(api.search(null, inVillage, null, 1)));
        }

        var withoutPoint = api.searchRaw(null, null, "DISTANCE", 5, null);
        assertThat(ApiClient.outcome(withoutPoint, "searchProducts")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void theIndexFollowsPublishingArchivingAndBrandSuspension() throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var curator = api.api().signIn(ApiClient.CURATOR);
        var brandId = api.verifiedBrand(producer, curator);
        var marker = SearchApi.marker();
        var product = api.publishedProduct(brandId, marker, producer);
        var slug = (String) product.get("slug");
        var id = (String) product.get("id");

        assertThat(api.eventually(marker, found -> found.contains(slug), INDEXED_WITHIN)).as("published -> findable")
            .isTrue();
        api.transition("archiveProduct", id, producer);
        assertThat(api.eventually(marker, found -> !found.contains(slug), INDEXED_WITHIN)).as("archived -> gone")
            .isTrue();
        api.transition("publishProduct", id, producer);
        assertThat(api.eventually(marker, found -> found.contains(slug), INDEXED_WITHIN)).as("published again")
            .isTrue();
        SearchApi.ok(api.api()
            .mutate("mutation($input: BrandTransitionInput!) { suspendBrand(input: $input) { userErrors { code } } }",
                    Map.of("id", brandId, "note", "Uji penangguhan merek"), curator),
                "suspendBrand");
        assertThat(api.eventually(marker, found -> !found.contains(slug), INDEXED_WITHIN)).as("brand suspended -> gone")
            .isTrue();

        // every search publication completes: those that failed earlier in the run (for
        // example while the index was
        // still being built at start-up, or in the failure test) by the scheduled retries
        await("every search publication completes").atMost(INDEXED_WITHIN)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> incompleteSearchPublications() == 0);
    }

    private long incompleteSearchPublications() {
        return jdbc.sql(
                "select count(*) from event_publication where completion_date is null and listener_id like 'id.kriyanusa.search.%'")
            .query(Long.class)
            .single();
    }

    @Test
    void aFailedIndexingNeverFailsTheChangeAndIsRetried() throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var curator = api.api().signIn(ApiClient.CURATOR);
        var brandId = api.verifiedBrand(producer, curator);
        var marker = SearchApi.marker();
        var current = index.current().orElseThrow();
        Map<String, Object> product;
        // without the alias every write to the index fails, as when Elasticsearch is
        // unreachable
        elasticsearch.indices()
            .updateAliases(
                    u -> u.actions(a -> a.remove(r -> r.index(current).alias(SearchIndexName.PRODUCTS.alias()))));
        try {
            product = api.publishedProduct(brandId, marker, producer);
            var productId = productId(product);
            awaitPublications("the listener failed and its publication stays incomplete", productId, FAILED);
            assertThat(
                    jdbc.sql("select status from product where id = ?").param(productId).query(String.class).single())
                .as("the change itself is saved")
                .isEqualTo("PUBLISHED");
        }
        finally {
            elasticsearch.indices()
                .updateAliases(u -> u.actions(
                        a -> a.add(r -> r.index(current).alias(SearchIndexName.PRODUCTS.alias()).isWriteIndex(true))));
        }
        // nobody resubmits: the back-off retries it once Elasticsearch answers again
        var slug = (String) product.get("slug");
        assertThat(api.eventually(marker, found -> found.contains(slug), INDEXED_WITHIN)).as("indexed by a later retry")
            .isTrue();
    }

    @Test
    void aChangeBeforeTheFirstIndexIsNoFailureAndIsInTheFirstIndex() throws Exception {
        // as on a new installation, whose demo data and first changes come before the
        // first index is built
        aChangeIsLeftToTheFirstBuild(() -> () -> {
        });
    }

    @Test
    void aChangeWhileTheFirstBuildCreatesItsIndexIsNoFailureAndIsInTheFirstIndex() throws Exception {
        // as at a new installation's start: the first build holds its lock and has
        // created its index, not yet filling it
        aChangeIsLeftToTheFirstBuild(() -> {
            var build = rebuilds.start(index.alias()).orElseThrow();
            var creating = index.createNext(null);
            return () -> {
                index.delete(creating);
                build.close();
            };
        });
    }

    /** A moment of a new installation's start, begun and ended around a change. */
    interface StartingMoment {

        AutoCloseable begin() throws Exception;

    }

    /**
     * With no index behind the alias and the moment begun, a product published leaves no
     * failure to retry, and the first build has it.
     */
    private void aChangeIsLeftToTheFirstBuild(StartingMoment moment) throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var curator = api.api().signIn(ApiClient.CURATOR);
        var brandId = api.verifiedBrand(producer, curator);
        var marker = SearchApi.marker();
        index.delete(index.current().orElseThrow());
        Map<String, Object> product;
        try {
            try (var during = moment.begin()) {
                product = api.publishedProduct(brandId, marker, producer);
                var productId = productId(product);
                awaitPublications("the listener left the change to the first build", productId, COMPLETED);
                assertThat(publications(productId, FAILED)).as("no failure to retry").isZero();
            }
        }
        finally {
            indexer.ensureCurrent();
        }
        var slug = (String) product.get("slug");
        assertThat(api.eventually(marker, found -> found.contains(slug), INDEXED_WITHIN)).as("in the first index")
            .isTrue();
    }

    /**
     * A product a new producer's verified brand in the village publishes, once a search
     * for the marker (in its title) finds it: its slug.
     */
    private String searchableProduct(String villageSlug, String title, String description, String categorySlug,
            String marker) throws Exception {
        var producer = api.api().signUp("PRODUCER");
        var brand = api.verifiedBrand(producer, api.api().signIn(ApiClient.CURATOR), villageSlug);
        var slug = api.publishedSlug(brand, title, description, producer, categorySlug);
        assertThat(api.eventually(marker, found -> found.contains(slug), INDEXED_WITHIN)).as("findable").isTrue();
        return slug;
    }

    private long productId(Map<String, Object> product) {
        return jdbc.sql("select id from product where slug = ?").param(product.get("slug")).query(Long.class).single();
    }

    private void awaitPublications(String what, long productId, String state) {
        await(what).atMost(INDEXED_WITHIN)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> publications(productId, state) > 0);
    }

    private long publications(long productId, String state) {
        return jdbc.sql("""
                select count(*) from event_publication
                where listener_id like 'id.kriyanusa.search.%' and event_type like '%ProductChanged'
                  and serialized_event like ? and
                """ + state).param("%\"productId\":" + productId + ",%").query(Long.class).single();
    }

    @Test
    void anIndexBuiltFromAnotherDefinitionIsRebuilt() throws Exception {
        assertThat(indexer.ensureCurrent()).as("up to date: nothing to do").isFalse();
        var before = index.current().orElseThrow();
        var request = new Request("PUT", "/" + before + "/_mapping");
        request.setJsonEntity("{\"_meta\": {\"mapping_hash\": \"an-older-definition\"}}");
        rest.performRequest(request);
        assertThat(index.upToDate()).isFalse();

        assertThat(indexer.ensureCurrent()).as("rebuilt").isTrue();
        var after = index.current().orElseThrow();
        assertThat(after).isNotEqualTo(before);
        assertThat(index.hashOf(after)).isEqualTo(index.definitionHash());
        assertThat(total(api.search(null, null, null, 1))).isEqualTo(publicCount());
    }

    @Test
    void aStaleWriteNeverOverwritesNewerState() throws Exception {
        var productId = jdbc.sql("select p.id " + PUBLIC + " order by p.id limit 1").query(Long.class).single();
        var title = jdbc.sql("select title_id from product where id = ?").param(productId).query(String.class).single();
        indexer.index(List.of(productId));
        var current = elasticsearch.get(g -> g.index(SearchIndexName.PRODUCTS.alias()).id(productId.toString()),
                Map.class);
        long version = current.version();

        index.write(List.of(Map.of("id", productId, "slug", "usang", "title_id", "Judul usang")), List.of(),
                version - 1);
        index.write(List.of(), List.of(productId), version - 1);

        var after = elasticsearch.get(g -> g.index(SearchIndexName.PRODUCTS.alias()).id(productId.toString()),
                Map.class);
        assertThat(after.found()).isTrue();
        assertThat(after.version()).isEqualTo(version);
        assertThat(after.source().get("title_id")).isEqualTo(title);

        // indexing again is harmless and moves the version on
        indexer.index(List.of(productId));
        var again = elasticsearch.get(g -> g.index(SearchIndexName.PRODUCTS.alias()).id(productId.toString()),
                Map.class);
        assertThat(again.version()).isGreaterThan(version);
        assertThat(again.source().get("title_id")).isEqualTo(title);
    }

    @Test
    void aReindexStartsAtOnceAndSwapsEveryAliasWhileSearchesKeepAnswering() throws Exception {
        var callers = api.api().staffMatrixCallers();
        var reindex = """
                mutation($input: ReindexSearchInput) { reindexSearch(input: $input) {
                  status { reindex { state indices note } } userErrors { code } } }""";
        for (var caller : List.of("anonymous", "buyer", "producer of brand A", "curator")) {
            var expected = caller.equals("anonymous") ? "UNAUTHORIZED" : "FORBIDDEN";
            assertThat(ApiClient.outcome(api.api().mutate(reindex, Map.of("note", "uji"), callers.get(caller)),
                    "reindexSearch"))
                .as(caller)
                .isEqualTo(expected);
            assertThat(ApiClient.outcome(
                    api.api().query("{ searchIndexStatus { indices { index } } }", Map.of(), callers.get(caller)),
                    "searchIndexStatus"))
                .as(caller)
                .isEqualTo(expected);
        }
        var admin = callers.get("admin");

        var before = indices.all()
            .stream()
            .collect(Collectors.toMap(i -> i.index().name(), i -> i.index().current().orElseThrow()));
        var searches = Map.of("searchProducts", "{ searchProducts(query: \"tenun\", first: 5) { totalCount } }",
                "searchBrands", "{ searchBrands(query: \"tenun\", first: 5) { totalCount } }", "searchVillages",
                "{ searchVillages(query: \"tenun\", first: 5) { totalCount } }");
        var expected = new HashMap<String, Integer>();
        for (var search : searches.entrySet()) {
            expected.put(search.getKey(), JsonPath.read(api.api().query(search.getValue(), Map.of(), null),
                    "$.data." + search.getKey() + ".totalCount"));
            assertThat(expected.get(search.getKey())).as(search.getKey()).isPositive();
        }
        var stop = new AtomicBoolean();
        var sent = new AtomicInteger();
        var failures = new CopyOnWriteArrayList<String>();
        var searcher = Thread.ofPlatform().start(() -> {
            var client = new SearchApi(port);
            while (!stop.get()) {
                for (var search : searches.entrySet()) {
                    try {
                        var body = client.api().query(search.getValue(), Map.of(), null);
                        if (SearchApi.hasErrors(body) || !expected.get(search.getKey())
                            .equals(JsonPath.read(body, "$.data." + search.getKey() + ".totalCount"))) {
                            failures.add(body);
                        }
                        sent.incrementAndGet();
                    }
                    catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            }
        });
        String status;
        try {
            // searches are under way when the rebuild starts
            await().until(() -> sent.get() > 0);
            var body = api.api().mutate(reindex, Map.of("note", "uji"), admin);
            assertThat(ApiClient.outcome(body, "reindexSearch")).as(body).isEqualTo("ok");
            assertThat((String) JsonPath.read(body, "$.data.reindexSearch.status.reindex.state"))
                .as("answered while the rebuild runs: %s", body)
                .isEqualTo("RUNNING");
            assertThat((List<String>) JsonPath.read(body, "$.data.reindexSearch.status.reindex.indices"))
                .containsExactly("PRODUCTS", "BRANDS", "VILLAGES");
            var second = api.api().mutate(reindex, Map.of("index", "BRANDS"), admin);
            assertThat(ApiClient.outcome(second, "reindexSearch")).as(second).isEqualTo("userError:RUNNING");

            var query = "{ searchIndexStatus { reindex { state failure } indices { name index upToDate "
                    + "latestRebuild { index previousIndex documents running } } } }";
            status = await("reindex ended").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.api().query(query, Map.of(), admin),
                        answer -> !"RUNNING".equals(JsonPath.read(answer, "$.data.searchIndexStatus.reindex.state")));
            // and a round of searches on the rebuilt indices
            var sentBeforeSwap = sent.get();
            await().until(() -> sent.get() >= sentBeforeSwap + searches.size());
        }
        finally {
            stop.set(true);
            searcher.join();
        }
        assertThat((String) JsonPath.read(status, "$.data.searchIndexStatus.reindex.state")).as(status)
            .isEqualTo("COMPLETED");
        var documents = Map.of(SearchIndexName.PRODUCTS, publicCount(), SearchIndexName.BRANDS,
                jdbc.sql("select count(*) from brand where verification_status = 'VERIFIED'")
                    .query(Long.class)
                    .single(),
                SearchIndexName.VILLAGES, jdbc.sql("select count(*) from village").query(Long.class).single());
        for (var name : SearchIndexName.values()) {
            var current = indices.of(name).index().current().orElseThrow();
            assertThat(current).as("%s alias moved", name).isNotEqualTo(before.get(name));
            List<Map<String, Object>> shown = JsonPath.read(status,
                    "$.data.searchIndexStatus.indices[?(@.name == '" + name + "')]");
            assertThat(shown).singleElement().satisfies(index -> {
                assertThat(index.get("index")).isEqualTo(current);
                assertThat(index.get("upToDate")).isEqualTo(true);
                @SuppressWarnings("unchecked")
                var rebuild = (Map<String, Object>) index.get("latestRebuild");
                assertThat(rebuild.get("index")).isEqualTo(current);
                assertThat(rebuild.get("previousIndex")).isEqualTo(before.get(name));
                assertThat(rebuild.get("running")).isEqualTo(false);
                assertThat(((Number) rebuild.get("documents")).longValue()).isEqualTo(documents.get(name));
            });
            assertThat(elasticsearch.indices().exists(e -> e.index(before.get(name))).value())
                .as("old %s index deleted", name)
                .isFalse();
        }
        assertThat(failures).isEmpty();
        assertThat(sent.get()).isGreaterThan(3);
        assertThat(total(api.search(null, null, null, 1))).isEqualTo(publicCount());
    }

    @Test
    void suggestsProductsBrandsAndVillagesWhileTyping() throws Exception {
        var body = api.api()
            .query("query($prefix: String!) { suggest(prefix: $prefix) { products { slug title { indonesian } } brands "
                    + "villages } }", Map.of("prefix", "kend"), null);
        List<String> titles = JsonPath.read(body, "$.data.suggest.products[*].title.indonesian");
        assertThat(titles).isNotEmpty().allSatisfy(title -> assertThat(title.toLowerCase()).contains("kend"));
        var brands = api.api()
            .query("query($prefix: String!) { suggest(prefix: $prefix) { brands villages } }",
                    Map.of("prefix", "kopera"), null);
        assertThat((List<?>) JsonPath.read(brands, "$.data.suggest.brands")).isNotEmpty();
        var categories = api.api()
            .query("query($prefix: String!) { suggest(prefix: $prefix) { categories { slug "
                    + "name { indonesian english } } } }", Map.of("prefix", "potter"), null);
        assertThat((List<String>) JsonPath.read(categories, "$.data.suggest.categories[*].slug")).contains("gerabah");
    }

    @Test
    void aNewProductsWordsAreCompletedWithinSecondsNotAtTheNextMinutesCount() throws Exception {
        var marker = SearchApi.marker();
        searchableProduct("poto", "Bakul " + marker, "Bakul bambu.", "bambu", marker);

        await().atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertCompletes(marker.substring(0, 7), marker, null));
    }

    @Test
    void shortPrefixesCompleteToVillagesRegionsAndCraftsWithTheTypedPartMarked() throws Exception {
        assertCompletes("lo", "Loyok", "VILLAGE");
        assertCompletes("lom", "Lombok Tengah", "REGENCY");
        assertCompletes("lomb", "Lombok Timur", "REGENCY");
        assertCompletes("sem", "Semoyang", "VILLAGE");
        assertCompletes("suka", "Sukarara", "VILLAGE");
        assertCompletes("pray", "Praya Timur", "DISTRICT");
        assertCompletes("ger", "gerabah", null);
        assertCompletes("ten", "tenun", null);
        assertCompletes("any", "anyaman", null);
        assertCompletes("pott", "pottery", null);
        var gerabah = completions("ger").stream()
            .filter(completion -> "gerabah".equalsIgnoreCase((String) completion.get("text")))
            .findFirst()
            .orElseThrow();
        assertThat(((String) gerabah.get("highlighted")).toLowerCase()).isEqualTo("<em>ger</em>abah");
        // counted once a minute: other tests' products may not be in it yet
        assertThat(((Number) gerabah.get("productCount")).longValue()).isPositive();
        // the most products first
        assertThat(completions("b").stream().map(completion -> ((Number) completion.get("productCount")).longValue()))
            .hasSizeGreaterThan(3)
            .isSortedAccordingTo(Comparator.reverseOrder());
    }

    private void assertCompletes(String prefix, String text, String kind) throws Exception {
        assertThat(completions(prefix)).as(prefix).anySatisfy(completion -> {
            assertThat((String) completion.get("text")).isEqualToIgnoringCase(text);
            if (kind != null) {
                assertThat(completion.get("kind")).isEqualTo(kind);
            }
        });
    }

    private List<Map<String, Object>> completions(String prefix) throws Exception {
        var body = api.api()
            .query("query($prefix: String!) { suggest(prefix: $prefix, first: 20) { completions { text highlighted "
                    + "kind productCount } } }", Map.of("prefix", prefix), null);
        assertThat(SearchApi.hasErrors(body)).as(body).isFalse();
        return JsonPath.read(body, "$.data.suggest.completions");
    }

    @Test
    void facetValuesCarryTheNamesOfCategoriesAndVillages() throws Exception {
        var body = api.api().query("""
                query { searchProducts(query: "gerabah", first: 1) { facets {
                  categories { value label { indonesian english } } villages { value label { indonesian } }
                  materials { value label { indonesian } } } } }""", Map.of(), null);
        List<Map<String, Object>> pottery = JsonPath.read(body,
                "$.data.searchProducts.facets.categories[?(@.value == 'gerabah')].label");
        assertThat(pottery).containsExactly(Map.of("indonesian", "Gerabah", "english", "Pottery"));
        List<String> villages = JsonPath.read(body, "$.data.searchProducts.facets.villages[*].value");
        assertThat(villages).isNotEmpty();
        for (var village : villages) {
            var name = jdbc.sql("select name from village where slug = ?").param(village).query(String.class).single();
            assertThat((List<String>) JsonPath.read(body,
                    "$.data.searchProducts.facets.villages[?(@.value == '" + village + "')].label.indonesian"))
                .containsExactly(name);
        }
        assertThat((List<Object>) JsonPath.read(body, "$.data.searchProducts.facets.materials[*].label"))
            .containsOnlyNulls();
    }

    @Test
    void curatorsSeeWhatVisitorsSearchForWithoutWhoSearched() throws Exception {
        var nothing = SearchApi.marker();
        assertThat(total(api.search(nothing, null, null, 5))).isZero();
        var stats = "query { searchQueryStats(zeroResultsOnly: true, first: 100) { query searches "
                + "zeroResultSearches lastResultCount } }";
        var curator = api.api().signIn(ApiClient.CURATOR);
        List<String> queries = JsonPath.read(api.api().query(stats, Map.of(), curator),
                "$.data.searchQueryStats[*].query");
        assertThat(queries).contains(nothing);
        var buyer = api.api().signIn(ApiClient.BUYER);
        assertThat(ApiClient.outcome(api.api().query(stats, Map.of(), buyer), "searchQueryStats"))
            .isEqualTo("FORBIDDEN");
    }

    // ---- helpers

    private long publicCount() {
        return jdbc.sql("select count(*) " + PUBLIC).query(Long.class).single();
    }

    private long countInCategory(String topLevel) {
        return jdbc.sql("select count(*) " + PUBLIC + """
                and p.category_id in (select c.id from category c where c.slug = ?
                                      or c.parent_id = (select t.id from category t where t.slug = ?))
                """).param(topLevel).param(topLevel).query(Long.class).single();
    }

    private static long facet(String body, String facet, String value) {
        List<Number> counts = JsonPath.read(body,
                "$.data.searchProducts.facets." + facet + "[?(@.value == '" + value + "')].count");
        return counts.isEmpty() ? 0 : counts.getFirst().longValue();
    }

}
