package id.kriyanusa.search.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import id.kriyanusa.search.ProductSearchFilter;
import id.kriyanusa.search.ProductSearchParts;
import id.kriyanusa.search.ProductSearchSort;
import id.kriyanusa.search.internal.ProductQueries.Matching;

/**
 * One product search as sent to Elasticsearch.
 *
 * @param text the words to match, or null for every product
 * @param filter the conditions, typed and given
 * @param sort the order, relevance when null
 * @param from the first result's position
 * @param size how many results
 * @param parts what the caller shows
 * @param matching how many of the words a product must have
 * @param cheapFirst whether cheaper products are lifted
 * @param craftsFirst whether crafts are lifted above foods (see
 * {@link OtherNames#isFood})
 * @param otherNames the words of the text that name a thing, with the thing's other names
 * (see {@link OtherNames})
 * @param roots each word of the text with its Indonesian root (see
 * {@link IndonesianRoots})
 * @param speltRight the words of the text taken as typed, with no typos forgiven (see
 * {@link Completions#wordsSpeltRight})
 */
public record ProductQuery(String text, ProductSearchFilter filter, ProductSearchSort sort, int from, int size,
        ProductSearchParts parts, Matching matching, boolean cheapFirst, boolean craftsFirst,
        Map<String, List<OtherNames.Name>> otherNames, Map<String, String> roots, Set<String> speltRight) {

    public ProductQuery {
        otherNames = Map.copyOf(otherNames);
        roots = Map.copyOf(roots);
        speltRight = Set.copyOf(speltRight);
    }

    /** The same search without words: every product the filter lets through. */
    public ProductQuery withoutText() {
        return new ProductQuery(null, filter, sort, from, size, parts, Matching.ALL_WORDS, cheapFirst, craftsFirst,
                Map.of(), Map.of(), Set.of());
    }

    /** The same search, with products having fewer of the words. */
    public ProductQuery matching(Matching relaxed) {
        return new ProductQuery(text, filter, sort, from, size, parts, relaxed, cheapFirst, craftsFirst, otherNames,
                roots, speltRight);
    }

}
