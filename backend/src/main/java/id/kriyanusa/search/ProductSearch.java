package id.kriyanusa.search;

import static java.util.stream.Collectors.toUnmodifiableSet;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.search.internal.Completions;
import id.kriyanusa.search.internal.IndonesianRoots;
import id.kriyanusa.search.internal.OtherNames;
import id.kriyanusa.search.internal.Places;
import id.kriyanusa.search.internal.ProductQueries;
import id.kriyanusa.search.internal.ProductQueries.Matching;
import id.kriyanusa.search.internal.ProductQuery;
import id.kriyanusa.search.internal.QueryUnderstanding;
import id.kriyanusa.search.internal.SearchAnalytics;
import id.kriyanusa.search.internal.SearchRequests;
import id.kriyanusa.search.internal.Words;
import id.kriyanusa.village.RegencyNames;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Product search for everyone, over the products index; the products shown are loaded
 * again from PostgreSQL through the catalog, in ranking order, so a hit the caller may
 * not (or no longer) see is left out and every field is current. Search analytics record
 * the query text and result count, and for popular searches a hash of the searcher that
 * changes every day (see SearchAnalytics), never the address.
 */
@Service
public class ProductSearch {

    /** Below this many matches, a spelling correction is offered. */
    static final int FEW_RESULTS = 3;
    static final int MAX_CATEGORY_SUGGESTIONS = 5;

    static final int MAX_NAME_SUGGESTIONS = 5;

    private final SearchRequests requests;

    private final Products products;

    private final Categories categories;

    private final SearchAnalytics analytics;

    private final Completions completions;

    private final QueryUnderstanding understanding;

    private final OtherNames otherNames;

    private final IndonesianRoots roots;

    private final Places places;

    ProductSearch(SearchRequests requests, Products products, Categories categories, SearchAnalytics analytics,
            Completions completions, QueryUnderstanding understanding, OtherNames otherNames, IndonesianRoots roots,
            Places places) {
        this.requests = requests;
        this.products = products;
        this.categories = categories;
        this.analytics = analytics;
        this.completions = completions;
        this.understanding = understanding;
        this.otherNames = otherNames;
        this.roots = roots;
        this.places = places;
    }

    /**
     * One page of results, with the parts the caller shows. The query is read first (see
     * {@link QueryUnderstanding}): its price, availability and place phrases become
     * conditions, the rest is matched. Products with every word come first; when fewer
     * than a page have them all, the search relaxes to most of the words, then any, and
     * {@code matchQuality} says which was the best found. Labelled category, village and
     * regency facet values carry their names. The relaxed and spelling searches share the
     * first one's time limit and are left out when it runs out: the buyer gets the
     * results found so far in time rather than better ones too late. The client's address
     * (null when searched in process) tells popular searches one searcher from another.
     */
    public ProductSearchConnection search(String query, ProductSearchFilter filter, ProductSearchSort sort,
            OffsetPage page, ProductSearchParts parts, String clientAddress) {
        return requests
            .sharingOneTimeLimit(() -> searchWithinOneLimit(query, filter, sort, page, parts, clientAddress));
    }

    private ProductSearchConnection searchWithinOneLimit(String query, ProductSearchFilter filter,
            ProductSearchSort sort, OffsetPage page, ProductSearchParts parts, String clientAddress) {
        var typed = SearchInput.text(query);
        var explicit = filter == null ? ProductSearchFilter.NONE : filter;
        SearchInput.check(explicit.near(), page);
        var searched = SearchInterpretation.apply(understanding.understand(typed), explicit, sort);
        var answer = answer(searched, sort, page, parts);
        if (answer.nothing() && searched.interpretation().namesAPlace()) {
            // a place where nothing is made yet, that a product's text may still name
            // with every other word ("anyaman dari perajin Loyok")
            var placesAsWords = SearchInterpretation.apply(understanding.understandPlacesAsWords(typed), explicit,
                    sort);
            var asWords = answer(placesAsWords, sort, page, parts);
            if (asWords.quality() == MatchQuality.ALL_TERMS) {
                searched = placesAsWords;
                answer = asWords;
            }
        }
        var text = searched.interpretation().text();
        var response = answer.response();
        if (response == null) {
            return new ProductSearchConnection(SearchConnection.empty(page), ProductSearchConnection.Facets.NONE, null,
                    typed == null ? null : searched.interpretation(), null, null);
        }
        var quality = answer.quality();
        var found = SearchConnection.of(response, page, this::visible);
        var total = found.totalCount();
        String didYouMean = null;
        if (parts.didYouMean() && text != null && total < FEW_RESULTS && page.offset() == 0) {
            didYouMean = correction(typed, text, answer.request(), total);
        }
        // what buyers typed, once: not again for each filter they then narrow it with,
        // nor as found nothing when their own filter, or prices that exclude each other
        // ("di atas 200 ribu di bawah 50 ribu"), left nothing
        if (typed != null && page.offset() == 0 && explicit.setsNothing()
                && !searched.interpretation().priceRangeEmpty()) {
            analytics.record(typed, total, clientAddress);
        }
        return new ProductSearchConnection(found, facets(response, parts), didYouMean,
                typed == null ? null : searched.interpretation(), quality, answer.everyWord());
    }

    /**
     * What a search found, how well it matched (null when nothing had a word), how many
     * products have every word (null without words), and the request as first asked; no
     * response while there is no index yet.
     */
    private record Answer(JsonNode response, MatchQuality quality, Long everyWord, ProductQuery request) {

        boolean nothing() {
            return response != null && total(response) == 0;
        }

    }

    /**
     * The products with every word first; when fewer than a page have them all, most of
     * the words, then any; when none has a word and the query names a place, what is made
     * there.
     */
    private Answer answer(SearchInterpretation.Applied searched, ProductSearchSort sort, OffsetPage page,
            ProductSearchParts parts) {
        var typed = searched.interpretation().text();
        var written = typed == null ? Set.<String>of() : writtenInProducts(typed);
        var text = typed == null ? null : completions.mended(typed,
                word -> otherNames.isKnownWord(word) || places.hasWord(word) || written.contains(word));
        var request = new ProductQuery(text, searched.filter(), sort, (int) page.offset(), page.limit(), parts,
                Matching.ALL_WORDS, searched.cheapFirst(),
                searched.craftsFirst() || text != null && namesThingsMade(text),
                text == null ? Map.of() : otherNamesOf(text), text == null ? Map.of() : roots.ofEach(text),
                text == null ? Set.of() : union(wordsSpeltRight(text), written));
        var response = execute(ProductQueries.search(request));
        if (response == null || text == null) {
            return new Answer(response, null, null, request);
        }
        // the first request keeps to the products having every word
        long found = total(response);
        long everyWord = found;
        MatchQuality quality = found == 0 ? null
                : ProductQueries.hasEveryWordAsAsked(response) ? MatchQuality.ALL_TERMS : MatchQuality.RELATED;
        var words = Words.of(text).size();
        var tried = Matching.ALL_WORDS;
        for (var relaxed : List.of(Matching.MOST_WORDS, Matching.ANY_WORD)) {
            if (found >= page.limit()) {
                break;
            }
            // one word, or any of two, is what was asked already
            if (relaxed.wordsRequired(words) >= tried.wordsRequired(words)) {
                continue;
            }
            tried = relaxed;
            var wider = improving(ProductQueries.search(request.matching(relaxed)));
            if (wider != null && total(wider) > found) {
                response = wider;
                found = total(wider);
                if (quality == null) {
                    quality = relaxed == Matching.MOST_WORDS ? MatchQuality.MOST_TERMS : MatchQuality.RELATED;
                }
            }
        }
        if (quality == null && searched.interpretation().narrowsToAPlace() && !namesAThing(text)) {
            // words that match nothing made in the place typed and name no thing
            // ("produk umkm penujak"): what is made there is related. A thing made only
            // elsewhere ("sarong near Ekas") is not answered with the place's other
            // products: the page offers to search further instead.
            var madeThere = improving(ProductQueries.search(request.withoutText()));
            if (madeThere != null && total(madeThere) > 0) {
                response = madeThere;
                quality = MatchQuality.RELATED;
            }
        }
        return new Answer(response, quality, everyWord, request);
    }

    /**
     * Whether the words of the text, but those naming goods in general ("oleh-oleh khas",
     * "handmade", "produk"), name a kind of the department's taxonomy ("madu" while
     * nobody lists honey: what a buyer asks for, and a search that found nothing) or what
     * some product is, wherever it is made.
     */
    private boolean namesAThing(String text) {
        var things = Words.of(String.join(" ", QueryUnderstanding.thingWords(text)));
        if (things.isEmpty()) {
            return false;
        }
        if (categories.all().values().stream().anyMatch(category -> namesAll(things, category.name()))) {
            return true;
        }
        var named = improving(ProductQueries.thingNamed(String.join(" ", things)));
        return named != null && total(named) > 0;
    }

    /** Whether the words hold every word of the name in one of its languages. */
    private static boolean namesAll(List<String> words, LocalizedText name) {
        return Stream.of(name.indonesian(), name.english())
            .filter(Objects::nonNull)
            .map(Words::of)
            .anyMatch(named -> !named.isEmpty() && words.containsAll(named));
    }

    /**
     * The other names of the things the text names, but none for a word of a place's
     * name: "Lombok" is a chili in Javanese, and "tenun lombok" is not about chilies.
     */
    private Map<String, List<OtherNames.Name>> otherNamesOf(String text) {
        var names = new LinkedHashMap<>(otherNames.of(text));
        names.keySet().removeIf(places::hasWord);
        return names;
    }

    /** Whether the words, but those of places, name things made and no food. */
    private boolean namesThingsMade(String text) {
        return otherNames.nameThingsMade(Words.of(text).stream().filter(word -> !places.hasWord(word)).toList());
    }

    /**
     * The words of the text that neither titles nor a lexicon know but some product's
     * texts say (a description, a material): a seller's own word ("banten", a Balinese
     * offering) is taken as typed, not as a typo of a title's word ("bantal", a pillow),
     * whose fuzzy match outscored the description saying it. One request, counting each
     * such word, and only when the text has one.
     */
    private Set<String> writtenInProducts(String text) {
        var spelt = wordsSpeltRight(text);
        var unknown = Words.of(text)
            .stream()
            .filter(word -> !spelt.contains(word) && !otherNames.isKnownWord(word) && !places.hasWord(word))
            .distinct()
            .toList();
        var response = unknown.isEmpty() ? null : improving(ProductQueries.written(unknown));
        if (response == null) {
            return Set.of();
        }
        var counts = ProductQueries.writtenCounts(response);
        return unknown.stream()
            .filter(word -> counts.path(word).path("doc_count").asLong() > 0)
            .collect(toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> some, Set<String> others) {
        return Stream.concat(some.stream(), others.stream()).collect(toUnmodifiableSet());
    }

    /** The words of the text taken as typed (see {@link Completions#wordsSpeltRight}). */
    private Set<String> wordsSpeltRight(String text) {
        var english = Words.of(text).stream().filter(otherNames::isEnglishNoun).toList();
        return union(completions.wordsSpeltRight(text, otherNames::isKnownWord), Set.copyOf(english));
    }

    /** The text with the whole word (ignoring case) replaced. */
    private static String replaceWord(String text, String word, String replacement) {
        return text.replaceAll("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Matcher.quoteReplacement(replacement));
    }

    private static long total(JsonNode response) {
        return response.path("hits").path("total").path("value").asLong();
    }

    /**
     * The query typed with its misspelt words corrected, when the corrected words find
     * more products than the typed ones; else null. Only words that neither the index nor
     * a lexicon knows are corrected, so a correct word is never swapped for a similar
     * one.
     */
    private String correction(String typed, String text, ProductQuery request, long found) {
        var spelling = improving(ProductQueries.spelling(text));
        if (spelling == null) {
            return null;
        }
        var corrected = typed;
        var correctedText = text;
        for (var suggestion : spelling.path("suggest").path("spelling")) {
            var options = suggestion.path("options");
            var word = suggestion.get("text").asString();
            // a word the index lacks may still be a word: only a misspelling is replaced
            if (!options.isEmpty() && !otherNames.isKnownWord(word)) {
                var replacement = options.get(0).get("text").asString();
                corrected = replaceWord(corrected, word, replacement);
                correctedText = replaceWord(correctedText, word, replacement);
            }
        }
        if (corrected.equals(typed)) {
            return null;
        }
        var check = new ProductQuery(correctedText, request.filter(), request.sort(), 0, 0, ProductSearchParts.COUNT,
                Matching.MOST_WORDS, false, false, otherNamesOf(correctedText), roots.ofEach(correctedText),
                wordsSpeltRight(correctedText));
        var answer = improving(ProductQueries.search(check));
        return answer != null && total(answer) > found ? corrected : null;
    }

    /**
     * Of these products, those the caller may see, by id: read again from the catalog, as
     * the page shows them.
     */
    private Map<Long, Product> visible(List<Long> ids) {
        var visible = new HashMap<Long, Product>();
        products.visibleInOrder(ids).forEach(product -> visible.put(product.id(), product));
        return visible;
    }

    /**
     * What a search box offers for the words typed: completions counted in advance (see
     * {@link Completions}), brand and village names among them, categories, and, when
     * {@code withProducts}, products whose titles start with the words (the one part that
     * asks Elasticsearch).
     */
    public SearchSuggestions suggest(String prefix, Integer first, boolean withProducts) {
        var text = SearchInput.text(prefix);
        int size = first == null ? 8 : first;
        if (size < 0 || size > 20) {
            throw new IllegalArgumentException("first must be between 0 and 20");
        }
        if (text == null) {
            return SearchSuggestions.NONE;
        }
        var found = List.<Product>of();
        if (withProducts && size > 0) {
            var response = execute(ProductQueries.suggest(text, size));
            if (response != null) {
                var ids = new ArrayList<Long>();
                response.path("hits").path("hits").forEach(hit -> ids.add(Long.valueOf(hit.get("_id").asString())));
                found = products.visibleInOrder(ids);
            }
        }
        return new SearchSuggestions(completions.complete(text, size, EnumSet.allOf(SearchCompletion.Kind.class)),
                found, names(text, SearchCompletion.Kind.BRAND), names(text, SearchCompletion.Kind.VILLAGE),
                categoriesStartingWith(text));
    }

    /**
     * What several different buyers searched for lately and found products with (see
     * {@link Completions}).
     */
    public List<String> popularSearches(Integer first) {
        int size = first == null ? 8 : first;
        if (size < 0 || size > 20) {
            throw new IllegalArgumentException("first must be between 0 and 20");
        }
        return completions.popularSearches(size);
    }

    private List<String> names(String text, SearchCompletion.Kind kind) {
        return completions.complete(text, MAX_NAME_SUGGESTIONS, EnumSet.of(kind))
            .stream()
            .map(SearchCompletion::text)
            .toList();
    }

    /**
     * Categories still offered where every word typed starts a word of the Indonesian or
     * the English name, ignoring case and accents.
     */
    private List<Category> categoriesStartingWith(String text) {
        var typed = Words.of(text);
        return categories.all()
            .values()
            .stream()
            .filter(categories::isOffered)
            .filter(category -> Words.startsWords(category.name().indonesian(), typed)
                    || Words.startsWords(category.name().english(), typed))
            .limit(MAX_CATEGORY_SUGGESTIONS)
            .toList();
    }

    /**
     * The most frequent queries of the last {@code days} days. Curators and admins only.
     */
    public List<SearchQueryStat> queryStats(Integer days, Boolean zeroResultsOnly, Integer first) {
        Caller.current().requireStaff();
        int period = days == null ? 30 : days;
        int limit = first == null ? 20 : first;
        if (period < 1 || period > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366");
        }
        if (limit < 0 || limit > OffsetPage.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + OffsetPage.MAX_PAGE_SIZE);
        }
        return analytics.top(Duration.ofDays(period), Boolean.TRUE.equals(zeroResultsOnly), limit);
    }

    // ---- helpers

    /** The response, or null while there is no index behind the alias yet. */
    private JsonNode execute(Map<String, Object> body) {
        return requests.search(SearchIndexName.PRODUCTS.alias(), body);
    }

    /**
     * The response to a search that only improves an answer already found; null when the
     * request's time ran out before or while it was asked.
     */
    private JsonNode improving(Map<String, Object> body) {
        if (!requests.haveTimeLeft()) {
            return null;
        }
        try {
            return execute(body);
        }
        catch (UncheckedIOException failure) {
            if (failure.getCause() instanceof SocketTimeoutException) {
                return null;
            }
            throw failure;
        }
    }

    private ProductSearchConnection.Facets facets(JsonNode response, ProductSearchParts parts) {
        var aggs = response.path("aggregations");
        var prices = new ArrayList<ProductSearchConnection.PriceRange>();
        for (var bucket : ProductQueries.facet(aggs, "prices").path("buckets")) {
            prices.add(new ProductSearchConnection.PriceRange(bound(bucket.get("from")), bound(bucket.get("to")),
                    bucket.get("doc_count").asLong()));
        }
        var categoryNames = new HashMap<String, LocalizedText>();
        if (parts.labelled().contains(ProductSearchParts.Facet.CATEGORIES)) {
            categories.all().values().forEach(category -> categoryNames.put(category.slug(), category.name()));
        }
        return new ProductSearchConnection.Facets(
                terms(aggs, "categories", bucket -> categoryNames.get(bucket.get("key").asString())),
                terms(aggs, "villages", bucket -> villageName(bucket.path(ProductQueries.VILLAGE_NAME))),
                terms(aggs, "regencies", bucket -> RegencyNames.of(bucket.get("key").asString())),
                terms(aggs, "materials", bucket -> null), terms(aggs, "availability", bucket -> null), prices);
    }

    /**
     * The village's name, when the search asked the index for it: a proper name, the same
     * in both languages.
     */
    private static LocalizedText villageName(JsonNode names) {
        var buckets = names.path("buckets");
        if (buckets.isEmpty()) {
            return null;
        }
        var name = buckets.get(0).get("key").asString();
        return new LocalizedText(name, name);
    }

    private static Long bound(JsonNode value) {
        return value == null || value.isNull() ? null : value.asLong();
    }

    private static List<ProductSearchConnection.FacetValue> terms(JsonNode aggs, String facet,
            Function<JsonNode, LocalizedText> label) {
        var values = new ArrayList<ProductSearchConnection.FacetValue>();
        for (var bucket : ProductQueries.facet(aggs, facet).path("buckets")) {
            values.add(new ProductSearchConnection.FacetValue(bucket.get("key").asString(),
                    bucket.get("doc_count").asLong(), label.apply(bucket)));
        }
        return values;
    }

}
