package id.kriyanusa.search.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.kriyanusa.catalog.ProductAvailability;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.search.Rupiah;
import id.kriyanusa.search.SearchCondition.Kind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Reads the conditions buyers type into a query, in Indonesian and English, before the
 * rest is matched against product texts: price limits ("di bawah 75 ribu", "under 300k",
 * "maks 1 jt", "antara 50-100rb"), availability ("siap kirim", "ready stock", "PO",
 * "custom order"), places ("dari Loyok", "gerabah Penujak", "from East Lombok") and price
 * words ("murah", "cheap"). Words that name no product ("kerajinan", "handmade") are left
 * out of the matching when other words or conditions remain: they matched category names
 * and ranked unrelated products first (issue 16).
 * <p>
 * A bare number after a price word is read as thousands when below 1,000 ("di bawah 300"
 * is Rp 300.000, as sellers write it); otherwise as rupiah.
 */
@Component
public class QueryUnderstanding {

    /** What a query says: the words to match (null when none) and its conditions. */
    public record Understood(String text, List<Condition> conditions) {
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
            "hingga", "tidak lebih dari", "tak lebih dari", "paling mahal");

    private static final List<List<String>> AT_LEAST = phrases("di atas", "diatas", "lebih dari", "minimal", "minimum",
            "min", ">", ">=", "≥", "above", "over", "more than", "at least", "mulai", "mulai dari", "from");

    private static final List<List<String>> RANGE_START = phrases("antara", "between", "harga");

    private static final Set<String> RANGE_JOINS = Set.of("dan", "sampai", "hingga", "-", "s/d", "sd", "and", "to");

    private static final List<List<String>> READY = phrases("siap kirim", "ready stock", "ready stok", "stok ada",
            "stock ada", "ada stok", "in stock", "langsung kirim", "siap stok", "ready", "tersedia");

    private static final List<List<String>> MADE_TO_ORDER = phrases("made to order", "dibuat sesuai pesanan",
            "sesuai pesanan", "pesanan khusus", "pesan khusus", "custom order", "bisa custom", "pre order", "pre-order",
            "preorder", "by order", "pesan dulu", "custom", "po");

    private static final List<List<String>> CHEAP = phrases("paling murah", "termurah", "murah", "murmer", "cheapest",
            "cheap", "affordable", "terjangkau", "inexpensive", "low price", "harga miring");

    private static final List<List<String>> PLACE_JOINS = phrases("buatan", "made in", "asal", "dari", "from", "in",
            "di");

    private static final List<List<String>> NEAR_JOINS = phrases("dekat", "dekat dengan", "sekitar", "di sekitar",
            "near", "around", "close to", "nearby");

    private static final Set<String> PLACE_KINDS = Set.of("desa", "kecamatan", "kec", "kabupaten", "kab", "village",
            "district", "regency");

    /** Words that name no product; left out when other words or conditions remain. */
    private static final List<List<String>> GENERIC = phrases("buatan tangan", "oleh oleh", "oleh-oleh", "kerajinan",
            "kerajinan tangan", "handmade", "handcrafted", "hand made", "craft", "crafts", "produk", "product",
            "products", "goods", "khas", "asli", "original", "harga", "price");

    private static final String NUMBER = Rupiah.NUMBER;

    private static final String UNIT = Rupiah.UNIT + "?";

    /** An amount in one token: "75rb", "Rp75.000", "1,5jt", "300k". */
    private static final Pattern AMOUNT = Pattern.compile("(?:rp\\.?|idr)?" + NUMBER + UNIT);

    /** A range in one token: "50-100rb", "50rb-100rb". */
    private static final Pattern RANGE = Pattern
        .compile("(?:rp\\.?|idr)?" + NUMBER + UNIT + "-(?:rp\\.?|idr)?" + NUMBER + UNIT);

    private static final Pattern TOKEN = Pattern.compile("[<>≤≥]=?|[^\\s<>≤≥]+");

    private final Supplier<List<Places.Place>> places;

    @Autowired
    QueryUnderstanding(Places places) {
        this(places::all);
    }

    /** With these places, longest names first. */
    QueryUnderstanding(Supplier<List<Places.Place>> places) {
        this.places = places;
    }

    /** A token of the query: where it is in the text, and its folded form. */
    private record Token(int start, int end, String folded) {
    }

    /**
     * An amount read from tokens: the number and unit as typed, and the tokens it took.
     */
    private record Amount(String number, String unit, int tokens) {

        long rupiah() {
            return QueryUnderstanding.rupiah(number, unit);
        }

    }

    public Understood understand(String query) {
        if (query == null) {
            return new Understood(null, List.of());
        }
        var tokens = tokens(query);
        var conditions = new ArrayList<Condition>();
        var kept = new ArrayList<Token>();
        int i = 0;
        while (i < tokens.size()) {
            int used = readCondition(query, tokens, i, conditions);
            if (used > 0) {
                i += used;
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
        return new Understood(text.isBlank() ? null : text, List.copyOf(conditions));
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
                if (amount != null) {
                    used = phrase + amount.tokens();
                    conditions.add(price(query, tokens, i, used, limit, amount.rupiah()));
                    return used;
                }
            }
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
        if (at < tokens.size()) {
            Matcher one = RANGE.matcher(tokens.get(at).folded());
            if (one.matches()) {
                long high = rupiah(one.group(3), one.group(4));
                long low = rupiah(one.group(1), one.group(2) != null ? one.group(2) : one.group(4));
                addRange(query, tokens, i, start + 1, low, high, conditions);
                return start + 1;
            }
        }
        var low = amount(tokens, at);
        if (low == null || at + low.tokens() >= tokens.size()
                || !RANGE_JOINS.contains(tokens.get(at + low.tokens()).folded())) {
            return 0;
        }
        var high = amount(tokens, at + low.tokens() + 1);
        if (high == null || (start == 0 && !"-".equals(tokens.get(at + low.tokens()).folded()))) {
            return 0;
        }
        // "50-100 ribu": a unit typed once belongs to both
        long lowRupiah = low.unit() == null ? rupiah(low.number(), high.unit()) : low.rupiah();
        int used = start + low.tokens() + 1 + high.tokens();
        addRange(query, tokens, i, used, lowRupiah, high.rupiah(), conditions);
        return used;
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
                    default -> {
                        var english = Places.englishName(place.value());
                        yield new LocalizedText(place.value(), english != null ? english : place.value());
                    }
                };
                conditions
                    .add(condition(query, tokens, i, used, place.kind(), place.value(), label, place.villageSlugs()));
                return used;
            }
        }
        return 0;
    }

    private static List<Token> withoutGenericWords(List<Token> kept, boolean conditions) {
        var specific = new ArrayList<Token>();
        int i = 0;
        while (i < kept.size()) {
            int generic = matchAny(kept, i, GENERIC);
            if (generic > 0) {
                i += generic;
            }
            else {
                specific.add(kept.get(i));
                i++;
            }
        }
        return specific.isEmpty() && !conditions ? kept : specific;
    }

    // ---- amounts

    /**
     * An amount at token {@code i}: [Rp|IDR] number [unit] [rupiah], as one token or
     * several.
     */
    private static Amount amount(List<Token> tokens, int i) {
        int at = i;
        if (at < tokens.size() && Set.of("rp", "rp.", "idr").contains(tokens.get(at).folded())) {
            at++;
        }
        if (at >= tokens.size()) {
            return null;
        }
        Matcher number = AMOUNT.matcher(tokens.get(at).folded());
        if (!number.matches()) {
            return null;
        }
        at++;
        var unit = number.group(2);
        if (unit == null && at < tokens.size() && tokens.get(at).folded().matches(Rupiah.UNIT)) {
            unit = tokens.get(at).folded();
            at++;
        }
        if (at < tokens.size() && Set.of("rupiah", "idr").contains(tokens.get(at).folded())) {
            at++;
        }
        return new Amount(number.group(1), unit, at - i);
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
        var sign = kind == Kind.PRICE_MAX ? "≤" : "≥";
        var label = new LocalizedText("Harga " + sign + " " + Rupiah.written(rupiah, Locale.forLanguageTag("id")),
                "Price " + sign + " " + Rupiah.written(rupiah, Locale.ENGLISH));
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
            // signs and dashes stand alone; other tokens lose the punctuation around them
            var folded = m.group().matches("[<>≤≥]=?|-") ? m.group()
                    : Words.folded(m.group()).replaceAll("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$", "");
            if (!folded.isEmpty()) {
                tokens.add(new Token(m.start(), m.end(), folded));
            }
        }
        return tokens;
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
