package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.SearchCondition.Kind;
import id.kriyanusa.search.internal.QueryUnderstanding.Condition;
import org.junit.jupiter.api.Test;

/**
 * How buyers type conditions into a query, in Indonesian and English, and what is left to
 * match against product texts.
 */
class QueryUnderstandingTest {

    private static final List<Places.Place> PLACES = List.of(
            new Places.Place(Kind.VILLAGE, "Masbagik Timur", List.of("masbagik", "timur"), "masbagik-timur",
                    List.of("masbagik-timur"), null),
            new Places.Place(Kind.REGENCY, "Central Lombok", List.of("central", "lombok"), "Lombok Tengah", List.of(),
                    null),
            new Places.Place(Kind.REGENCY, "East Lombok", List.of("east", "lombok"), "Lombok Timur", List.of(), null),
            new Places.Place(Kind.REGENCY, "Lombok Timur", List.of("lombok", "timur"), "Lombok Timur", List.of(), null),
            new Places.Place(Kind.DISTRICT, "Praya Timur", List.of("praya", "timur"), "Praya Timur",
                    List.of("semoyang", "beleka"), null),
            new Places.Place(Kind.VILLAGE, "Loyok", List.of("loyok"), "loyok", List.of("loyok"),
                    new ProductSearchFilter.Near(-8.603, 116.433, 15)),
            new Places.Place(Kind.NEAR, "Mataram", List.of("mataram"), "-8.5833,116.1167,15.0", List.of(),
                    new ProductSearchFilter.Near(-8.5833, 116.1167, 15)),
            new Places.Place(Kind.VILLAGE, "Penujak", List.of("penujak"), "penujak", List.of("penujak"), null),
            new Places.Place(Kind.ISLAND, "Lombok Island", List.of("lombok", "island"), "Lombok",
                    List.of("loyok", "penujak"), null));

    private final QueryUnderstanding understanding = new QueryUnderstanding(() -> PLACES);

    @Test
    void readsPriceLimitsAsSellersAndBuyersWriteThem() {
        assertPrice("kendi di bawah 75 ribu", "kendi", Kind.PRICE_MAX, 75_000);
        assertPrice("pottery under 300k", "pottery", Kind.PRICE_MAX, 300_000);
        assertPrice("tenun maks 1 jt", "tenun", Kind.PRICE_MAX, 1_000_000);
        assertPrice("songket maksimal Rp 1.250.000", "songket", Kind.PRICE_MAX, 1_250_000);
        assertPrice("vas < 150rb", "vas", Kind.PRICE_MAX, 150_000);
        assertPrice("kain tenun di atas 1,5 juta", "kain tenun", Kind.PRICE_MIN, 1_500_000);
        assertPrice("bags up to IDR 200000", "bags", Kind.PRICE_MAX, 200_000);
        // a bare number under a thousand is thousands, as sellers write prices
        assertPrice("gerabah di bawah 300", "gerabah", Kind.PRICE_MAX, 300_000);
    }

    @Test
    void wordsAskingForHandmadeThingsAreNoted() {
        assertThat(understanding.understand("kerajinan tangan Loyok").craftsAsked()).isTrue();
        assertThat(understanding.understand("handicrafts from Lombok Timur").craftsAsked()).isTrue();
        assertThat(understanding.understand("kopi dari Loyok").craftsAsked()).isFalse();
        assertThat(understanding.understand("oleh-oleh khas Loyok").craftsAsked()).isFalse();
    }

    @Test
    void aWordJoiningAPlaceWordNamingNoPlaceAloneIsNoWordToMatch() {
        var understood = understanding.understand("woven bag from lombok");
        assertThat(understood.text()).isEqualTo("woven bag lombok");
        assertThat(understood.conditions()).isEmpty();
        assertThat(understanding.understand("kain dari serat nanas").text()).isEqualTo("kain dari serat nanas");
    }

    @Test
    void goodsInGeneralNameNoThing() {
        assertThat(QueryUnderstanding.thingWords("oleh-oleh khas handmade produk umkm desa")).isEmpty();
        assertThat(QueryUnderstanding.thingWords("kerajinan tangan hasil usaha lokal")).isEmpty();
        assertThat(QueryUnderstanding.thingWords("anyaman kenang-kenangan")).containsExactly("anyaman");
        assertThat(QueryUnderstanding.thingWords("souvenir tenun buatan Pringgasela")).containsExactly("tenun",
                "pringgasela");
    }

    @Test
    void readsJakartasAmounts() {
        assertPrice("sandal kulit dibawah cepek", "sandal kulit", Kind.PRICE_MAX, 100_000);
        assertPrice("kaos max goban", "kaos", Kind.PRICE_MAX, 50_000);
        assertPrice("gantungan kunci di bawah goceng", "gantungan kunci", Kind.PRICE_MAX, 5_000);
    }

    @Test
    void readsPriceRanges() {
        var understood = understanding.understand("tas ketak 50-100rb");
        assertThat(understood.text()).isEqualTo("tas ketak");
        assertThat(understood.conditions()).extracting(Condition::kind, Condition::value)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PRICE_MIN, "50000"),
                    org.assertj.core.groups.Tuple.tuple(Kind.PRICE_MAX, "100000"));
        var between = understanding.understand("antara 50 ribu dan 200 ribu anyaman");
        assertThat(between.text()).isEqualTo("anyaman");
        assertThat(between.conditions()).extracting(Condition::value).containsExactly("50000", "200000");
    }

    /**
     * "50 ribuan" is fifty-something thousand; "sekitar", "around" and "about" reach 20%
     * either side.
     */
    @Test
    void readsApproximatePricesAsARange() {
        for (var typed : List.of("gerabah harga 50 ribuan", "gerabah 50 rb-an", "gerabah 50-an ribu", "gerabah 50rb-an",
                "gerabah harga 50ribuan", "gerabah sekitar 50 ribuan")) {
            assertRange(typed, "gerabah", 50_000, 59_999);
        }
        assertRange("songket 1,5 jutaan", "songket", 1_500_000, 1_599_999);
        assertRange("vas 150 ribuan", "vas", 150_000, 159_999);
        for (var typed : List.of("gerabah sekitar 50 ribu", "gerabah around 50k", "gerabah about Rp 50.000",
                "gerabah harga kira-kira 50 rb", "gerabah price around 50000")) {
            assertRange(typed, "gerabah", 40_000, 60_000);
        }
        var understood = understanding.understand("kendi harga 50 ribuan dari Penujak");
        assertThat(understood.conditions()).extracting(Condition::queryWithout)
            .containsExactly("kendi dari Penujak", "kendi dari Penujak", "kendi harga 50 ribuan");
        assertThat(understood.conditions()).extracting(condition -> condition.label().indonesian())
            .containsExactly("Harga ≥ Rp 50.000", "Harga ≤ Rp 59.999", "Desa Penujak");
        // a measure, and a place, are no prices
        assertThat(understanding.understand("vas around 30 cm").conditions()).isEmpty();
        assertCondition("anyaman sekitar Loyok", "anyaman", Kind.NEAR, "-8.603,116.433,15.0");
        // price limits with the same words read as before
        assertPrice("kendi di bawah 50 ribuan", "kendi", Kind.PRICE_MAX, 50_000);
    }

    @Test
    void readsAvailabilityPhrases() {
        assertCondition("anyaman siap kirim", "anyaman", Kind.AVAILABILITY, "READY_STOCK");
        assertCondition("tenun PO", "tenun", Kind.AVAILABILITY, "MADE_TO_ORDER");
        assertCondition("custom order leather bag", "leather bag", Kind.AVAILABILITY, "MADE_TO_ORDER");
        assertCondition("ready stock songket", "songket", Kind.AVAILABILITY, "READY_STOCK");
        assertCondition("sarung pre-order", "sarung", Kind.AVAILABILITY, "MADE_TO_ORDER");
        assertCondition("pot besar terima pesanan", "pot besar", Kind.AVAILABILITY, "MADE_TO_ORDER");
        assertCondition("tenun bisa dipesan", "tenun", Kind.AVAILABILITY, "MADE_TO_ORDER");
        // Javanese and Sundanese
        assertCondition("songket kain pesenan", "songket kain", Kind.AVAILABILITY, "MADE_TO_ORDER");
        assertCondition("batik iso dipesen", "batik", Kind.AVAILABILITY, "MADE_TO_ORDER");
        assertCondition("madu ono stok", "madu", Kind.AVAILABILITY, "READY_STOCK");
        assertCondition("samping aya stok", "samping", Kind.AVAILABILITY, "READY_STOCK");
        // said twice, read once: its chip removes both phrases
        var twice = understanding.understand("custom order rattan lamp on request");
        assertThat(twice.text()).isEqualTo("rattan lamp");
        assertThat(twice.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.phrase()).isEqualTo("custom order, on request");
            assertThat(condition.queryWithout()).isEqualTo("rattan lamp");
        });
        // the whole phrase, so that removing its chip leaves "sarung", not "sarung to
        // ship"
        assertCondition("sarung ready to ship", "sarung", Kind.AVAILABILITY, "READY_STOCK");
        assertCondition("kendi siap dikirim", "kendi", Kind.AVAILABILITY, "READY_STOCK");
    }

    @Test
    void readsPlacesWithTheirJoiningWordsAndEnglishNames() {
        assertCondition("anyaman dari Loyok", "anyaman", Kind.VILLAGE, "loyok");
        assertCondition("gerabah Penujak", "gerabah", Kind.VILLAGE, "penujak");
        assertCondition("woven goods from East Lombok", "woven", Kind.REGENCY, "Lombok Timur");
        assertCondition("gerabah Masbagik Timur", "gerabah", Kind.VILLAGE, "masbagik-timur");
        assertCondition("kerajinan kecamatan Praya Timur", null, Kind.DISTRICT, "Praya Timur");
        var district = understanding.understand("tas praya timur").conditions().getFirst();
        assertThat(district.villageSlugs()).containsExactly("semoyang", "beleka");
    }

    @Test
    void nearAPlaceIsACircleAroundIt() {
        assertCondition("ukiran dekat Mataram", "ukiran", Kind.NEAR, "-8.5833,116.1167,15.0");
        assertCondition("kerajinan mataram", null, Kind.NEAR, "-8.5833,116.1167,15.0");
        // near a village reaches past it; "from" a village does not
        assertCondition("anyaman sekitar Loyok", "anyaman", Kind.NEAR, "-8.603,116.433,15.0");
        assertCondition("anyaman dari Loyok", "anyaman", Kind.VILLAGE, "loyok");
        var near = understanding.understand("baskets near Loyok").conditions().getFirst();
        assertThat(near.label()).isEqualTo(new LocalizedText("Dekat Loyok (15 km)", "Near Loyok (15 km)"));
    }

    @Test
    void aDistanceTypedAfterAPlaceWidensItsCircle() {
        var wider = understanding.understand("anyaman dekat Loyok dalam 25 km").conditions().getFirst();
        assertThat(wider).extracting(Condition::kind, Condition::value, Condition::queryWithout)
            .containsExactly(Kind.NEAR, "-8.603,116.433,25.0", "anyaman");
        assertThat(wider.label()).isEqualTo(new LocalizedText("Dekat Loyok (25 km)", "Near Loyok (25 km)"));
        assertCondition("carvings near Mataram within 50km", "carvings", Kind.NEAR, "-8.5833,116.1167,50.0");
        assertCondition("ukiran dekat Mataram 10 km", "ukiran", Kind.NEAR, "-8.5833,116.1167,10.0");
        // a number that is no distance stays a word
        assertCondition("dekat Mataram 2 kendi", "2 kendi", Kind.NEAR, "-8.5833,116.1167,15.0");
    }

    @Test
    void genericWordsAreLeftOutOnlyWhenSomethingElseRemains() {
        assertCondition("handmade crafts Central Lombok", null, Kind.REGENCY, "Lombok Tengah");
        assertThat(understanding.understand("kerajinan bambu").text()).isEqualTo("bambu");
        assertThat(understanding.understand("kerajinan").text()).isEqualTo("kerajinan");
        // a souvenir of a place is what is made there; wedding souvenirs are a kind of
        // thing
        assertCondition("souvenir dari Penujak", null, Kind.VILLAGE, "penujak");
        assertThat(understanding.understand("souvenir nikahan").text()).isEqualTo("souvenir nikahan");
        assertThat(understanding.understand("souvenir nikahan dari Penujak").text()).isEqualTo("souvenir nikahan");
        // oleh-oleh is a souvenir: of a place, what is made there; for pilgrims, a kind
        assertCondition("oleh-oleh khas Penujak", null, Kind.VILLAGE, "penujak");
        assertThat(understanding.understand("oleh oleh haji umroh").text()).isEqualTo("oleh oleh haji umroh");
        // cheap first narrows nothing: without the words every product would be listed
        assertCondition("oleh-oleh murah", "oleh-oleh", Kind.CHEAP_FIRST, "");
    }

    @Test
    void placesReadAsWordsLoseTheirJoiningWordsButNearStaysACondition() {
        var asWords = understanding.understandPlacesAsWords("anyaman dari desa Penujak di bawah 50 ribu");
        assertThat(asWords.text()).isEqualTo("anyaman Penujak");
        assertThat(asWords.conditions()).extracting(Condition::kind).containsExactly(Kind.PRICE_MAX);
        assertThat(understanding.understandPlacesAsWords("ukiran dekat Mataram").conditions())
            .extracting(Condition::kind)
            .containsExactly(Kind.NEAR);
    }

    @Test
    void priceWordsAskForCheaperProductsFirstWithoutFiltering() {
        assertCondition("gerabah murah", "gerabah", Kind.CHEAP_FIRST, "");
        assertCondition("cheap pottery", "pottery", Kind.CHEAP_FIRST, "");
    }

    @Test
    void eachConditionSaysTheQueryWithoutIt() {
        var understood = understanding.understand("kendi di bawah 75 ribu dari Penujak");
        assertThat(understood.text()).isEqualTo("kendi");
        assertThat(understood.conditions()).extracting(Condition::queryWithout)
            .containsExactly("kendi dari Penujak", "kendi di bawah 75 ribu");
        assertThat(understood.conditions().getFirst().label().indonesian()).isEqualTo("Harga ≤ Rp 75.000");
        assertThat(understood.conditions().getFirst().label().english()).as("rupiah grouped as English writes them")
            .isEqualTo("Price ≤ Rp 75,000");
    }

    @Test
    void plainQueriesAreLeftAsTyped() {
        var understood = understanding.understand("Vas Bunga Gerabah");
        assertThat(understood.text()).isEqualTo("Vas Bunga Gerabah");
        assertThat(understood.conditions()).isEmpty();
        // a number that is not a price stays a word
        assertThat(understanding.understand("kertas A4 isi 10").text()).isEqualTo("kertas A4 isi 10");
        assertThat(understanding.understand("kendi sekitar 1.25.500").conditions()).isEmpty();
    }

    @Test
    void readsPricesAsMarketplaceBuyersTypeThem() {
        // a price for one piece, as every price is
        assertPrice("piring dibawah 100rb/pcs", "piring", Kind.PRICE_MAX, 100_000);
        assertPrice("gelang max 75k per pcs", "gelang", Kind.PRICE_MAX, 75_000);
        assertPrice("souvenir kipas 5rb/biji", "souvenir kipas", Kind.PRICE_MAX, 5_000);
        // the limit after the amount, or in chat spelling
        assertPrice("tas 100rb ke bawah", "tas", Kind.PRICE_MAX, 100_000);
        assertPrice("bag 200k max", "bag", Kind.PRICE_MAX, 200_000);
        assertPrice("songket 2 juta ke atas", "songket", Kind.PRICE_MIN, 2_000_000);
        assertPrice("tas gak sampe 50rb", "tas", Kind.PRICE_MAX, 50_000);
        assertPrice("tas dbwh 100 rebu", "tas", Kind.PRICE_MAX, 100_000);
        assertPrice("kain budget 2jt", "kain", Kind.PRICE_MAX, 2_000_000);
        assertPrice("vas cheaper than 100k", "vas", Kind.PRICE_MAX, 100_000);
        assertPrice("tas dari 20rb", "tas", Kind.PRICE_MIN, 20_000);
        assertRange("tas dari 20rb sampai 50rb", "tas", 20_000, 50_000);
        // an amount of money alone is what the buyer means to spend at most
        assertPrice("tas ketak 150rb", "tas ketak", Kind.PRICE_MAX, 150_000);
        assertPrice("kain songket 1,5 juta aja", "kain songket", Kind.PRICE_MAX, 1_500_000);
        assertPrice("tas IDR 150k", "tas", Kind.PRICE_MAX, 150_000);
        // "in the three hundreds" after "kisaran": thousands, as a bare number after a
        // price
        // word is
        assertRange("tas kisaran 300an", "tas", 300_000, 399_999);
        // no word of the price is left to match
        assertRange("tas budget 300-500rb", "tas", 300_000, 500_000);
        assertRange("kisaran 300-500rb songket", "songket", 300_000, 500_000);
        assertRange("tas 100rb sampai 200rb", "tas", 100_000, 200_000);
        assertPrice("tas budget cuma 100rb", "tas", Kind.PRICE_MAX, 100_000);
        assertPrice("gelang ga nyampe 50rb", "gelang", Kind.PRICE_MAX, 50_000);
        assertPrice("tas seharga 100rb", "tas", Kind.PRICE_MAX, 100_000);
        assertPrice("tas harganya 100rb", "tas", Kind.PRICE_MAX, 100_000);
        assertPrice("start from 50k woven bag", "woven bag", Kind.PRICE_MIN, 50_000);
        assertPrice("priced under $20 bag", "bag", Kind.PRICE_MAX, in("usd", 20));
        // rupiah written without a unit, as shops write them
        assertPrice("tas ketak 150.000", "tas ketak", Kind.PRICE_MAX, 150_000);
        assertPrice("songket 500000", "songket", Kind.PRICE_MAX, 500_000);
        // a year is no price
        assertThat(understanding.understand("tenun dari 2019").conditions()).isEmpty();
    }

    @Test
    void readsAmountsSpeltOut() {
        assertPrice("tas dibawah seratus ribu", "tas", Kind.PRICE_MAX, 100_000);
        assertPrice("songket kurang dari satu setengah juta", "songket", Kind.PRICE_MAX, 1_500_000);
        assertPrice("kendi di bawah dua ratus lima puluh ribu", "kendi", Kind.PRICE_MAX, 250_000);
        assertPrice("tenun maksimal sejuta", "tenun", Kind.PRICE_MAX, 1_000_000);
        assertPrice("madu lima belas ribu", "madu", Kind.PRICE_MAX, 15_000);
        assertPrice("sejuta setengah songket", "songket", Kind.PRICE_MAX, 1_500_000);
        assertPrice("songket satu juta setengah", "songket", Kind.PRICE_MAX, 1_500_000);
        assertRange("kendi seratus ribuan", "kendi", 100_000, 199_999);
        // a number word that counts things stays a word
        assertThat(understanding.understand("kursi dua").text()).isEqualTo("kursi dua");
    }

    /** An island is its villages, and says so in both languages. */
    @Test
    void readsAnIsland() {
        var understood = understanding.understand("pottery from Lombok island");
        assertThat(understood.text()).isEqualTo("pottery");
        assertThat(understood.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.kind()).isEqualTo(Kind.ISLAND);
            assertThat(condition.villageSlugs()).containsExactly("loyok", "penujak");
            assertThat(condition.label()).isEqualTo(new LocalizedText("Pulau Lombok", "Lombok Island"));
        });
    }

    /**
     * Buyers from Malaysia, Brunei and Singapore price in ringgit and Singapore dollars.
     */
    @Test
    void readsRinggitAndSingaporeDollars() {
        var ringgit = understanding.understand("beg tangan bawah RM50");
        assertThat(ringgit.text()).isEqualTo("beg tangan");
        assertThat(ringgit.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.value()).isEqualTo(Long.toString(in("myr", 50)));
            assertThat(condition.label().indonesian()).isEqualTo("Harga ≤ Rp 185.000 (RM50)");
        });
        assertPrice("capal kulit RM 120", "capal kulit", Kind.PRICE_MAX, in("myr", 120));
        assertPrice("sarung kurang daripada 80 ringgit", "sarung", Kind.PRICE_MAX, in("myr", 80));
        assertPrice("songket below S$100", "songket", Kind.PRICE_MAX, in("sgd", 100));
        assertPrice("basket under 30 SGD", "basket", Kind.PRICE_MAX, in("sgd", 30));
        // a roadside restaurant ("rumah makan") is no currency without an amount
        var restaurant = understanding.understand("rm padang");
        assertThat(restaurant.text()).isEqualTo("rm padang");
        assertThat(restaurant.conditions()).isEmpty();
    }

    /**
     * Visitors from Japan, Korea, China and Britain price in their own money, by its sign
     * or its name, before or after the amount; buyers from Java and West Java write
     * thousands and limits in Javanese and Sundanese.
     */
    @Test
    void readsMoreVisitorsMoneyAndJavaneseAndSundaneseLimits() {
        var yen = understanding.understand("incense holder within 3000 yen");
        assertThat(yen.text()).isEqualTo("incense holder");
        assertThat(yen.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.value()).isEqualTo(Long.toString(in("jpy", 3_000)));
            assertThat(condition.label().english()).isEqualTo("Price ≤ Rp 324,000 (¥3000)");
        });
        assertPrice("scarf under ¥5000", "scarf", Kind.PRICE_MAX, in("jpy", 5_000));
        assertPrice("scarf 5000円", "scarf", Kind.PRICE_MAX, in("jpy", 5_000));
        assertPrice("mat under 30000 won", "mat", Kind.PRICE_MAX, 345_000);
        assertPrice("mat below ₩30,000", "mat", Kind.PRICE_MAX, 345_000);
        assertPrice("vase under 100 yuan", "vase", Kind.PRICE_MAX, in("cny", 100));
        assertPrice("basket under £20", "basket", Kind.PRICE_MAX, in("gbp", 20));
        assertPrice("basket less than 20 pounds", "basket", Kind.PRICE_MAX, in("gbp", 20));
        assertPrice("tas ketak budget 150 ewu", "tas ketak", Kind.PRICE_MAX, 150_000);
        assertPrice("kendi ngisor 50 ewu", "kendi", Kind.PRICE_MAX, 50_000);
        assertPrice("samping kirang ti 300 rebu", "samping", Kind.PRICE_MAX, 300_000);
        assertPrice("tas di handap 200 rebu", "tas", Kind.PRICE_MAX, 200_000);
        assertPrice("songket leuwih ti 1 juta", "songket", Kind.PRICE_MIN, 1_000_000);
        // a won without an amount is a word
        assertThat(understanding.understand("won award songket").conditions()).isEmpty();
    }

    /** A tourist's dollars are not thousands of rupiah. */
    @Test
    void readsUsDollarsAtTheConfiguredRate() {
        var configured = new QueryUnderstanding(() -> PLACES, Map.of("usd", BigDecimal.valueOf(16_000)));
        var understood = configured.understand("basket under $20");
        // the other currencies keep their usual rates
        assertThat(configured.understand("basket under €20").conditions()).extracting(Condition::value)
            .containsExactly(Long.toString(in("eur", 20)));
        assertThatIllegalArgumentException().isThrownBy(() -> new ExchangeRates(Map.of("jpy", BigDecimal.ZERO)))
            .withMessageContaining("rupiah-per.jpy");
        assertThat(understood.text()).isEqualTo("basket");
        assertThat(understood.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.value()).isEqualTo("320000");
            assertThat(condition.label().english()).isEqualTo("Price ≤ Rp 320,000 (US$20)");
        });
        var dollars = understanding.understand("sarong less than 30 dollars");
        assertThat(dollars.text()).isEqualTo("sarong");
        assertThat(dollars.conditions()).extracting(Condition::value).containsExactly(Long.toString(in("usd", 30)));
        assertThat(understanding.understand("mask 25$").conditions()).extracting(Condition::value)
            .containsExactly(Long.toString(in("usd", 25)));
        assertPrice("gift under $ 20", "gift", Kind.PRICE_MAX, in("usd", 20));
        assertPrice("gift under €20", "gift", Kind.PRICE_MAX, in("eur", 20));
        assertPrice("sarong under 30 AUD", "sarong", Kind.PRICE_MAX, in("aud", 30));
        assertPrice("bag US$ 15", "bag", Kind.PRICE_MAX, in("usd", 15));
        // a range in dollars is in dollars at both ends, and says so
        var range = understanding.understand("basket $20-40");
        assertThat(range.text()).isEqualTo("basket");
        assertThat(range.conditions()).extracting(condition -> condition.label().english())
            .containsExactly("Price ≥ Rp 330,000 (US$20)", "Price ≤ Rp 660,000 (US$40)");
        assertRange("bag between $10 and $30", "bag", in("usd", 10), in("usd", 30));
        assertRange("bag 20-30$", "bag", in("usd", 20), in("usd", 30));
    }

    /** Sizes are no prices: South Sea pearls are sold by millimetres. */
    @Test
    void aSizeIsNotReadAsAPrice() {
        for (var typed : List.of("kalung mutiara 9-10 mm", "kalung 45 cm", "madu 500 ml", "tikar 2 x 3 m",
                "mutiara 9 - 10 mm", "kain tenun 2m")) {
            assertThat(understanding.understand(typed).conditions()).as(typed).isEmpty();
            assertThat(understanding.understand(typed).text()).as(typed).isEqualTo(typed);
        }
    }

    private void assertRange(String query, String text, long low, long high) {
        var understood = understanding.understand(query);
        assertThat(understood.text()).as(query).isEqualTo(text);
        assertThat(understood.conditions()).as(query)
            .extracting(Condition::kind, Condition::value)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.PRICE_MIN, Long.toString(low)),
                    org.assertj.core.groups.Tuple.tuple(Kind.PRICE_MAX, Long.toString(high)));
    }

    /** An amount of foreign money at its usual rate, in rupiah. */
    private static long in(String currency, long amount) {
        return ExchangeRates.USUAL.get(currency).multiply(BigDecimal.valueOf(amount)).longValue();
    }

    private void assertPrice(String query, String text, Kind kind, long rupiah) {
        assertCondition(query, text, kind, Long.toString(rupiah));
    }

    private void assertCondition(String query, String text, Kind kind, String value) {
        var understood = understanding.understand(query);
        assertThat(understood.text()).as(query).isEqualTo(text);
        assertThat(understood.conditions()).as(query)
            .anySatisfy(condition -> assertThat(condition).extracting(Condition::kind, Condition::value)
                .containsExactly(kind, value));
    }

}
