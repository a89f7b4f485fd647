package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.catalog.Product;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.Connection;

/**
 * One page of search results: the products in ranking order as the caller may see them,
 * the total number of matches, facet counts, when few products match a corrected query to
 * suggest, how the query was read, and how well the products found match its words.
 */
public record ProductSearchConnection(List<SearchConnection.Edge<Product>> edges, Connection.PageInfo pageInfo,
        long totalCount, Facets facets, String didYouMean, SearchInterpretation interpretation,
        MatchQuality matchQuality, Long allTermsCount) {

    ProductSearchConnection(SearchConnection<Product> found, Facets facets, String didYouMean,
            SearchInterpretation interpretation, MatchQuality matchQuality, Long allTermsCount) {
        this(found.edges(), found.pageInfo(), found.totalCount(), facets, didYouMean, interpretation, matchQuality,
                allTermsCount);
    }

    /**
     * Counts per facet value. Each facet counts with every other selected condition
     * applied but not its own, so a visitor sees how many products each alternative value
     * would give.
     */
    public record Facets(List<FacetValue> categories, List<FacetValue> villages, List<FacetValue> regencies,
            List<FacetValue> materials, List<FacetValue> availability, List<PriceRange> priceRanges) {

        static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    }

    /**
     * A facet value; {@code label} names a category or village, when the caller asked for
     * it.
     */
    public record FacetValue(String value, long count, LocalizedText label) {
    }

    /**
     * A price band in whole rupiah: {@code min} inclusive, {@code max} exclusive, either
     * open when null.
     */
    public record PriceRange(Long min, Long max, long count) {
    }
}
