package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.ProductSearchParts;
import id.kriyanusa.search.ProductSearchParts.Facet;
import id.kriyanusa.search.internal.ProductQueries.Matching;
import org.junit.jupiter.api.Test;

/**
 * A search asks Elasticsearch for the parts its caller shows and no others: each left out
 * is work a results list does not pay for.
 */
class ProductQueriesTest {

    private static final ProductSearchParts LIST_ONLY = new ProductSearchParts(Set.of(), Set.of(), false, false, false);

    @Test
    void aResultsListAsksForNoAggregationHighlightOrExactCount() {
        var body = ProductQueries.search(new ProductQuery("gerabah", ProductSearchFilter.NONE, null, 20, 10, LIST_ONLY,
                Matching.ALL_WORDS, false, false, Map.of(), Map.of(), Set.of()));
        assertThat(body).doesNotContainKeys("aggs", "highlight");
        // one past the page: enough to know whether another page follows
        assertThat(body).containsEntry("track_total_hits", 31);
    }

    @Test
    void whenFewerWordsAreAskedForWhatTheEveryWordSearchFindsIsLifted() {
        var all = ProductQueries.search(new ProductQuery("penutup makanan", ProductSearchFilter.NONE, null, 0, 10,
                LIST_ONLY, Matching.ALL_WORDS, false, false, Map.of(), Map.of(), Set.of()));
        var most = ProductQueries.search(new ProductQuery("penutup makanan", ProductSearchFilter.NONE, null, 0, 10,
                LIST_ONLY, Matching.MOST_WORDS, false, false, Map.of(), Map.of(), Set.of()));

        var everyWord = scored(all).get("filter");
        assertThat((List<?>) everyWord).hasSize(1);
        assertThat(lifted(all)).doesNotContain(((List<?>) everyWord).getFirst());
        assertThat(lifted(most)).contains(((List<?>) everyWord).getFirst());
    }

    /**
     * The bool query under the function score: its {@code filter} restricts what is
     * found.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> scored(Map<String, Object> body) {
        var score = (Map<String, Object>) ((Map<String, Object>) body.get("query")).get("function_score");
        return (Map<String, Object>) ((Map<String, Object>) score.get("query")).get("bool");
    }

    /** The filters of the function score's functions: what they lift. */
    @SuppressWarnings("unchecked")
    private static List<Object> lifted(Map<String, Object> body) {
        var score = (Map<String, Object>) ((Map<String, Object>) body.get("query")).get("function_score");
        return ((List<Map<String, Object>>) score.get("functions")).stream()
            .map(function -> function.get("filter"))
            .toList();
    }

    @Test
    void aSearchRelaxesOnlyWhereFewerWordsCanMatch() {
        // one word: relaxing would ask the same again
        assertThat(List.of(Matching.values()).stream().map(m -> m.wordsRequired(1))).containsExactly(1, 1, 1);
        // two: most words is any word
        assertThat(List.of(Matching.values()).stream().map(m -> m.wordsRequired(2))).containsExactly(2, 1, 1);
        assertThat(List.of(Matching.values()).stream().map(m -> m.wordsRequired(3))).containsExactly(3, 2, 1);
        assertThat(List.of(Matching.values()).stream().map(m -> m.wordsRequired(4))).containsExactly(4, 3, 1);
    }

    @Test
    void onlyTheFacetsAskedForAreCountedAndTheirNamesOnlyWhenAsked() {
        var parts = new ProductSearchParts(EnumSet.of(Facet.VILLAGES, Facet.PRICE_RANGES), Set.of(), true, true, true);
        var body = ProductQueries.search(new ProductQuery("gerabah", ProductSearchFilter.NONE, null, 0, 10, parts,
                Matching.MOST_WORDS, false, false, Map.of(), Map.of(), Set.of()));
        @SuppressWarnings("unchecked")
        var counted = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) body.get("aggs"))
            .get("unselected_facets")).get("aggs");
        assertThat(counted).containsOnlyKeys("villages", "prices");
        assertThat(counted.get("villages").toString()).doesNotContain("village_name");
        assertThat(body).containsKey("highlight").containsEntry("track_total_hits", true);
    }

}
