package id.kriyanusa.search.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.ProductSearchParts;
import id.kriyanusa.search.ProductSearchSort;
import tools.jackson.databind.JsonNode;

/**
 * The search request bodies, written as the JSON of Elasticsearch's documentation so they
 * can be read (and tried in a console) as they are.
 * <p>
 * <b>Matching.</b> Four clauses, any may match: the best of the Indonesian and English
 * titles and categories, forgiving typos such as "gerabh" (one in a word many titles
 * have, {@code AUTO} in others, see {@link #forgivingTypos}), and the materials,
 * techniques, brand and village, exactly; titles boosted; a {@code match} on
 * {@code cross}, a copy of all texts searched through the cross-language synonyms (so
 * "pottery" finds a product described only as "gerabah"), without fuzziness, since fuzzy
 * expansion of synonym phrases is both slow and wrong; a {@code cross_fields} clause with
 * {@code operator: and} that lifts products having every word of the query; and the
 * descriptions, stemmed, at a fifth of the weight; the Indonesian title and description
 * also as their root words ({@link IndonesianRoots}). A search asks for every word first,
 * and for most, then any, when that finds fewer than a page ({@link Matching}); the
 * products having every word then still come first.
 * <p>
 * <b>Ranking signals.</b> A {@code function_score} multiplies the text score by 1 + small
 * bonuses (model village 0.15, images 0.1, verified brand 0.05, freshness up to 0.2
 * decaying over ~3 months): at most x1.5, so a signal can order equally good matches but
 * never lift a weak match above an exact title match (titles weigh x3).
 * <p>
 * <b>Facets.</b> Filters that have a facet go in {@code post_filter}; a facet with a
 * selection is counted under a {@code filter} holding all the other facet filters, so its
 * counts ignore its own selection (disjunctive facets). The facets without a selection
 * all share one {@code filter} of every selection (see {@link #facet(JsonNode, String)}):
 * each filter aggregation is one more pass over all matches, and a typical search selects
 * one or two facets, not six. Filters without a facet (brands, model villages, distance)
 * restrict the query itself.
 */
public final class ProductQueries {

    public static final List<Long> PRICE_BANDS = List.of(50_000L, 150_000L, 500_000L);

    /** The aggregation that counts the facets without a selection. */
    private static final String UNSELECTED = "unselected_facets";

    /**
     * The aggregation counting the products that have each word (see {@link #written}).
     */
    private static final String WRITTEN = "written";

    /** The sub-aggregation of a village facet value that holds the village's name. */
    public static final String VILLAGE_NAME = "name";

    /**
     * One word of one or two, two of three, three of four: a rounded-down 75 %, at least
     * one.
     */
    private static final String MSM = "75%";

    /** The most words the vocabulary names together that a query's words are read as. */
    private static final int LONGEST_TOGETHER = 3;

    /**
     * The count of the products found that have every word of the text as asked for, not
     * only by the name of a thing like the one it names (see {@link #everyWord}).
     */
    private static final String ASKED_FOR = "asked_for";

    /**
     * A buyer asking for crafts ("kerajinan tangan Pringgasela") or naming a thing made
     * ("bag") is not asking for the place's coffee, nor for coffee in drip bags: foods
     * score a third less, more than the other signals together, so crafts come first.
     */
    private static final double FOOD_WHEN_CRAFTS = 2.0 / 3;

    /**
     * The fields buyers name things by: typos are forgiven there. {@code joined} holds
     * each two neighbouring words of the titles and categories written as one, so
     * "ecoprint" (or "ecoprin") finds "Eco Print" and "totebag" a "Tote Bag".
     */
    private static final List<String> NAME_FIELDS = List.of("title_id^3", "title_en^3", "category_names_id^2",
            "category_names_en^2", "joined^2");

    /**
     * What a product is made of and by whom, where: matched exactly. A place a buyer
     * names that query understanding did not take as a condition (a regency's first word,
     * a district it does not know) still finds the products made there, below a village.
     */
    private static final List<String> ATTRIBUTE_FIELDS = List.of("materials.text^1.5", "techniques", "brand_name^1.5",
            "village_name", "district.text^0.5", "regency.text^0.5");

    private static final List<String> ATTRIBUTE_FIELDS_BUT_BRAND = ATTRIBUTE_FIELDS.stream()
        .filter(field -> !field.startsWith("brand_name"))
        .toList();

    /**
     * The descriptions as their language's stemmer reads them: "gendong" finds "untuk
     * menggendong bayi", "grill" "for grilling" ({@code cross} holds them as written).
     */
    private static final List<String> DESCRIPTION_FIELDS = List.of("description_id", "description_en");

    /**
     * A description says much besides what the product is: its words count a fifth of the
     * title's.
     */
    private static final double DESCRIPTION_WEIGHT = 0.2;

    /** A title's words read as their roots weigh as much as the title's stems. */
    private static final double TITLE_ROOT_WEIGHT = 3.0;

    /** The Indonesian texts as their root words (see {@link IndonesianRoots}). */
    private static final List<String> ROOT_FIELDS = List.of("title_roots", "description_roots");

    /**
     * The weights of another name of a thing (see {@link OtherNames}), and of its kind's
     * name, against the words typed: a product named as the buyer named it comes first.
     */
    private static final double OTHER_NAME_WEIGHT = 0.5;

    private static final double KIND_WEIGHT = 0.25;

    /**
     * The weight of a word that names the kind of the thing a product's title names
     * ({@link OtherNames#kindsOf}): it finds the product, below the words of its title.
     */
    private static final double KINDS_WEIGHT = 1.0;

    /**
     * The weight of a word typed that is what a product's title names it (see
     * {@link TitleThing}), over a word it only has; half of it for the Indonesian title's
     * second word, which may still be part of the name.
     */
    private static final double THING_WEIGHT = 3.0;

    /**
     * When too few products have every word and fewer are asked for, those having every
     * word still come first: their score is multiplied by about four, so a product with
     * some of the words must match them four times as well to pass one (issue 16: all
     * words first, then most, then any).
     */
    private static final double EVERY_WORD_WEIGHT = 3.0;

    /**
     * "murah", "cheap": the products having every word cheapest first, above the related
     * ones when the search relaxes, which come best first (see functionScore), as the
     * condition's chip says; a product without a price last.
     */
    private static final List<Object> CHEAPEST_FIRST = List.of("_score",
            Map.of("price", Map.of("order", "asc", "missing", "_last")), Map.of("id", "asc"));

    /** A score above any text score. */
    private static final double EVERY_WORD_RANK = 1_000_000.0;

    private ProductQueries() {
    }

    /**
     * The search, with the aggregations, highlighting and counting of the parts the
     * caller shows. A labelled village facet adds the name of each village counted (one
     * village has one name, so a terms aggregation of size 1 reads it).
     */
    public static Map<String, Object> search(ProductQuery q) {
        var text = q.text();
        var f = q.filter();
        var parts = q.parts();
        var facetFilters = facetFilters(f);
        var body = new LinkedHashMap<String, Object>();
        var filters = new ArrayList<>(queryFilters(f));
        if (text != null && q.matching() == Matching.ALL_WORDS) {
            filters.add(everyWord(text, q.otherNames(), q.roots(), q.speltRight(), false));
        }
        // relaxed, the products having every word still come first
        var everyWordFirst = text != null && q.matching() != Matching.ALL_WORDS
                ? everyWord(text, q.otherNames(), q.roots(), q.speltRight(), false) : null;
        var query = bool(List.of(textQuery(text, q.matching(), q.otherNames(), q.roots(), q.speltRight())), filters);
        body.put("query",
                q.cheapFirst()
                        ? cheapestFirst(query, everyWordFirst,
                                text == null ? null : everyWord(text, q.otherNames(), q.roots(), q.speltRight(), true))
                        : functionScore(query, q.craftsFirst(), everyWordFirst));
        body.put("post_filter", bool(List.of(), List.copyOf(facetFilters.values())));
        var aggs = new LinkedHashMap<String, Object>();
        var unselected = new LinkedHashMap<String, Object>();
        for (var facet : parts.facets()) {
            var name = aggregationName(facet);
            var aggregation = aggregation(facet, parts.labelled().contains(facet));
            if (facetFilters.containsKey(name)) {
                aggs.put(name, Map.of("filter", bool(List.of(), others(facetFilters, name)), "aggs",
                        Map.of("values", aggregation)));
            }
            else {
                unselected.put(name, aggregation);
            }
        }
        if (!unselected.isEmpty()) {
            aggs.put(UNSELECTED,
                    Map.of("filter", bool(List.of(), List.copyOf(facetFilters.values())), "aggs", unselected));
        }
        if (text != null && q.matching() == Matching.ALL_WORDS) {
            var asked = askedFor(q, facetFilters.values());
            if (asked != null) {
                aggs.put(ASKED_FOR, asked);
            }
        }
        if (!aggs.isEmpty()) {
            body.put("aggs", aggs);
        }
        if (text != null && parts.highlights()) {
            body.put("highlight", Map.of("pre_tags", List.of("<em>"), "post_tags", List.of("</em>"),
                    // the words as analysed (stems, synonyms), without the fuzzy
                    // expansions of the ranking query: on
                    // 100,000 products highlighting with those took ~130 of a search's
                    // ~155 ms (infra/bench/README.md)
                    "highlight_query",
                    Map.of("multi_match",
                            Map.of("query", text, "fields",
                                    List.of("title_id", "title_en", "description_id", "description_en"))),
                    // the array form, one field per object, keeps the order (and is what
                    // the Java client reads back)
                    "fields",
                    List.of(Map.of("title_id", Map.of("number_of_fragments", 0)),
                            Map.of("title_en", Map.of("number_of_fragments", 0)),
                            Map.of("description_id", Map.of("fragment_size", 150, "number_of_fragments", 2)),
                            Map.of("description_en", Map.of("fragment_size", 150, "number_of_fragments", 2)))));
        }
        body.put("sort", q.cheapFirst() ? CHEAPEST_FIRST : sort(q.sort(), f.near()));
        body.put("from", q.from());
        body.put("size", q.size());
        // past the page, one more match tells whether another page follows
        body.put("track_total_hits", parts.totalCount() ? true : q.from() + q.size() + 1);
        body.put("_source", false);
        return body;
    }

    /** The name of a facet's aggregation, and of its filter in {@link #facetFilters}. */
    public static String aggregationName(ProductSearchParts.Facet facet) {
        return facet == ProductSearchParts.Facet.PRICE_RANGES ? "prices" : facet.field();
    }

    private static Map<String, Object> aggregation(ProductSearchParts.Facet facet, boolean labelled) {
        return switch (facet) {
            case CATEGORIES -> terms("category_slugs", 50);
            case VILLAGES -> labelled ? Map.of("terms", Map.of("field", "village_slug", "size", 50), "aggs",
                    Map.of(VILLAGE_NAME, terms("village_name.keyword", 1))) : terms("village_slug", 50);
            case REGENCIES -> terms("regency", 20);
            case MATERIALS -> terms("materials", 30);
            case AVAILABILITY -> terms("availability", 5);
            case PRICE_RANGES -> {
                var ranges = new ArrayList<Map<String, Object>>();
                Long lower = null;
                for (var band : PRICE_BANDS) {
                    ranges.add(lower == null ? Map.of("to", band) : Map.of("from", lower, "to", band));
                    lower = band;
                }
                ranges.add(Map.of("from", lower));
                yield Map.of("range", Map.of("field", "price", "ranges", ranges));
            }
        };
    }

    /**
     * The indexed words nearest to each misspelt word of the query, for "did you mean":
     * sent on its own, only when a search found few products, so the many searches that
     * find enough do not pay for it.
     */
    public static Map<String, Object> spelling(String text) {
        return Map.of("size", 0, "track_total_hits", false, "suggest", Map.of("text", text, "spelling",
                Map.of("term", Map.of("field", "spelling", "suggest_mode", "missing", "min_word_length", 4))));
    }

    /**
     * Whether a word of the text names what some product is, as its titles name it (see
     * {@link TitleThing}): "sarong" does, "usaha" (business) and "handmade" do not. A
     * count of at most one.
     */
    public static Map<String, Object> thingNamed(String text) {
        return Map.of("size", 0, "track_total_hits", 1, "query",
                Map.of("multi_match", Map.of("query", text, "fields", List.of("thing", "things_second_word"))));
    }

    /**
     * How many products' texts have each of these folded words as written (no synonyms,
     * no typos forgiven): see {@link #writtenCounts}.
     */
    public static Map<String, Object> written(List<String> words) {
        var each = new LinkedHashMap<String, Object>();
        words.forEach(word -> each.put(word,
                Map.of("match", Map.of("cross", Map.of("query", word, "analyzer", "cross_index")))));
        return Map.of("size", 0, "track_total_hits", false, "aggs",
                Map.of(WRITTEN, Map.of("filters", Map.of("filters", each))));
    }

    /** The counts of {@link #written}, by word: {@code {"word": {"doc_count": n}}}. */
    public static JsonNode writtenCounts(JsonNode response) {
        return response.path("aggregations").path(WRITTEN).path("buckets");
    }

    /**
     * The counts of one facet in the response of {@link #search}: its {@code terms} or
     * {@code range} aggregation.
     */
    public static JsonNode facet(JsonNode aggregations, String name) {
        var selected = aggregations.get(name);
        return selected != null ? selected.path("values") : aggregations.path(UNSELECTED).path(name);
    }

    /**
     * The products whose Indonesian or English title has words starting with the words
     * typed, best match first (the other completions are counted in advance, see
     * {@link Completions}).
     */
    public static Map<String, Object> suggest(String prefix, int size) {
        var titles = List.of(prefixMatch("title_id.prefix", prefix), prefixMatch("title_en.prefix", prefix));
        var body = new LinkedHashMap<String, Object>();
        body.put("query", Map.of("bool", Map.of("should", titles, "minimum_should_match", 1)));
        body.put("size", size);
        body.put("track_total_hits", false);
        body.put("_source", false);
        return body;
    }

    private static Map<String, Object> prefixMatch(String field, String prefix) {
        return Map.of("match", Map.of(field, Map.of("query", prefix, "operator", "and")));
    }

    /**
     * How many of the words typed a product must have: all first; when that finds fewer
     * than a page, most (three of four), then any (issue 16: matching that degrades
     * gracefully, and says so).
     */
    public enum Matching {

        ALL_WORDS("100%"), MOST_WORDS(MSM), ANY_WORD("1");

        private final String minimumShouldMatch;

        Matching(String minimumShouldMatch) {
            this.minimumShouldMatch = minimumShouldMatch;
        }

        /**
         * How many of so many words a product must have: a relaxed matching that asks for
         * no fewer than the one before it finds no more products, and is not sent.
         */
        public int wordsRequired(int words) {
            return switch (this) {
                case ALL_WORDS -> words;
                case MOST_WORDS -> Math.max(Math.min(words, 1), words * 3 / 4);
                case ANY_WORD -> Math.min(words, 1);
            };
        }

    }

    /**
     * Every word of the text in some field, forgiving typos where the ranking query does
     * (titles, categories) and through the cross-language synonyms, or one of the other
     * names of the thing it names (not of its kind: a buyer asking for batik wants batik,
     * not any cloth); a word that analysis removes (a stop word) asks for nothing. When
     * {@code named}, only as the product's titles, thing or categories say it, not in its
     * description nor by another name or kind: a keychain whose description says it hangs
     * on a bag is not a bag, nor is a purse, which is its other name. A word that titles
     * spell as typed names a thing, and a brand whose name has it does not make all its
     * products that thing: the songket weavers' eco-print scarf is not songket. A thing's
     * names that the thesaurus only groups with it (a guci, an urn, for a kendi) find
     * products too, but the product then does not have the word as asked for (see
     * {@link #hasEveryWordAsAsked}).
     */
    private static Map<String, Object> everyWord(String text, Map<String, List<OtherNames.Name>> otherNames,
            Map<String, String> roots, Set<String> speltRight, boolean named) {
        var each = new ArrayList<Object>();
        for (var unit : units(text)) {
            if (named) {
                each.add(eachWordOrTogether(unit, word -> {
                    var should = wordAsTyped(word, speltRight);
                    should.add(Map.of("match", Map.of("thing", Map.of("query", word, "zero_terms_query", "all"))));
                    should.add(Map.of("match",
                            Map.of("title_roots", Map.of("query", rooted(word, roots), "zero_terms_query", "all"))));
                    return oneOf(should);
                }, "thing"));
                continue;
            }
            each.add(eachWordOrTogether(unit, word -> {
                var asAsked = asAskedFor(word, speltRight, otherNames, roots);
                var alike = alikeNames(word, otherNames).map(ProductQueries::anyOf).toList();
                if (alike.isEmpty()) {
                    return asAsked;
                }
                var orAlike = new ArrayList<Object>(List.of(asAsked));
                orAlike.addAll(alike);
                return oneOf(orAlike);
            }, "cross"));
        }
        return Map.of("bool", Map.of("filter", each));
    }

    /**
     * The words of the text, those that the vocabulary names together ("pendant light")
     * kept together, the longest first.
     */
    private static List<List<String>> units(String text) {
        var words = List.of(text.strip().split("\\s+"));
        var units = new ArrayList<List<String>>();
        int i = 0;
        while (i < words.size()) {
            int length = Math.min(LONGEST_TOGETHER, words.size() - i);
            while (length > 1 && !Vocabulary.namesTogether(Words.of(String.join(" ", words.subList(i, i + length))))) {
                length--;
            }
            units.add(words.subList(i, i + length));
            i += length;
        }
        return units;
    }

    /**
     * A word, or words the vocabulary names together: each word (as the clause of one
     * word asks), or the words together as that field's analysis reads them, where
     * "pendant light" is also a "lampu gantung" whose words are neither "pendant" nor
     * "light".
     */
    private static Map<String, Object> eachWordOrTogether(List<String> unit,
            Function<String, Map<String, Object>> clause, String together) {
        if (unit.size() == 1) {
            return clause.apply(unit.getFirst());
        }
        var eachWord = Map.of("bool", Map.of("filter", unit.stream().map(clause).toList()));
        var asOne = Map.of("match", Map.of(together, Map.of("query", String.join(" ", unit), "operator", "and")));
        return oneOf(List.<Object>of(eachWord, asOne));
    }

    /**
     * The word in the titles and categories (typos forgiven where titles do not spell it
     * as typed), or in the materials, techniques, places and brand; the brand not for a
     * word that titles spell as typed.
     */
    private static List<Object> wordAsTyped(String word, Set<String> speltRight) {
        var thing = speltRight.containsAll(Words.of(word));
        return new ArrayList<>(List.of(
                Map.of("multi_match",
                        forgivingTypos(Map.of("query", word, "fields", NAME_FIELDS, "zero_terms_query", "all"),
                                speltRight)),
                Map.of("multi_match", Map.of("query", word, "fields",
                        thing ? ATTRIBUTE_FIELDS_BUT_BRAND : ATTRIBUTE_FIELDS, "zero_terms_query", "all"))));
    }

    /**
     * The word as typed, through the cross-language vocabulary, in the descriptions, as a
     * root, as a kind, or by another name of the same thing.
     */
    private static Map<String, Object> asAskedFor(String word, Set<String> speltRight,
            Map<String, List<OtherNames.Name>> otherNames, Map<String, String> roots) {
        var should = wordAsTyped(word, speltRight);
        should.add(Map.of("match", Map.of("cross", Map.of("query", word, "zero_terms_query", "all"))));
        should
            .add(Map.of("multi_match", Map.of("query", word, "fields", DESCRIPTION_FIELDS, "zero_terms_query", "all")));
        should.add(Map.of("multi_match",
                Map.of("query", rooted(word, roots), "fields", ROOT_FIELDS, "zero_terms_query", "all")));
        should.add(Map.of("match", Map.of("kinds", Map.of("query", word, "zero_terms_query", "all"))));
        thingsOf(word, otherNames).map(names -> namesRelated(names, OtherNames.Relation.SAME))
            .filter(names -> !names.isEmpty())
            .forEach(names -> should.add(anyOf(names)));
        return oneOf(should);
    }

    /**
     * The count of the products found with every word as asked for, among those shown
     * (the facets' filters applied), when a word names things like others; else none.
     */
    private static Map<String, Object> askedFor(ProductQuery q, Collection<Object> facetFilters) {
        var asked = new ArrayList<Object>(facetFilters);
        for (var unit : units(q.text())) {
            if (unit.stream().anyMatch(word -> alikeNames(word, q.otherNames()).findAny().isPresent())) {
                asked.add(eachWordOrTogether(unit, word -> asAskedFor(word, q.speltRight(), q.otherNames(), q.roots()),
                        "cross"));
            }
        }
        return asked.size() == facetFilters.size() ? null : Map.of("filter", bool(List.of(), asked));
    }

    /**
     * Whether some product found has every word as asked for: a guci (an urn) is like a
     * kendi (a jug), and the nearest pottery may have only urns. Known only when the
     * search asked (see {@link #askedFor}); true when it did not.
     */
    public static boolean hasEveryWordAsAsked(JsonNode response) {
        var asked = response.path("aggregations").path(ASKED_FOR);
        return asked.isMissingNode() || asked.path("doc_count").asLong() > 0;
    }

    /** The other names of the things a word of the text is part of. */
    private static Stream<List<OtherNames.Name>> thingsOf(String word, Map<String, List<OtherNames.Name>> otherNames) {
        return Words.of(word).stream().map(otherNames::get).filter(Objects::nonNull).distinct();
    }

    /**
     * The names of things like those a word of the text names (see
     * {@link OtherNames.Relation#ALIKE}).
     */
    private static Stream<List<OtherNames.Name>> alikeNames(String word,
            Map<String, List<OtherNames.Name>> otherNames) {
        return thingsOf(word, otherNames).map(names -> namesRelated(names, OtherNames.Relation.ALIKE))
            .filter(names -> !names.isEmpty());
    }

    private static List<OtherNames.Name> namesRelated(List<OtherNames.Name> names, OtherNames.Relation relation) {
        return names.stream().filter(name -> name.relation() == relation).toList();
    }

    private static Map<String, Object> oneOf(List<Object> queries) {
        return Map.of("bool", Map.of("should", queries, "minimum_should_match", 1));
    }

    private static Map<String, Object> textQuery(String text, Matching matching,
            Map<String, List<OtherNames.Name>> otherNames, Map<String, String> roots, Set<String> speltRight) {
        if (text == null) {
            return Map.of("match_all", Map.of());
        }
        var msm = matching == Matching.ANY_WORD ? matching.minimumShouldMatch : MSM;
        // most words must match (one of two, two of three, ...), so "vas bunga" still
        // finds the vases. Typos are forgiven
        // in the titles and category names a buyer names things by; not in descriptions
        // (their large vocabulary made
        // fuzzy expansion the costliest part of the query) nor in materials, techniques,
        // brand and village names, where
        // they mostly found look-alike names ("lombok" matched the village Loyok) and
        // added to the work of every search;
        // all of these still match exactly here and through `cross`, and brand and
        // village typos through their own search
        var names = Map.of("multi_match", forgivingTypos(Map.of("query", text, "type", "best_fields", "fields",
                NAME_FIELDS, "tie_breaker", 0.3, "minimum_should_match", msm), speltRight));
        var attributes = Map.of("multi_match", Map.of("query", text, "type", "best_fields", "fields", ATTRIBUTE_FIELDS,
                "tie_breaker", 0.3, "minimum_should_match", msm));
        var rooted = rooted(text, roots);
        var titleRoots = Map.of("match", Map.of("title_roots",
                Map.of("query", rooted, "minimum_should_match", msm, "boost", TITLE_ROOT_WEIGHT)));
        // the best field scores, as one best_fields clause over all of them did
        var fields = Map.of("dis_max", Map.of("queries", List.of(names, attributes, titleRoots), "tie_breaker", 0.3));
        var crossLanguage = Map.of("match", Map.of("cross", Map.of("query", text, "minimum_should_match", msm)));
        // products that have every word, across their fields, come first. In `cross` a
        // word's names in either language are phrases that add up ("kain tenun", "woven
        // fabric", "woven cloth"), so it counts half: a blazer of woven fabric saying all
        // three does not pass the cloths, whose titles say "kain tenun"
        var allWords = Map.of("multi_match", Map.of("query", text, "type", "cross_fields", "fields",
                List.of("title_id^3", "title_en^3", "category_names_id", "category_names_en", "materials.text",
                        "techniques", "brand_name", "village_name", "district.text", "regency.text", "cross^0.5"),
                "operator", "and", "boost", 2));
        var descriptionWords = Map.of("multi_match", Map.of("query", text, "type", "best_fields", "fields",
                DESCRIPTION_FIELDS, "tie_breaker", 0.3, "minimum_should_match", msm));
        var descriptionRoots = Map.of("match",
                Map.of("description_roots", Map.of("query", rooted, "minimum_should_match", msm)));
        var descriptions = Map.of("dis_max", Map.of("queries", List.of(descriptionWords, descriptionRoots),
                "tie_breaker", 0.3, "boost", DESCRIPTION_WEIGHT));
        var should = new ArrayList<Object>(List.of(fields, crossLanguage, allWords, descriptions));
        // a word naming the kind of the thing a title names ("mebel" for a table)
        should.add(Map.of("match",
                Map.of("kinds", Map.of("query", text, "minimum_should_match", msm, "boost", KINDS_WEIGHT))));
        var kinds = new ArrayList<Object>();
        for (var thing : new LinkedHashSet<>(otherNames.values())) {
            var same = thing.stream().filter(name -> !name.kind()).toList();
            var kind = thing.stream().filter(OtherNames.Name::kind).toList();
            if (!same.isEmpty()) {
                should.add(anyOf(same));
            }
            if (!kind.isEmpty()) {
                kinds.add(anyOf(kind));
            }
        }
        Map<String, Object> matched = Map.of("bool", Map.of("should", should, "minimum_should_match", 1));
        // what the title names the product (TitleThing) and the name of a thing's kind
        // order the products found; they find none themselves, so "batik" is not
        // answered with every cloth
        var ordering = new ArrayList<Object>(kinds);
        ordering.add(namedAs("thing", text, THING_WEIGHT));
        ordering.add(namedAs("things_second_word", text, THING_WEIGHT / 2));
        return Map.of("bool", Map.of("must", List.of(matched), "should", ordering));
    }

    /**
     * What a product's title names it, as the text names it: the text as a whole, whose
     * name may have other names ("ikat pinggang" is a belt), or word by word, as a thing
     * of one word ("kain") is never matched by the phrase that a name with other names
     * becomes ("kain tenun", woven cloth); the better of the two.
     */
    private static Map<String, Object> namedAs(String field, String text, double weight) {
        Map<String, Object> whole = Map.of("match", Map.of(field, Map.of("query", text, "boost", weight)));
        var words = Words.of(text);
        if (words.size() < 2) {
            return whole;
        }
        var eachWord = words.stream()
            .map(word -> Map.of("match", Map.of(field, Map.of("query", word, "boost", weight))))
            .toList();
        return Map.of("dis_max", Map.of("queries", List.of(whole, Map.of("bool", Map.of("should", eachWord)))));
    }

    /**
     * The match with typos forgiven when its text has a word that titles do not spell as
     * typed; as it is when every word is (a match forgives typos in all its words or
     * none).
     */
    private static Map<String, Object> forgivingTypos(Map<String, Object> match, Set<String> speltRight) {
        if (speltRight.containsAll(Words.of((String) match.get("query")))) {
            return match;
        }
        var fuzzy = new LinkedHashMap<>(match);
        fuzzy.put("fuzziness", "AUTO");
        fuzzy.put("prefix_length", 1);
        return fuzzy;
    }

    /** The folded words of the text as their Indonesian roots. */
    private static String rooted(String text, Map<String, String> roots) {
        return String.join(" ", Words.of(text).stream().map(word -> roots.getOrDefault(word, word)).toList());
    }

    /**
     * The best of a thing's other names that a product has, each as a phrase ("tote bag"
     * is not any bag): the best, not the sum, so a product is not lifted for having many
     * of them.
     */
    private static Map<String, Object> anyOf(List<OtherNames.Name> names) {
        return Map.of("dis_max", Map.of("queries", names.stream()
            .map(name -> Map.of("match_phrase",
                    Map.of("cross",
                            Map.of("query", name.words(), "boost", name.kind() ? KIND_WEIGHT : OTHER_NAME_WEIGHT))))
            .toList()));
    }

    /**
     * "murah": the products whose names have every word score alike, above any text
     * score, so that they are ordered by price (see {@link #CHEAPEST_FIRST}); then those
     * having every word elsewhere (a description), by price too; relaxed, the related
     * ones keep their text scores below them, best first. Ordered by price alone, the
     * cheapest things whose descriptions mention a bag came before the bags.
     */
    private static Map<String, Object> cheapestFirst(Map<String, Object> query, Map<String, Object> everyWordFirst,
            Map<String, Object> namedFirst) {
        var ranks = new ArrayList<Object>();
        ranks.add(everyWordFirst == null ? Map.of("weight", EVERY_WORD_RANK)
                : Map.of("filter", everyWordFirst, "weight", EVERY_WORD_RANK));
        if (namedFirst != null) {
            ranks.add(Map.of("filter", namedFirst, "weight", 2 * EVERY_WORD_RANK));
        }
        return Map.of("function_score",
                Map.of("query", query, "functions", ranks, "score_mode", "max", "boost_mode", "max"));
    }

    /**
     * The text score times 1 + the signals' bonuses; and, for the products having every
     * word when fewer words are asked for, + {@link #EVERY_WORD_WEIGHT}.
     */
    private static Map<String, Object> functionScore(Map<String, Object> query, boolean craftsFirst,
            Map<String, Object> everyWordFirst) {
        var functions = new ArrayList<Object>(List.of(Map.of("filter", Map.of("match_all", Map.of()), "weight", 1.0),
                Map.of("filter", Map.of("term", Map.of("model_village", true)), "weight", 0.15),
                Map.of("filter", Map.of("term", Map.of("has_images", true)), "weight", 0.1),
                Map.of("filter", Map.of("term", Map.of("verified_brand", true)), "weight", 0.05),
                Map.of("gauss",
                        Map.of("published_at", Map.of("origin", "now", "scale", "90d", "offset", "7d", "decay", 0.5)),
                        "weight", 0.2)));
        if (everyWordFirst != null) {
            functions.add(Map.of("filter", everyWordFirst, "weight", EVERY_WORD_WEIGHT));
        }
        var scored = Map.<String, Object>of("function_score",
                Map.of("query", query, "functions", functions, "score_mode", "sum", "boost_mode", "multiply"));
        if (!craftsFirst) {
            return scored;
        }
        // a factor of its own, so that the other products keep their order among
        // themselves
        return Map.of("function_score",
                Map.of("query", scored, "functions",
                        List.of(Map.of("filter", Map.of("term", Map.of("food", true)), "weight", FOOD_WHEN_CRAFTS)),
                        "boost_mode", "multiply"));
    }

    /** The filters that have a facet, by facet name, in a stable order. */
    private static Map<String, Object> facetFilters(ProductSearchFilter f) {
        var filters = new LinkedHashMap<String, Object>();
        if (present(f.categories())) {
            filters.put("categories", Map.of("terms", Map.of("category_slugs", clean(f.categories(), false))));
        }
        if (present(f.villages())) {
            filters.put("villages", Map.of("terms", Map.of("village_slug", clean(f.villages(), false))));
        }
        if (present(f.regencies())) {
            filters.put("regencies", Map.of("terms", Map.of("regency", clean(f.regencies(), false))));
        }
        if (present(f.materials())) {
            filters.put("materials", Map.of("terms", Map.of("materials", clean(f.materials(), true))));
        }
        if (present(f.availability())) {
            filters.put("availability", Map.of("terms",
                    Map.of("availability", f.availability().stream().map(Enum::name).distinct().toList())));
        }
        if (f.priceMin() != null || f.priceMax() != null) {
            var range = new LinkedHashMap<String, Object>();
            if (f.priceMin() != null) {
                range.put("gte", f.priceMin());
            }
            if (f.priceMax() != null) {
                range.put("lte", f.priceMax());
            }
            filters.put("prices", Map.of("range", Map.of("price", range)));
        }
        return filters;
    }

    /** Filters without a facet: they restrict the query, and so every count. */
    private static List<Object> queryFilters(ProductSearchFilter f) {
        var filters = new ArrayList<Object>();
        if (present(f.brands())) {
            filters.add(Map.of("terms", Map.of("brand_slug", clean(f.brands(), false))));
        }
        if (Boolean.TRUE.equals(f.modelVillagesOnly())) {
            filters.add(Map.of("term", Map.of("model_village", true)));
        }
        if (f.near() != null) {
            filters.add(Map.of("geo_distance", Map.of("distance", f.near().radiusKm() + "km", "location",
                    Map.of("lat", f.near().lat(), "lon", f.near().lon()))));
        }
        return filters;
    }

    private static List<Object> others(Map<String, Object> facetFilters, String name) {
        return facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(name)).map(Map.Entry::getValue).toList();
    }

    private static Map<String, Object> terms(String field, int size) {
        return Map.of("terms", Map.of("field", field, "size", size));
    }

    private static Map<String, Object> bool(List<?> must, List<?> filter) {
        var bool = new LinkedHashMap<String, Object>();
        if (!must.isEmpty()) {
            bool.put("must", must);
        }
        bool.put("filter", filter);
        return Map.of("bool", bool);
    }

    private static List<Object> sort(ProductSearchSort sort, ProductSearchFilter.Near near) {
        var newest = Map.of("published_at", Map.of("order", "desc", "missing", "_last"));
        return switch (sort == null ? ProductSearchSort.RELEVANCE : sort) {
            case RELEVANCE -> List.<Object>of("_score", newest, Map.of("id", "asc"));
            case NEWEST -> List.<Object>of(newest, Map.of("id", "desc"));
            case PRICE_ASC ->
                List.<Object>of(Map.of("price", Map.of("order", "asc", "missing", "_last")), Map.of("id", "asc"));
            case PRICE_DESC ->
                List.<Object>of(Map.of("price", Map.of("order", "desc", "missing", "_last")), Map.of("id", "desc"));
            case DISTANCE -> {
                if (near == null) {
                    throw new IllegalArgumentException("Sorting by DISTANCE needs filter.near");
                }
                yield List.<Object>of(Map.of("_geo_distance",
                        Map.of("location", Map.of("lat", near.lat(), "lon", near.lon()), "order", "asc", "unit", "km")),
                        Map.of("id", "asc"));
            }
        };
    }

    private static boolean present(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static List<String> clean(List<String> values, boolean lowerCase) {
        return values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(String::strip)
            .map(v -> lowerCase ? v.toLowerCase(Locale.ROOT) : v)
            .distinct()
            .limit(100)
            .toList();
    }

}
