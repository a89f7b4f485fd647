package id.kriyanusa.search.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.Rupiah;
import id.kriyanusa.search.SearchCondition.Kind;
import id.kriyanusa.village.RegencyNames;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the conditions buyers type into a query, in Indonesian and English, before the
 * rest is matched against product texts: price limits ("di bawah 75 ribu", "under 300k",
 * "maks 1 jt", "antara 50-100rb"), approximate prices ("harga 50 ribuan", "sekitar 50
 * ribu", "around 50k"), availability ("siap kirim", "ready stock", "PO", "custom order"),
 * places ("dari Loyok", "gerabah Penujak", "from East Lombok", "dekat Loyok dalam 25 km")
 * and price words ("murah", "cheap"). Words that name no product ("kerajinan",
 * "handmade") are left out of the matching when other words or conditions remain: they
 * matched category names and ranked unrelated products first (issue 16).
 * <p>
 * A bare number after a price word is read as thousands when below 1,000 ("di bawah 300"
 * is Rp 300.000, as sellers write it); otherwise as rupiah.
 * <p>
 * An approximate price is a range of two limits, as "antara 50-100rb" is. "50 ribuan"
 * (also "50 rb-an", "50-an ribu", "1,5 jutaan") says the price's first digits, as
 * Indonesians speak of "the fifty thousands": from the amount to just under the next step
 * of its last digit typed, 50 ribuan is Rp 50.000 to 59.999, 150 ribuan Rp 150.000 to
 * 159.999, 1,5 jutaan Rp 1.500.000 to 1.599.999. "Sekitar 50 ribu", "around 50k" and
 * "about Rp 50.000" say a price near the amount: 20% either side, Rp 40.000 to 60.000.
 * Without "-an", the amount must say it is money (a unit, "Rp", or 1,000 and more), so
 * "around 30 cm" stays words.
 * <p>
 * An amount of money typed alone is what the buyer means to spend at most ("tas 50rb",
 * "kain 1,5 juta"), as is one followed by "ke bawah", "max" or "aja"; "ke atas" or "or
 * more" after it is the least. "/pcs", "per biji" or "each" after it change nothing:
 * prices are per piece. An amount followed by a measure ("mutiara 9-10 mm", "45 cm") is a
 * size, not a price, unless it says it is money. Amounts may be spelt out ("seratus
 * ribu", "satu setengah juta"), or in the money of visitors ("under $20", "$20-40", "30
 * AUD", "€15"), changed into rupiah at rates the portal is configured with and shown as
 * both on the chip. Words around a price ("budget", "kisaran", "seharga", "cuma") are not
 * left to match.
 */
@Component
public class QueryUnderstanding {

    /** What a query says: the words to match (null when none) and its conditions. */
    public record Understood(String text, List<Condition> conditions, boolean craftsAsked) {
    }

    /**
     * One condition: its kind, the phrase as typed, its value, its label and the query
     * without the phrase.
     */
    public record Condition(Kind kind, String phrase, String value, LocalizedText label, String queryWithout,
            List<String> villageSlugs) {
    }

    private static final List<List<String>> AT_MOST = phrases("di bawah", "dibawah", "kurang dari", "maksimal",
            "maksimum", "maks", "max", "<", "<=", "≤", "under", "below", "up to", "less than", "at most", "sampai",
            "hingga", "tidak lebih dari", "tak lebih dari", "paling mahal", "dbwh", "dibwh", "dbawah", "kurang dr",
            "krg dari", "sampe", "gak sampai", "gak sampe", "ga sampai", "ga sampe", "nggak sampai", "nggak sampe",
            "ngga sampe", "gk sampe", "tidak sampai", "tak sampai", "ga nyampe", "gak nyampe", "nggak nyampe",
            "gk nyampe", "tidak nyampe", "cheaper than", "lower than", "no more than", "not more than", "budget",
            "bujet", "budget max", "budget maks", "max budget", "dana", "anggaran", "cuma", "hanya", "budget cuma",
            "budget hanya", "bawah", "kurang daripada", "within", "until", "till", "not over", "not exceeding",
            "maximum", "ngisor", "ing ngisor", "kurang saka", "kurang seko", "ora luwih saka", "ora luwih seko",
            "paling larang", "di handap", "handapeun", "kirang ti", "kurang ti", "teu leuwih ti", "di beten", "unter",
            "bis", "onder", "tot", "moins de");

    private static final List<List<String>> AT_LEAST = phrases("di atas", "diatas", "lebih dari", "minimal", "minimum",
            "min", ">", ">=", "≥", "above", "over", "more than", "at least", "mulai", "mulai dari", "from", "dari",
            "start from", "starting from", "starting at", "start at", "mulai harga", "atas", "lebih daripada",
            "luwih saka", "luwih seko", "leuwih ti", "di luhur", "ndhuwur", "nduwur");

    /**
     * Limits that also join a place or a year ("dari Loyok", "from 2019"): prices only
     * before money.
     */
    private static final Set<String> ALSO_NOT_PRICES = Set.of("dari", "from");

    /** Words after an amount making it the most ("100rb ke bawah", "200k max"). */
    private static final List<List<String>> AT_MOST_AFTER = phrases("ke bawah", "kebawah", "max", "maks", "maksimal",
            "or less", "and below", "or below", "and under", "or under", "aja", "saja", "doang");

    /** Words after an amount making it the least ("1 juta ke atas", "500k or more"). */
    private static final List<List<String>> AT_LEAST_AFTER = phrases("ke atas", "keatas", "or more", "and above",
            "and up", "plus");

    /** Words for one piece of what is sold. */
    private static final List<String> PIECES = List.of("pcs", "pc", "biji", "buah", "unit", "item", "lembar", "pasang",
            "set", "ea", "piece");

    /**
     * Words after a price saying it is for one piece, as prices are: "pcs", "/pcs", "per
     * biji", "perbiji", "each", "satuan".
     */
    private static final List<List<String>> PER_PIECE = phrases(Stream
        .concat(PIECES.stream().flatMap(piece -> Stream.of(piece, "per " + piece, "per" + piece)),
                Stream.of("satuan", "each", "a piece"))
        .toArray(String[]::new));

    /**
     * Words a unit's pattern takes that stand alone as other words: "kan", "m" (metres).
     */
    private static final Set<String> NOT_UNITS = Set.of("kan", "m");

    /** What a number before it measures, when it is not money: "9-10 mm" pearls. */
    private static final Set<String> MEASURES = Set.of("mm", "cm", "m", "meter", "ml", "l", "liter", "litre", "gr",
            "gram", "g", "kg", "kilo", "ons", "oz", "inch", "inci", "cc", "x", "watt", "tahun", "th", "bulan", "hari",
            "orang", "pcs", "lembar", "helai", "pasang");

    /** Names of foreign money before or after an amount, and the currency they name. */
    private static final Map<List<String>, String> CURRENCY_NAMES = currencyNames();

    /** Each currency's sign on a chip, by its code. */
    private static final Map<String, String> SIGNS = Map.of("usd", "US$", "eur", "€", "aud", "A$", "myr", "RM", "sgd",
            "S$", "gbp", "£", "jpy", "¥", "krw", "₩", "cny", "CN¥");

    /**
     * Foreign money a visitor may price in: its sign on a chip and its worth in rupiah.
     */
    private record Currency(String sign, BigDecimal rupiah) {
    }

    /** A currency named at a place in the query, and the tokens naming it. */
    private record Named(String code, int tokens) {
    }

    private static final List<List<String>> RANGE_START = phrases("antara", "between", "harga", "dari", "mulai",
            "kisaran", "kisaran harga", "sekitar", "budget", "bujet", "range", "price range", "harganya", "hrg",
            "seharga");

    /** Words before an approximate price ("sekitar 50 ribu", "around 50k"). */
    private static final List<List<String>> ABOUT = phrases("sekitar", "kira-kira", "kira kira", "kurang lebih",
            "kisaran", "kisaran harga", "around", "about", "approximately", "approx", "roughly", "circa");

    /** Words naming a price before an amount ("harga 50 ribuan", "price around 50k"). */
    private static final List<List<String>> PRICE_WORDS = phrases("harga", "seharga", "price", "priced", "harganya",
            "hrg");

    /**
     * How far either side of an amount "sekitar" (about) reaches, as a fraction of it.
     */
    private static final double ABOUT_MARGIN = 0.2;

    /** Words before a distance after a place ("dekat Loyok dalam 25 km"). */
    private static final List<List<String>> WITHIN = phrases("dalam", "dalam radius", "radius", "sejauh", "within",
            "in");

    private static final Set<String> KILOMETRES = Set.of("km", "kilometer", "kilometers", "kilometre", "kilometres");

    /**
     * The farthest distance read after a place, in kilometres: about Sumbawa's length.
     */
    private static final int FARTHEST_KM = 200;

    private static final Set<String> RANGE_JOINS = Set.of("dan", "sampai", "hingga", "-", "s/d", "sd", "and", "to");

    private static final List<List<String>> READY = phrases("siap kirim", "ready stock", "ready stok", "stok ada",
            "stock ada", "ada stok", "in stock", "langsung kirim", "siap stok", "ready to ship", "ready to send",
            "ships now", "siap dikirim", "siap antar", "ready", "tersedia", "ono stok", "enek stok", "onok stok",
            "aya stok", "stok aya", "sayagi");

    private static final List<List<String>> MADE_TO_ORDER = phrases("made to order", "dibuat sesuai pesanan",
            "sesuai pesanan", "pesanan khusus", "pesan khusus", "custom order", "bisa custom", "pre order", "pre-order",
            "preorder", "by order", "pesan dulu", "custom", "po", "terima pesanan", "menerima pesanan", "bisa pesan",
            "bisa dipesan", "terima order", "open order", "open po", "on request", "made on request", "pesenan",
            "bisa pesen", "bisa dipesen", "iso dipesen", "iso pesen", "saged dipesen", "tiasa dipesen", "pesen dulu");

    private static final List<List<String>> CHEAP = phrases("paling murah", "termurah", "murah", "murmer", "cheapest",
            "cheap", "affordable", "terjangkau", "inexpensive", "low price", "harga miring");

    private static final List<List<String>> PLACE_JOINS = phrases("buatan", "made in", "asal", "dari", "from", "in",
            "di");

    private static final List<List<String>> NEAR_JOINS = phrases("dekat", "dekat dengan", "sekitar", "di sekitar",
            "near", "around", "close to", "nearby");

    private static final Set<String> PLACE_KINDS = Set.of("desa", "kecamatan", "kec", "kabupaten", "kab", "village",
            "district", "regency");

    /** Words that name no product; left out when other words or conditions remain. */
    private static final List<List<String>> GENERIC = phrases("buatan tangan", "kerajinan", "kerajinan tangan", "kriya",
            "karya", "handmade", "handcrafted", "hand made", "craft", "crafts", "handicraft", "handicrafts", "produk",
            "product", "products", "barang", "brg", "umkm", "goods", "items", "khas", "asli", "original", "harga",
            "price", "aja", "saja", "doang", "priced", "seharga", "harganya", "hrg");

    /**
     * Words for something to take home or give: alone with a place they name no product
     * ("souvenir Mandalika" is what is made there); with other words they name a kind of
     * thing ("souvenir nikahan" are wedding favours, "oleh-oleh haji" what pilgrims bring
     * home), and stay.
     */
    private static final List<List<String>> KEEPSAKES = phrases("souvenir", "souvenirs", "suvenir", "cenderamata",
            "cinderamata", "buah tangan", "keepsake", "keepsakes", "oleh oleh", "oleh-oleh", "oleh2");

    /**
     * Words of who makes goods and where, beside goods in general: with a place ("hasil
     * usaha desa Loyok") they too ask for what is made there.
     */
    private static final List<List<String>> MAKING = phrases("usaha", "ikm", "hasil", "lokal", "local", "made",
            "buatan", "kenang-kenangan", "kenangan");

    /**
     * Words asking for things made by hand: the products of a place that are crafts come
     * before its foods ("kerajinan tangan Pringgasela" is its weaving, not its coffee).
     */
    private static final List<List<String>> CRAFTS = phrases("kerajinan", "kriya", "buatan tangan", "handmade",
            "handcrafted", "hand made", "craft", "crafts", "handicraft", "handicrafts");

    private static final String NUMBER = Rupiah.NUMBER;

    private static final Map<String, Integer> SPELT_DIGITS = Map.of("satu", 1, "dua", 2, "tiga", 3, "empat", 4, "lima",
            5, "enam", 6, "tujuh", 7, "delapan", 8, "sembilan", 9);

    /** Spelt numbers with "se-" (one): "seratus" is a hundred. */
    private static final Map<String, Integer> SPELT_TENS = Map.of("sepuluh", 10, "sebelas", 11, "seratus", 100);

    /**
     * "Seribu" (a thousand; Javanese "sewu", Sundanese "sarebu") and "sejuta" (a
     * million); Jakarta's amounts from Hokkien: "goceng" 5,000, "ceban" 10,000, "goban"
     * 50,000, and "cepek" and "gopek" (100 and 500), which in a price nobody asks under
     * are a hundred and five hundred thousand.
     */
    private static final Map<String, Integer> SPELT_SCALES = Map.ofEntries(Map.entry("seribu", 1_000),
            Map.entry("sewu", 1_000), Map.entry("sarebu", 1_000), Map.entry("sejuta", 1_000_000),
            Map.entry("seceng", 1_000), Map.entry("ceceng", 1_000), Map.entry("goceng", 5_000),
            Map.entry("ceban", 10_000), Map.entry("goban", 50_000), Map.entry("cepek", 100_000),
            Map.entry("cepekceng", 100_000), Map.entry("gopek", 500_000));

    private static final String UNIT = Rupiah.UNIT + "?";

    /**
     * An amount in one token: "75rb", "Rp75.000", "1,5jt", "300k"; with "-an" for an
     * approximate one: "50ribuan", "50rb-an", "50-an" (its unit in the next token).
     */
    private static final Pattern AMOUNT = Pattern.compile("(rp\\.?|idr)?" + NUMBER + "(-?an)?" + UNIT + "(-?an)?");

    /** A unit in a token of its own: "ribu", "rb", "ribuan", "rb-an", "juta", "jt-an". */
    private static final Pattern UNIT_TOKEN = Pattern.compile(Rupiah.UNIT + "(-?an)?");

    /** A distance in one token: "25km". */
    private static final Pattern DISTANCE = Pattern.compile("(\\d{1,3})(km)?");

    /** A range in one token: "50-100rb", "50rb-100rb". */
    private static final Pattern RANGE = Pattern
        .compile("(?:rp\\.?|idr)?" + NUMBER + UNIT + "-(?:rp\\.?|idr)?" + NUMBER + UNIT);

    private static final Pattern TOKEN = Pattern.compile("[<>≤≥]=?|[^\\s<>≤≥]+");

    /** An amount and what it is for in one token: "100rb/pcs", "75k/pc". */
    private static final Pattern PER_PIECE_SUFFIX = Pattern
        .compile("(?i)(\\S*\\d\\S*)/(" + String.join("|", PIECES) + ")");

    /** A currency's sign alone ("$ 20"). */
    private static final Pattern SIGN = Pattern.compile("(?i)us\\$|au\\$|a\\$|s\\$|\\$|€|£|cn¥|¥|₩|円|원|元");

    /**
     * A currency's sign before ("$20", "US$20", "€15", "$20-40") or after ("20$") a
     * number or range, in one token.
     */
    private static final Pattern SIGNED = Pattern
        .compile("(?i)(us\\$|au\\$|a\\$|s\\$|\\$|€|£|cn¥|¥|₩|rm)(\\d[\\d.,]*(?:-\\d[\\d.,]*)?[a-z]*)"
                + "|(\\d[\\d.,]*(?:-\\d[\\d.,]*)?[a-z]*)(\\$|€|£|¥|₩|円|원|元)");

    private final Supplier<List<Places.Place>> places;

    private final Map<String, Currency> currencies;

    @Autowired
    QueryUnderstanding(Places places, ExchangeRates rates) {
        this(places::all, rates.rupiahPer());
    }

    /** With these places, longest names first, and the usual rates. */
    QueryUnderstanding(Supplier<List<Places.Place>> places) {
        this(places, ExchangeRates.USUAL);
    }

    /** With these rupiah to a unit of foreign money, by its code, the rest as usual. */
    QueryUnderstanding(Supplier<List<Places.Place>> places, Map<String, BigDecimal> rupiahPer) {
        this.places = places;
        this.currencies = new ExchangeRates(rupiahPer).rupiahPer()
            .entrySet()
            .stream()
            .filter(rate -> SIGNS.containsKey(rate.getKey()))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                    rate -> new Currency(SIGNS.get(rate.getKey()), rate.getValue())));
    }

    /** A token of the query: where it is in the text, and its folded form. */
    private record Token(int start, int end, String folded) {
    }

    /**
     * An amount read from tokens: the number and unit as typed, the tokens it took,
     * whether it was written as money (a unit, "Rp", "IDR", "rupiah" or a foreign
     * currency) and whether approximately ("50 ribuan", "50-an ribu"); in rupiah, and the
     * foreign currency it was typed in (else null).
     */
    private record Amount(String number, String unit, int tokens, boolean money, boolean roughly, long rupiah,
            Currency currency) {

        /** The amount as typed in a foreign currency ("US$20"), else null. */
        String foreign() {
            return currency == null ? null
                    : currency.sign() + Rupiah.value(number, unit).stripTrailingZeros().toPlainString();
        }

        /** Whether it can only be a price: "around 30" might be centimetres. */
        boolean sayingItIsMoney() {
            return money || Rupiah.value(number, null).compareTo(BigDecimal.valueOf(1_000)) >= 0;
        }

    }

    public Understood understand(String query) {
        return understand(query, false);
    }

    /**
     * The query read with the villages, districts and regencies it names as words to
     * match, not conditions: for a place where nothing is made yet, whose name a
     * product's text may still have ("anyaman dari perajin Loyok"). The words joining a
     * place ("dari", "from") are left out with it. "Near" a place stays a condition.
     */
    public Understood understandPlacesAsWords(String query) {
        return understand(query, true);
    }

    private Understood understand(String query, boolean placesAsWords) {
        if (query == null) {
            return new Understood(null, List.of(), false);
        }
        var tokens = tokens(query);
        var conditions = new ArrayList<Condition>();
        var kept = new ArrayList<Token>();
        var named = placeWords();
        int i = 0;
        while (i < tokens.size()) {
            int used = readCondition(query, tokens, i, conditions);
            if (used > 0 && placesAsWords && conditions.getLast().kind().isPlace()
                    && conditions.getLast().kind() != Kind.NEAR) {
                conditions.removeLast();
                tokens.subList(i, i + used).stream().filter(token -> named.contains(token.folded())).forEach(kept::add);
            }
            int join = used > 0 ? 0 : matchAny(tokens, i, PLACE_JOINS);
            if (used > 0) {
                i += used;
            }
            else if (join > 0 && i + join < tokens.size() && named.contains(tokens.get(i + join).folded())) {
                // "from" before a word of places that names none alone ("bag from
                // Lombok"): no product has it, the place's word stays to match
                i += join;
            }
            else {
                kept.add(tokens.get(i));
                i++;
            }
        }
        // "murah" narrows nothing: "oleh-oleh murah" still asks for oleh-oleh
        var words = withoutGenericWords(kept,
                conditions.stream().anyMatch(condition -> condition.kind() != Kind.CHEAP_FIRST));
        var text = String.join(" ", words.stream().map(token -> query.substring(token.start(), token.end())).toList());
        boolean craftsAsked = IntStream.range(0, tokens.size()).anyMatch(at -> matchAny(tokens, at, CRAFTS) > 0);
        return new Understood(text.isBlank() ? null : text, saidOnce(conditions), craftsAsked);
    }

    /**
     * The conditions, one said twice ("custom order rattan lamp on request") as one,
     * whose removal removes both phrases: two chips alike, each leaving the other,
     * misled.
     */
    private static List<Condition> saidOnce(List<Condition> conditions) {
        var once = new ArrayList<Condition>();
        for (var condition : conditions) {
            var same = once.stream()
                .filter(earlier -> earlier.kind() == condition.kind() && earlier.value().equals(condition.value()))
                .findFirst();
            if (same.isEmpty()) {
                once.add(condition);
                continue;
            }
            var first = same.get();
            var without = first.queryWithout().replaceFirst(Pattern.quote(condition.phrase()), " ").strip();
            once.set(once.indexOf(first), new Condition(first.kind(), first.phrase() + ", " + condition.phrase(),
                    first.value(), first.label(), without.replaceAll("\\s+", " "), first.villageSlugs()));
        }
        return List.copyOf(once);
    }

    /** Reads a condition starting at token {@code i}; the tokens it took, or 0. */
    private int readCondition(String query, List<Token> tokens, int i, List<Condition> conditions) {
        int used;
        if ((used = readRange(query, tokens, i, conditions)) > 0) {
            return used;
        }
        for (var limit : List.of(Kind.PRICE_MAX, Kind.PRICE_MIN)) {
            var words = limit == Kind.PRICE_MAX ? AT_MOST : AT_LEAST;
            int phrase = matchAny(tokens, i, words);
            if (phrase > 0) {
                var amount = amount(tokens, i + phrase);
                boolean ambiguous = phrase == 1 && ALSO_NOT_PRICES.contains(tokens.get(i).folded());
                if (amount != null && (!ambiguous || amount.money() || looksLikeRupiah(amount))) {
                    used = phrase + amount.tokens();
                    conditions.add(price(query, tokens, i, used, limit, amount));
                    return used;
                }
            }
        }
        if ((used = readApproximatePrice(query, tokens, i, conditions)) > 0) {
            return used;
        }
        if ((used = readAmountAlone(query, tokens, i, conditions)) > 0) {
            return used;
        }
        for (var availability : ProductAvailability.values()) {
            int phrase = matchAny(tokens, i, availability == ProductAvailability.READY_STOCK ? READY : MADE_TO_ORDER);
            if (phrase > 0) {
                conditions.add(condition(query, tokens, i, phrase, Kind.AVAILABILITY, availability.name(),
                        availability == ProductAvailability.READY_STOCK
                                ? new LocalizedText("Siap kirim", "Ready to ship")
                                : new LocalizedText("Dibuat sesuai pesanan", "Made to order"),
                        List.of()));
                return phrase;
            }
        }
        int cheap = matchAny(tokens, i, CHEAP);
        if (cheap > 0) {
            conditions.add(condition(query, tokens, i, cheap, Kind.CHEAP_FIRST, "",
                    new LocalizedText("Yang murah diutamakan", "Lower prices first"), List.of()));
            return cheap;
        }
        return readPlace(query, tokens, i, conditions);
    }

    private int readRange(String query, List<Token> tokens, int i, List<Condition> conditions) {
        int start = matchAny(tokens, i, RANGE_START);
        int at = i + start;
        var before = currencyAt(tokens, at);
        int signed = at + (before == null ? 0 : before.tokens());
        if (signed < tokens.size()) {
            Matcher one = RANGE.matcher(tokens.get(signed).folded());
            var after = before == null ? currencyAt(tokens, signed + 1) : null;
            var currency = before != null ? before : after;
            boolean size = currency == null && one.matches() && one.group(2) == null && one.group(4) == null
                    && !tokens.get(signed).folded().matches("(rp|idr).*") && measured(tokens, signed + 1);
            if (one.matches() && !size) {
                int used = signed - i + 1 + (after == null ? 0 : after.tokens());
                var highUnit = one.group(4);
                var lowUnit = one.group(2) != null ? one.group(2) : highUnit;
                if (currency != null) {
                    var money = currencies.get(currency.code());
                    addRange(query, tokens, i, used, inForeign(one.group(1), lowUnit, money, 0),
                            inForeign(one.group(3), highUnit, money, 0), conditions);
                }
                else {
                    addRange(query, tokens, i, used, rupiah(one.group(1), lowUnit), rupiah(one.group(3), highUnit),
                            conditions);
                }
                return used;
            }
        }
        var low = amount(tokens, at);
        if (low == null || at + low.tokens() >= tokens.size()
                || !RANGE_JOINS.contains(tokens.get(at + low.tokens()).folded())) {
            return 0;
        }
        var high = amount(tokens, at + low.tokens() + 1);
        // "100rb sampai 200rb" is a range without a word before it, as "50-100rb" is
        if (high == null || (start == 0 && !"-".equals(tokens.get(at + low.tokens()).folded())
                && !(low.money() && high.money()))) {
            return 0;
        }
        int used = start + low.tokens() + 1 + high.tokens();
        if (low.foreign() != null || high.foreign() != null) {
            addRange(query, tokens, i, used, low, high, conditions);
            return used;
        }
        // "50-100 ribu": a unit typed once belongs to both
        long lowRupiah = low.unit() == null ? rupiah(low.number(), high.unit()) : low.rupiah();
        addRange(query, tokens, i, used, lowRupiah, high.rupiah(), conditions);
        return used;
    }

    /**
     * An approximate price, as two limits: "harga 50 ribuan" from Rp 50.000 to 59.999,
     * "sekitar 50 ribu" 20% either side (see the class's comment).
     */
    private int readApproximatePrice(String query, List<Token> tokens, int i, List<Condition> conditions) {
        int priceWord = matchAny(tokens, i, PRICE_WORDS);
        int about = matchAny(tokens, i + priceWord, ABOUT);
        var amount = amount(tokens, i + priceWord + about);
        if (amount == null) {
            return 0;
        }
        int used = priceWord + about + amount.tokens();
        // "kisaran 300an": a bare number is thousands, as after a price word
        var unit = amount.unit() == null && amount.foreign() == null && (priceWord > 0 || about > 0)
                && Rupiah.value(amount.number(), null).compareTo(BigDecimal.valueOf(1_000)) < 0 ? "ribu"
                        : amount.unit();
        // "seratus ribuan" is spelt out whole
        boolean whole = unit != null || Rupiah.value(amount.number(), null).compareTo(BigDecimal.valueOf(1_000)) >= 0;
        if (amount.roughly() && whole && amount.foreign() == null) {
            var value = Rupiah.value(amount.number(), unit).stripTrailingZeros();
            // the step of the last digit typed: 10.000 for 50 ribu, 100.000 for 1,5 juta
            long step = value.scale() < 0 ? BigDecimal.ONE.movePointRight(-value.scale()).longValue() : 1;
            long low = rupiah(amount.number(), unit);
            addRange(query, tokens, i, used, low, low + step - 1, conditions);
            return used;
        }
        if (about > 0 && amount.sayingItIsMoney()) {
            long rupiah = amount.rupiah();
            var asTyped = amount.foreign() == null ? "" : " (≈ " + amount.foreign() + ")";
            conditions
                .add(price(query, tokens, i, used, Kind.PRICE_MIN, Math.round(rupiah * (1 - ABOUT_MARGIN)), asTyped));
            conditions
                .add(price(query, tokens, i, used, Kind.PRICE_MAX, Math.round(rupiah * (1 + ABOUT_MARGIN)), asTyped));
            return used;
        }
        return 0;
    }

    /**
     * An amount of money with no word before it: the most to spend, or the least with "ke
     * atas" after it.
     */
    private int readAmountAlone(String query, List<Token> tokens, int i, List<Condition> conditions) {
        int priceWord = matchAny(tokens, i, PRICE_WORDS);
        var amount = amount(tokens, i + priceWord);
        // "kain 2m" is two metres of cloth: "m" names millions only after a price word
        if (amount == null || !(amount.money() || looksLikeRupiah(amount)) || amount.roughly()
                || "m".equals(amount.unit())) {
            return 0;
        }
        int at = i + priceWord + amount.tokens();
        int least = matchAny(tokens, at, AT_LEAST_AFTER);
        int used = priceWord + amount.tokens() + (least > 0 ? least : matchAny(tokens, at, AT_MOST_AFTER));
        conditions.add(price(query, tokens, i, used, least > 0 ? Kind.PRICE_MIN : Kind.PRICE_MAX, amount));
        return used;
    }

    /** A range of two amounts, at least one in a foreign currency, which both are in. */
    private void addRange(String query, List<Token> tokens, int i, int used, Amount low, Amount high,
            List<Condition> conditions) {
        var currency = low.currency() != null ? low.currency() : high.currency();
        var from = low.currency() != null ? low : inForeign(low.number(), low.unit(), currency, 0);
        var to = high.currency() != null ? high : inForeign(high.number(), high.unit(), currency, 0);
        boolean ordered = from.rupiah() <= to.rupiah();
        conditions.add(price(query, tokens, i, used, Kind.PRICE_MIN, ordered ? from : to));
        conditions.add(price(query, tokens, i, used, Kind.PRICE_MAX, ordered ? to : from));
    }

    private void addRange(String query, List<Token> tokens, int i, int used, long low, long high,
            List<Condition> conditions) {
        conditions.add(price(query, tokens, i, used, Kind.PRICE_MIN, Math.min(low, high)));
        conditions.add(price(query, tokens, i, used, Kind.PRICE_MAX, Math.max(low, high)));
    }

    private int readPlace(String query, List<Token> tokens, int i, List<Condition> conditions) {
        int near = matchAny(tokens, i, NEAR_JOINS);
        int at = i + (near > 0 ? near : matchAny(tokens, i, PLACE_JOINS));
        if (at < tokens.size() && PLACE_KINDS.contains(tokens.get(at).folded())) {
            at++;
        }
        for (var place : places.get()) {
            if (matches(tokens, at, place.words())) {
                int used = at - i + place.words().size();
                // "dekat Loyok": around the village, not only in it
                if (place.kind() == Kind.NEAR || near > 0 && place.near() != null) {
                    var circle = place.near();
                    var distance = distance(tokens, i + used);
                    if (distance != null) {
                        circle = new ProductSearchFilter.Near(circle.lat(), circle.lon(), distance.km());
                        used += distance.tokens();
                    }
                    var km = Math.round(circle.radiusKm());
                    conditions.add(condition(query, tokens, i, used, Kind.NEAR, circle.asConditionValue(),
                            new LocalizedText("Dekat " + place.name() + " (" + km + " km)",
                                    "Near " + place.name() + " (" + km + " km)"),
                            List.of()));
                    return used;
                }
                var label = switch (place.kind()) {
                    case VILLAGE -> new LocalizedText("Desa " + place.name(), place.name() + " village");
                    case DISTRICT -> new LocalizedText("Kecamatan " + place.name(), place.name() + " district");
                    case ISLAND -> new LocalizedText("Pulau " + place.value(), place.value() + " Island");
                    // "Sumbawa" is also the island the regency is one of four on
                    default -> Places.isIsland(place.value())
                            ? new LocalizedText("Kabupaten " + place.value(), place.value() + " Regency")
                            : RegencyNames.of(place.value());
                };
                conditions
                    .add(condition(query, tokens, i, used, place.kind(), place.value(), label, place.villageSlugs()));
                return used;
            }
        }
        return 0;
    }

    /** The words of every known place's name. */
    private Set<String> placeWords() {
        return places.get().stream().flatMap(place -> place.words().stream()).collect(Collectors.toSet());
    }

    private static List<Token> withoutGenericWords(List<Token> kept, boolean conditions) {
        var specific = without(kept, GENERIC);
        var withoutKeepsakes = without(specific, KEEPSAKES);
        if (conditions && withoutKeepsakes.isEmpty()) {
            return withoutKeepsakes;
        }
        return specific.isEmpty() && !conditions ? kept : specific;
    }

    /**
     * The words of a text that may name a thing: those of goods in general, crafts,
     * keepsakes, their making and kinds of places left out ("oleh-oleh khas", "produk
     * umkm desa", "handmade").
     */
    public static List<String> thingWords(String text) {
        var rest = tokens(text);
        for (var general : List.of(GENERIC, KEEPSAKES, CRAFTS, MAKING)) {
            rest = without(rest, general);
        }
        return rest.stream().map(Token::folded).filter(word -> !PLACE_KINDS.contains(word)).toList();
    }

    private static List<Token> without(List<Token> tokens, List<List<String>> phrases) {
        var rest = new ArrayList<Token>();
        int i = 0;
        while (i < tokens.size()) {
            int phrase = matchAny(tokens, i, phrases);
            if (phrase > 0) {
                i += phrase;
            }
            else {
                rest.add(tokens.get(i));
                i++;
            }
        }
        return rest;
    }

    /** A distance typed after a place: kilometres and the tokens taken. */
    private record Distance(int km, int tokens) {
    }

    /**
     * A distance at token {@code i}: [dalam|within|radius] number km ("dalam 25 km",
     * "within 25km"), at most {@link #FARTHEST_KM}; null when there is none.
     */
    private static Distance distance(List<Token> tokens, int i) {
        int at = i + matchAny(tokens, i, WITHIN);
        if (at >= tokens.size()) {
            return null;
        }
        var number = DISTANCE.matcher(tokens.get(at).folded());
        if (!number.matches()) {
            return null;
        }
        at++;
        if (number.group(2) == null) {
            if (at >= tokens.size() || !KILOMETRES.contains(tokens.get(at).folded())) {
                return null;
            }
            at++;
        }
        int km = Integer.parseInt(number.group(1));
        return km > 0 && km <= FARTHEST_KM ? new Distance(km, at - i) : null;
    }

    // ---- amounts

    /**
     * An amount at token {@code i}: [Rp|IDR|$] number [unit] [rupiah|dollars] [per
     * piece], as one token or several, "-an" after the number or the unit when
     * approximate, or spelt out ("lima puluh ribu"); null when there is none, or when a
     * measure follows a number that does not say it is money ("45 cm").
     */
    private Amount amount(List<Token> tokens, int i) {
        int at = i;
        boolean money = false;
        Named currency = null;
        if (at < tokens.size() && Set.of("rp", "rp.", "idr").contains(tokens.get(at).folded())) {
            money = true;
            at++;
        }
        else if ((currency = currencyAt(tokens, at)) != null) {
            at += currency.tokens();
        }
        if (at >= tokens.size()) {
            return null;
        }
        Matcher number = AMOUNT.matcher(tokens.get(at).folded());
        if (!number.matches() || !readable(number.group(2))) {
            return currency != null ? null : spelt(tokens, at, at - i);
        }
        at++;
        money |= number.group(1) != null;
        boolean roughly = number.group(3) != null || number.group(5) != null;
        var unit = number.group(4);
        if (unit == null && at < tokens.size()) {
            var word = UNIT_TOKEN.matcher(tokens.get(at).folded());
            // "kan" is a word of its own (isn't it?), not thousands-ish; "3 m" is metres
            if (word.matches() && !NOT_UNITS.contains(word.group())) {
                unit = word.group(1);
                roughly |= word.group(2) != null;
                at++;
            }
        }
        if (at < tokens.size() && Set.of("rupiah", "idr").contains(tokens.get(at).folded())) {
            money = true;
            at++;
        }
        else if (currency == null && (currency = currencyAt(tokens, at)) != null) {
            at += currency.tokens();
        }
        money |= unit != null || currency != null;
        if (!money && measured(tokens, at)) {
            return null;
        }
        if (money) {
            at += matchAny(tokens, at, PER_PIECE);
        }
        if (currency != null) {
            return inForeign(number.group(2), unit, currencies.get(currency.code()), at - i);
        }
        return new Amount(number.group(2), unit, at - i, money, roughly, rupiah(number.group(2), unit), null);
    }

    /** An amount typed in a foreign currency, in rupiah. */
    private static Amount inForeign(String number, String unit, Currency currency, int tokens) {
        long rupiah = Rupiah.value(number, unit).multiply(currency.rupiah()).longValue();
        return new Amount(number, unit, tokens, true, false, rupiah, currency);
    }

    /** The currency named at token {@code i}: a sign or a name ("usd", "us dollars"). */
    private static Named currencyAt(List<Token> tokens, int i) {
        for (var name : CURRENCY_NAMES.entrySet()) {
            if (matches(tokens, i, name.getKey())) {
                return new Named(name.getValue(), name.getKey().size());
            }
        }
        return null;
    }

    private static Map<List<String>, String> currencyNames() {
        var names = new LinkedHashMap<List<String>, String>();
        for (var name : phrases("us dollar", "us dollars", "australian dollar", "australian dollars", "aussie dollars",
                "usd", "dollar", "dollars", "dolar", "bucks")) {
            names.put(name, name.contains("australian") || name.contains("aussie") ? "aud" : "usd");
        }
        phrases("aud").forEach(name -> names.put(name, "aud"));
        phrases("eur", "euro", "euros").forEach(name -> names.put(name, "eur"));
        phrases("rm", "ringgit", "myr").forEach(name -> names.put(name, "myr"));
        phrases("sgd", "singapore dollar", "singapore dollars", "sing dollar", "sing dollars")
            .forEach(name -> names.put(name, "sgd"));
        phrases("gbp", "pound", "pounds", "pound sterling", "pounds sterling", "quid")
            .forEach(name -> names.put(name, "gbp"));
        phrases("jpy", "yen", "japanese yen").forEach(name -> names.put(name, "jpy"));
        phrases("krw", "won", "korean won").forEach(name -> names.put(name, "krw"));
        phrases("cny", "rmb", "yuan", "renminbi", "chinese yuan").forEach(name -> names.put(name, "cny"));
        return names;
    }

    /**
     * Whether a number without a unit is written as rupiah are: grouped in thousands
     * ("150.000") or of five digits and more ("500000"); a year ("2019") is not.
     */
    private static boolean looksLikeRupiah(Amount amount) {
        return amount.unit() == null && amount.foreign() == null
                && (amount.number().matches("\\d{1,3}([.,]\\d{3})+") || amount.number().matches("\\d{5,}"));
    }

    /** Whether the token at {@code i} measures the number before it. */
    private static boolean measured(List<Token> tokens, int i) {
        return i < tokens.size() && MEASURES.contains(tokens.get(i).folded());
    }

    /**
     * An amount spelt out in Indonesian, ending in "ribu" or "juta" ("seratus ribu", "dua
     * ratus lima puluh ribu", "satu setengah juta", "sejuta"); null when there is none.
     */
    private static Amount spelt(List<Token> tokens, int i, int before) {
        double total = 0;
        double group = 0;
        double digit = 0;
        int at = i;
        int end = -1;
        long lastScale = 0;
        boolean roughly = false;
        while (at < tokens.size()) {
            var word = tokens.get(at).folded();
            var value = SPELT_DIGITS.get(word);
            if (value != null) {
                digit = value;
            }
            else if ("setengah".equals(word) && group + digit == 0 && lastScale > 0) {
                // "sejuta setengah", "satu juta setengah": and a half
                total += lastScale / 2.0;
                end = at + 1;
            }
            else if ("setengah".equals(word)) {
                digit += 0.5;
            }
            else if ("belas".equals(word)) {
                group += digit + 10;
                digit = 0;
            }
            else if ("puluh".equals(word) || "ratus".equals(word)) {
                group += digit * ("puluh".equals(word) ? 10 : 100);
                digit = 0;
            }
            else if (SPELT_TENS.containsKey(word)) {
                group += SPELT_TENS.get(word);
            }
            else if (SPELT_SCALES.containsKey(word)) {
                total += SPELT_SCALES.get(word);
                lastScale = SPELT_SCALES.get(word);
                end = at + 1;
            }
            else {
                var scale = UNIT_TOKEN.matcher(word);
                if (!scale.matches() || group + digit == 0) {
                    break;
                }
                long multiplier = Rupiah.value("1", scale.group(1)).longValue();
                total += (group + digit) * multiplier;
                lastScale = multiplier;
                group = 0;
                digit = 0;
                roughly = scale.group(2) != null;
                end = at + 1;
            }
            at++;
        }
        if (end < 0 || total < 1_000) {
            return null;
        }
        long rupiah = Math.round(total);
        return new Amount(Long.toString(rupiah), null, before + end - i, true, roughly, rupiah, null);
    }

    /** Whether the number's separators make sense: "1.25.500" is no amount. */
    private static boolean readable(String number) {
        try {
            Rupiah.value(number, null);
            return true;
        }
        catch (NumberFormatException typingSlip) {
            return false;
        }
    }

    private static long rupiah(String number, String unit) {
        var value = Rupiah.value(number, unit);
        if (unit == null && value.compareTo(BigDecimal.valueOf(1_000)) < 0) {
            value = value.multiply(BigDecimal.valueOf(1_000));
        }
        return value.min(BigDecimal.valueOf(Integer.MAX_VALUE)).longValue();
    }

    // ---- conditions

    private static Condition price(String query, List<Token> tokens, int i, int used, Kind kind, long rupiah) {
        return price(query, tokens, i, used, kind, rupiah, "");
    }

    private static Condition price(String query, List<Token> tokens, int i, int used, Kind kind, Amount amount) {
        return price(query, tokens, i, used, kind, amount.rupiah(),
                amount.foreign() == null ? "" : " (" + amount.foreign() + ")");
    }

    private static Condition price(String query, List<Token> tokens, int i, int used, Kind kind, long rupiah,
            String asTyped) {
        var sign = kind == Kind.PRICE_MAX ? "≤" : "≥";
        var label = new LocalizedText(
                "Harga " + sign + " " + Rupiah.written(rupiah, Locale.forLanguageTag("id")) + asTyped,
                "Price " + sign + " " + Rupiah.written(rupiah, Locale.ENGLISH) + asTyped);
        return condition(query, tokens, i, used, kind, Long.toString(rupiah), label, List.of());
    }

    private static Condition condition(String query, List<Token> tokens, int i, int used, Kind kind, String value,
            LocalizedText label, List<String> villageSlugs) {
        int start = tokens.get(i).start();
        int end = tokens.get(i + used - 1).end();
        var without = (query.substring(0, start) + " " + query.substring(end)).strip().replaceAll("\\s+", " ");
        return new Condition(kind, query.substring(start, end), value, label, without, villageSlugs);
    }

    // ---- tokens and phrases

    private static List<Token> tokens(String query) {
        var tokens = new ArrayList<Token>();
        Matcher m = TOKEN.matcher(query);
        while (m.find()) {
            // "100rb/pcs": a price and what it is for
            var perPiece = PER_PIECE_SUFFIX.matcher(m.group());
            if (perPiece.matches()) {
                int slash = m.start() + perPiece.group(1).length();
                tokens.add(new Token(m.start(), slash, Words.folded(perPiece.group(1))));
                tokens.add(new Token(slash + 1, m.end(), Words.folded(perPiece.group(2))));
                continue;
            }
            // "$20", "US$20", "20$", "€15", "$ 20": the sign is a word of its own
            var signed = SIGNED.matcher(m.group());
            if (signed.matches()) {
                boolean before = signed.group(1) != null;
                var figure = before ? signed.group(2) : signed.group(3);
                int figureStart = m.start() + (before ? signed.group(1).length() : 0);
                var number = new Token(figureStart, figureStart + figure.length(), Words.folded(figure));
                var sign = before ? new Token(m.start(), figureStart, currencyOfSign(signed.group(1)))
                        : new Token(figureStart + figure.length(), m.end(), currencyOfSign(signed.group(4)));
                tokens.addAll(before ? List.of(sign, number) : List.of(number, sign));
                continue;
            }
            if (SIGN.matcher(m.group()).matches()) {
                tokens.add(new Token(m.start(), m.end(), currencyOfSign(m.group())));
                continue;
            }
            // signs and dashes stand alone; other tokens lose the punctuation around them
            var folded = m.group().matches("[<>≤≥]=?|-") ? m.group()
                    : Words.withoutPunctuationAround(Words.folded(m.group()));
            if (!folded.isEmpty()) {
                tokens.add(new Token(m.start(), m.end(), folded));
            }
        }
        return tokens;
    }

    /**
     * The currency a sign names: "$" and "US$" dollars, "A$" Australian ones, "S$"
     * Singapore ones, "€" euros, "£" pounds, "¥" and "円" yen (a Chinese visitor writes
     * "元" or "RMB"), "₩" and "원" won, "RM" ringgit.
     */
    private static String currencyOfSign(String sign) {
        return switch (sign.toLowerCase(Locale.ROOT)) {
            case "€" -> "eur";
            case "£" -> "gbp";
            case "¥", "円" -> "jpy";
            case "₩", "원" -> "krw";
            case "cn¥", "元" -> "cny";
            case "rm" -> "myr";
            case "a$", "au$" -> "aud";
            case "s$" -> "sgd";
            default -> "usd";
        };
    }

    private static List<List<String>> phrases(String... phrases) {
        var all = new ArrayList<List<String>>();
        for (var phrase : phrases) {
            all.add(List.of(phrase.split(" ")));
        }
        // longest first, so "pre order" is read before "po" would be
        all.sort((a, b) -> Integer.compare(b.size(), a.size()));
        return List.copyOf(all);
    }

    /** The length of the longest phrase matching at token {@code i}, or 0. */
    private static int matchAny(List<Token> tokens, int i, List<List<String>> phrases) {
        for (var phrase : phrases) {
            if (matches(tokens, i, phrase)) {
                return phrase.size();
            }
        }
        return 0;
    }

    private static boolean matches(List<Token> tokens, int i, List<String> words) {
        if (words.isEmpty() || i + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(i + k).folded().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

}
