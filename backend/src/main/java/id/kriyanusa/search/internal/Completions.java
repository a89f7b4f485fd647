package id.kriyanusa.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.search.SearchCompletion;
import id.kriyanusa.search.SearchCompletion.Kind;
import id.kriyanusa.search.SearchIndexName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The words and names a search box completes: category names in both languages, the words
 * of product titles, materials, villages, districts, regencies, brands and searches that
 * often found products, each with how many published products have it.
 * <p>
 * They are counted from the products index in one request of terms aggregations, every
 * {@code kriyanusa.search.completions-refresh} (a minute), and kept in memory: a few
 * thousand entries, matched in well under a millisecond, so completing costs no request
 * to Elasticsearch (issue 17 asked for a p95 of at most 10 ms). Each portal instance
 * counts for itself; a completion may be a minute behind the catalogue. A popular search
 * is offered only when at least {@code kriyanusa.search.popular-min-searchers} (3)
 * different searchers asked it on one day and found products, so what one client typed,
 * however often, is never shown to others (see {@link SearchAnalytics#popular}).
 */
@Component
public class Completions {

    private static final Logger log = LoggerFactory.getLogger(Completions.class);

    /** The shortest word a word typed without a space is split into ("tas"). */
    private static final int SHORTEST_PART = 3;

    /**
     * So many products' titles must have a word for it to count as common: a word in one
     * or two titles may be a seller's typo.
     */
    public static final int COMMON_WORD_MIN = 3;

    /** Terms aggregation sizes: enough for a province's villages and brands. */
    private static final Map<String, Integer> COUNTED = Map.of("category_slugs", 1_000, "title_words", 10_000,
            "materials", 2_000, "village_name.keyword", 5_000, "district", 2_000, "regency", 200, "brand_name.keyword",
            20_000);

    /** A completion with its words folded once, when counted, not on every keystroke. */
    private record Entry(SearchCompletion.Kind kind, String text, List<String> words, long products, long searchers) {

        Entry(SearchCompletion.Kind kind, String text, long products, long searchers) {
            this(kind, text, Words.of(text), products, searchers);
        }

    }

    private final SearchRequests requests;

    private final Categories categories;

    private final SearchAnalytics analytics;

    private final int popularMinSearchers;

    /** Most products first, then most searchers, then shortest. */
    private volatile List<Entry> entries = List.of();

    /**
     * The words that at least {@link #COMMON_WORD_MIN} products' titles or category names
     * have (see {@link #wordsSpeltRight}).
     */
    private volatile Set<String> commonWords = Set.of();

    /** The words of every product's title and category names. */
    private volatile Set<String> titleWords = Set.of();

    private final TaskScheduler scheduler;

    private final Duration afterChange;

    /** Whether a count after a change is waiting, so a burst of changes asks for one. */
    private final AtomicBoolean countWaiting = new AtomicBoolean();

    Completions(SearchRequests requests, Categories categories, SearchAnalytics analytics,
            @Value("${kriyanusa.search.popular-min-searchers:3}") int popularMinSearchers, TaskScheduler scheduler,
            @Value("${kriyanusa.search.completions-after-change:PT5S}") Duration afterChange) {
        this.requests = requests;
        this.categories = categories;
        this.analytics = analytics;
        this.popularMinSearchers = popularMinSearchers;
        this.scheduler = scheduler;
        this.afterChange = afterChange;
    }

    /**
     * Counts again {@code kriyanusa.search.completions-after-change} (5 s) after products
     * were indexed, once for a burst of changes: a catalogue loaded through the API is
     * completed, and its words are spelt right (see {@link #wordsSpeltRight}), within
     * seconds, not at the next minute's count.
     */
    void countSoon() {
        if (countWaiting.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                countWaiting.set(false);
                count();
            }, Instant.now().plus(afterChange));
        }
    }

    /**
     * The completions of what was typed, of these kinds: entries where every word typed
     * starts one of their words, at most {@code first}, one per text.
     */
    public List<SearchCompletion> complete(String typed, int first, Set<Kind> kinds) {
        var words = Words.of(typed);
        var found = new ArrayList<SearchCompletion>();
        var seen = new HashSet<String>();
        if (words.isEmpty()) {
            return found;
        }
        for (var entry : entries) {
            if (found.size() == first) {
                break;
            }
            if (kinds.contains(entry.kind()) && Words.startWords(entry.words(), words)
                    && seen.add(String.join(" ", entry.words()))) {
                found.add(new SearchCompletion(entry.text(), highlighted(entry.text(), words), entry.kind(),
                        entry.products()));
            }
        }
        return found;
    }

    /**
     * The words of the text that a search takes as typed, forgiving no typos in them (see
     * ProductQueries): those many products' titles or category names have, and those
     * fewer have that a lexicon knows. "Kalung" (necklace) in one title is not a misspelt
     * "katun" (cotton), nor "pendant" "pandan". A word of one or two titles that no
     * lexicon knows may be a seller's typo, and is still forgiven. A word of the search's
     * own vocabulary is taken as typed whether titles have it or not: it finds them by
     * their words for the same thing ("kereng" the sarongs, not "kering" snacks).
     */
    public Set<String> wordsSpeltRight(String text, Predicate<String> known) {
        var spelt = speltRight(known);
        return Words.of(text).stream().filter(spelt).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The text as the search reads it, each word that neither titles nor a lexicon know
     * mended:
     * <ul>
     * <li>two words run together are typed apart: "tasketak" is "tas ketak", "kaplampu"
     * "kap lampu"; only into two words of three letters or more that a search takes as
     * typed (see {@link #wordsSpeltRight}), the longest first word winning;</li>
     * <li>a word one typo away from exactly one word of the search's vocabulary is that
     * word: "miror" is "mirror", "robsta" "robusta". Titles forgive such a typo
     * themselves, but the vocabulary's other names of a thing ("cermin" for a mirror) are
     * reached only through the word as the vocabulary spells it, so an English typo did
     * not find a product described in Indonesian only.</li>
     * </ul>
     * A word some title has is never mended: it finds that product as typed.
     */
    public String mended(String text, Predicate<String> known) {
        var spelt = speltRight(known);
        var titled = titleWords;
        var words = new ArrayList<String>();
        for (var typed : text.strip().split("\\s+")) {
            var folded = Words.of(typed);
            var word = folded.size() == 1 ? folded.getFirst() : null;
            if (word == null || spelt.test(word) || known.test(word) || titled.contains(word)) {
                words.add(typed);
                continue;
            }
            var apart = IntStream.iterate(word.length() - SHORTEST_PART, end -> end >= SHORTEST_PART, end -> end - 1)
                .filter(end -> spelt.test(word.substring(0, end)) && spelt.test(word.substring(end)))
                .mapToObj(end -> word.substring(0, end) + " " + word.substring(end))
                .findFirst();
            words.add(apart.or(() -> Vocabulary.oneTypoFrom(word)).orElse(typed));
        }
        return String.join(" ", words);
    }

    private Predicate<String> speltRight(Predicate<String> known) {
        var common = commonWords;
        var titled = titleWords;
        return word -> common.contains(word) || Vocabulary.knows(word) || titled.contains(word) && known.test(word);
    }

    /** The popular searches, most searchers first. */
    public List<String> popularSearches(int first) {
        return entries.stream()
            .filter(entry -> entry.kind() == Kind.POPULAR_SEARCH)
            .sorted(Comparator.comparingLong(Entry::searchers).reversed())
            .limit(first)
            .map(Entry::text)
            .toList();
    }

    /**
     * Counts the completions again; the previous ones stay while the index does not
     * answer. The first count follows the indices' start-up (IndexMaintenance), so the
     * schedule starts a minute later rather than counting twice at start. On every
     * instance: each keeps its own copy in memory.
     */
    @Scheduled(initialDelayString = "${kriyanusa.search.completions-refresh:PT1M}",
            fixedDelayString = "${kriyanusa.search.completions-refresh:PT1M}")
    public void count() {
        try {
            var aggs = new LinkedHashMap<String, Object>();
            COUNTED.forEach((field, size) -> aggs.put(field, Map.of("terms", Map.of("field", field, "size", size))));
            var response = requests.search(SearchIndexName.PRODUCTS.alias(),
                    Map.of("size", 0, "track_total_hits", false, "aggs", aggs));
            if (response != null) {
                entries = entries(response.path("aggregations"));
                var titled = entries.stream()
                    .filter(entry -> entry.kind() == Kind.CRAFT_WORD || entry.kind() == Kind.CATEGORY)
                    .toList();
                commonWords = titled.stream()
                    .filter(entry -> entry.products() >= COMMON_WORD_MIN)
                    .flatMap(entry -> entry.words().stream())
                    .collect(Collectors.toUnmodifiableSet());
                titleWords = titled.stream()
                    .flatMap(entry -> entry.words().stream())
                    .collect(Collectors.toUnmodifiableSet());
            }
        }
        catch (RuntimeException e) {
            log.warn("Could not count search completions; keeping the previous ones: {}", e.toString());
        }
    }

    private List<Entry> entries(JsonNode aggs) {
        var all = new ArrayList<Entry>();
        var names = categories.all()
            .values()
            .stream()
            .collect(Collectors.toMap(Category::slug, Category::name, (first, same) -> first));
        for (var bucket : buckets(aggs, "category_slugs")) {
            var name = names.get(bucket.get("key").asString());
            if (name != null) {
                long count = bucket.get("doc_count").asLong();
                all.add(new Entry(Kind.CATEGORY, name.indonesian(), count, 0));
                if (name.english() != null) {
                    all.add(new Entry(Kind.CATEGORY, name.english(), count, 0));
                }
            }
        }
        add(all, aggs, "title_words", Kind.CRAFT_WORD);
        add(all, aggs, "materials", Kind.MATERIAL);
        add(all, aggs, "village_name.keyword", Kind.VILLAGE);
        add(all, aggs, "district", Kind.DISTRICT);
        add(all, aggs, "regency", Kind.REGENCY);
        add(all, aggs, "brand_name.keyword", Kind.BRAND);
        for (var popular : analytics.popular(popularMinSearchers, 1_000)) {
            all.add(new Entry(Kind.POPULAR_SEARCH, popular.query(), popular.lastResultCount(), popular.searchers()));
        }
        all.sort(Comparator.comparingLong(Entry::products)
            .thenComparingLong(Entry::searchers)
            .reversed()
            .thenComparingInt(entry -> entry.text().length())
            .thenComparing(Entry::kind));
        return List.copyOf(all);
    }

    private static void add(List<Entry> all, JsonNode aggs, String field, Kind kind) {
        for (var bucket : buckets(aggs, field)) {
            all.add(new Entry(kind, bucket.get("key").asString(), bucket.get("doc_count").asLong(), 0));
        }
    }

    private static JsonNode buckets(JsonNode aggs, String field) {
        return aggs.path(field).path("buckets");
    }

    /**
     * The text HTML-escaped, with the start of each word that a word typed begins marked
     * (the longest such typed word).
     */
    static String highlighted(String text, List<String> typed) {
        var folded = Words.folded(text);
        var html = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            int matched = wordStart(folded, at) ? longestTypedAt(folded, at, typed) : 0;
            if (matched > 0) {
                html.append("<em>")
                    .append(HtmlUtils.htmlEscape(text.substring(at, at + matched), "UTF-8"))
                    .append("</em>");
                at += matched;
            }
            else {
                html.append(HtmlUtils.htmlEscape(text.substring(at, at + 1), "UTF-8"));
                at++;
            }
        }
        return html.toString();
    }

    private static boolean wordStart(String folded, int at) {
        return Character.isLetterOrDigit(folded.charAt(at))
                && (at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1)));
    }

    private static int longestTypedAt(String folded, int at, List<String> typed) {
        int longest = 0;
        for (var word : typed) {
            if (word.length() > longest && folded.startsWith(word, at)) {
                longest = word.length();
            }
        }
        return longest;
    }

}
