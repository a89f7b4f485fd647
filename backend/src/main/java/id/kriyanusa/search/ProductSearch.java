package id.kriyanusa.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.kriyanusa.catalog.Categories;
import id.kriyanusa.catalog.Category;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.search.internal.Completions;
import id.kriyanusa.search.internal.ProductQueries;
import id.kriyanusa.search.internal.SearchAnalytics;
import id.kriyanusa.search.internal.SearchRequests;
import id.kriyanusa.search.internal.Words;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Product search for everyone, over the products index; the products shown are loaded
 * again from PostgreSQL through the catalog, in ranking order, so a hit the caller may
 * not (or no longer) see is left out and every field is current. Search analytics record
 * the query text and result count only.
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

    ProductSearch(SearchRequests requests, Products products, Categories categories, SearchAnalytics analytics,
            Completions completions) {
        this.requests = requests;
        this.products = products;
        this.categories = categories;
        this.analytics = analytics;
        this.completions = completions;
    }

    /**
     * One page of results, with the parts the caller shows. Labelled category and village
     * facet values carry their names (categories read in one statement, village names
     * taken from the index along with the counts).
     */
    public ProductSearchConnection search(String query, ProductSearchFilter filter, ProductSearchSort sort,
            OffsetPage page, ProductSearchParts parts) {
        var text = SearchInput.text(query);
        var f = filter == null ? ProductSearchFilter.NONE : filter;
        SearchInput.check(f.near(), page);
        var body = ProductQueries.search(text, f, sort, (int) page.offset(), page.limit(), parts);
        var response = execute(body);
        if (response == null) {
            return new ProductSearchConnection(SearchConnection.empty(page), ProductSearchConnection.Facets.NONE, null);
        }
        var found = SearchConnection.of(response, page, this::visible);
        var total = found.totalCount();
        String didYouMean = null;
        if (parts.didYouMean() && text != null && total < FEW_RESULTS && page.offset() == 0) {
            var spelling = execute(ProductQueries.spelling(text));
            didYouMean = spelling == null ? null : correction(spelling);
        }
        if (text != null && page.offset() == 0) {
            analytics.record(text, total);
        }
        return new ProductSearchConnection(found, facets(response, parts), didYouMean);
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

    private List<String> names(String text, SearchCompletion.Kind kind) {
        return completions.complete(text, MAX_NAME_SUGGESTIONS, EnumSet.of(kind))
            .stream()
            .map(SearchCompletion::text)
            .toList();
    }

    /**
     * Categories where every word typed starts a word of the Indonesian or the English
     * name, ignoring case and accents.
     */
    private List<Category> categoriesStartingWith(String text) {
        var typed = Words.of(text);
        return categories.all()
            .values()
            .stream()
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
                terms(aggs, "regencies", bucket -> null), terms(aggs, "materials", bucket -> null),
                terms(aggs, "availability", bucket -> null), prices);
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

    /**
     * The query with each misspelt word replaced by the indexed word most like it, or
     * null when nothing changed.
     */
    private static String correction(JsonNode response) {
        var words = new ArrayList<String>();
        var changed = false;
        for (var suggestion : response.path("suggest").path("spelling")) {
            var options = suggestion.path("options");
            if (!options.isEmpty()) {
                words.add(options.get(0).get("text").asString());
                changed = true;
            }
            else {
                words.add(suggestion.get("text").asString());
            }
        }
        return changed ? String.join(" ", words) : null;
    }

}
