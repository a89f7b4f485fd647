package id.kriyanusa.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import id.kriyanusa.catalog.Product;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.PageRequest;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.Role;
import id.kriyanusa.search.internal.IndexReconciliation;
import id.kriyanusa.search.internal.ProductIndex;
import id.kriyanusa.search.internal.ProductIndexer;
import id.kriyanusa.search.internal.ProductQueries;
import id.kriyanusa.search.internal.SearchAnalytics;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Product search for everyone, over the products index; the products shown are loaded again from PostgreSQL through
 * the catalog, in ranking order, so a hit the caller may not (or no longer) see is left out and every field is
 * current. Search analytics record the query text and result count only.
 */
@Service
public class ProductSearch {

    static final int MAX_QUERY_LENGTH = 200;
    /** Below this many matches, a spelling correction is offered. */
    static final int FEW_RESULTS = 3;
    /** Elasticsearch's index.max_result_window: deeper pages would need search_after. */
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ElasticsearchClient client;
    private final Products products;
    private final ProductIndexer indexer;
    private final ProductIndex index;
    private final SearchAnalytics analytics;
    private final IndexReconciliation reconciliation;

    ProductSearch(ElasticsearchClient client, Products products, ProductIndexer indexer, ProductIndex index,
            SearchAnalytics analytics, IndexReconciliation reconciliation) {
        this.client = client;
        this.products = products;
        this.indexer = indexer;
        this.index = index;
        this.analytics = analytics;
        this.reconciliation = reconciliation;
    }

    public ProductSearchResult search(String query, ProductSearchFilter filter, ProductSearchSort sort, PageRequest page) {
        var text = text(query);
        var f = filter == null ? ProductSearchFilter.NONE : filter;
        if (f.near() != null && (f.near().radiusKm() <= 0 || Math.abs(f.near().lat()) > 90 || Math.abs(f.near().lon()) > 180)) {
            throw new IllegalArgumentException("filter.near needs a latitude, a longitude and a positive radius");
        }
        if (page.offset() + page.limit() > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("Only the first " + MAX_RESULT_WINDOW + " results can be paged through; narrow the search");
        }
        var body = ProductQueries.search(text, f, sort, (int) page.offset(), page.limit(), page.offset() == 0);
        var response = execute(body);
        if (response == null) {
            // the very first index is still being built (a fresh installation): nothing to find yet
            return new ProductSearchResult(List.of(), new Connection.PageInfo(false, page.offset() > 0, null, null), 0,
                    new ProductSearchResult.Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()), null);
        }
        var total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();

        var ids = new ArrayList<Long>();
        var highlights = new HashMap<Long, List<ProductSearchResult.Highlight>>();
        for (var hit : response.hits().hits()) {
            var id = Long.valueOf(hit.id());
            ids.add(id);
            var found = new ArrayList<ProductSearchResult.Highlight>();
            hit.highlight().forEach((field, snippets) -> found.add(new ProductSearchResult.Highlight(field, snippets)));
            highlights.put(id, found);
        }
        Connection<Long> positions = page.connection(ids, total);
        var visible = new HashMap<Long, Product>();
        products.visibleInOrder(positions.nodes()).forEach(product -> visible.put(product.id(), product));
        var edges = new ArrayList<ProductSearchResult.Edge>();
        for (var edge : positions.edges()) {
            var product = visible.get(edge.node());
            if (product != null) {
                edges.add(new ProductSearchResult.Edge(product, edge.cursor(), highlights.getOrDefault(edge.node(), List.of())));
            }
        }
        String didYouMean = null;
        if (text != null && total < FEW_RESULTS) {
            didYouMean = correction(response);
        }
        if (text != null && page.offset() == 0) {
            analytics.record(text, total);
        }
        return new ProductSearchResult(edges, positions.pageInfo(), total, facets(response), didYouMean);
    }

    /** Products whose titles start with the words typed, and brand and village names starting with them. */
    public SearchSuggestions suggest(String prefix, Integer first) {
        var text = text(prefix);
        int size = first == null ? 8 : first;
        if (size < 0 || size > 20) {
            throw new IllegalArgumentException("first must be between 0 and 20");
        }
        if (text == null) {
            return new SearchSuggestions(List.of(), List.of(), List.of());
        }
        var response = execute(ProductQueries.suggest(text, size));
        if (response == null) {
            return new SearchSuggestions(List.of(), List.of(), List.of());
        }
        var ids = response.hits().hits().stream().map(hit -> Long.valueOf(hit.id())).toList();
        return new SearchSuggestions(products.visibleInOrder(ids), names(response, "brands"), names(response, "villages"));
    }

    /** Rebuilds the products index from PostgreSQL and swaps the alias to it. Admins only. */
    public ReindexProductsPayload reindex() {
        Caller.current().require(Role.ADMIN);
        var rebuilt = indexer.rebuild();
        if (rebuilt == null) {
            return ReindexProductsPayload.failed(UserError.of(null, "RUNNING", "A reindex is already running; try again when it has finished"));
        }
        return new ReindexProductsPayload(rebuilt.index(), rebuilt.previousIndex(), rebuilt.documents(), List.of());
    }

    /** The index behind the alias and the latest full reindex, with its progress while it runs. Admins only. */
    public SearchIndexStatus indexStatus() {
        Caller.current().require(Role.ADMIN);
        var rebuild = indexer.progress().map(p -> new SearchIndexStatus.Rebuild(p.index(), p.previousIndex(),
                p.startedAt().atOffset(ZoneOffset.UTC), p.finishedAt() == null ? null : p.finishedAt().atOffset(ZoneOffset.UTC),
                p.documents(), p.running(), p.failure())).orElse(null);
        return new SearchIndexStatus(index.current().orElse(null), rebuild);
    }

    /** PostgreSQL compared with the products index (ids and the versions each document was built from). Admins only. */
    public SearchReconciliation reconcile() {
        Caller.current().require(Role.ADMIN);
        return SearchReconciliation.of(reconciliation.run());
    }

    /** The most frequent queries of the last {@code days} days. Curators and admins only. */
    public List<SearchQueryStat> queryStats(Integer days, Boolean zeroResultsOnly, Integer first) {
        Caller.current().requireStaff();
        int period = days == null ? 30 : days;
        int limit = first == null ? 20 : first;
        if (period < 1 || period > 366) {
            throw new IllegalArgumentException("days must be between 1 and 366");
        }
        if (limit < 0 || limit > PageRequest.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + PageRequest.MAX_PAGE_SIZE);
        }
        return analytics.top(Duration.ofDays(period), Boolean.TRUE.equals(zeroResultsOnly), limit);
    }

    // ---- helpers

    /** The response, or null while there is no index behind the alias yet. */
    private SearchResponse<JsonData> execute(Map<String, Object> body) {
        var json = JSON.writeValueAsString(body);
        try {
            return client.search(SearchRequest.of(b -> b.withJson(new StringReader(json)).index(ProductIndex.ALIAS)), JsonData.class);
        }
        catch (ElasticsearchException e) {
            if (e.error() != null && "index_not_found_exception".equals(e.error().type())) {
                return null;
            }
            throw e;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProductSearchResult.Facets facets(SearchResponse<JsonData> response) {
        var aggs = response.aggregations();
        var prices = new ArrayList<ProductSearchResult.PriceRange>();
        for (var bucket : values(aggs.get("prices")).range().buckets().array()) {
            prices.add(new ProductSearchResult.PriceRange(bucket.from() == null ? null : bucket.from().longValue(),
                    bucket.to() == null ? null : bucket.to().longValue(), bucket.docCount()));
        }
        return new ProductSearchResult.Facets(terms(aggs.get("categories")), terms(aggs.get("villages")),
                terms(aggs.get("regencies")), terms(aggs.get("materials")), terms(aggs.get("availability")), prices);
    }

    private static Aggregate values(Aggregate facet) {
        return facet.filter().aggregations().get("values");
    }

    private static List<ProductSearchResult.FacetValue> terms(Aggregate facet) {
        return values(facet).sterms().buckets().array().stream()
                .map(bucket -> new ProductSearchResult.FacetValue(bucket.key().stringValue(), bucket.docCount())).toList();
    }

    private static List<String> names(SearchResponse<JsonData> response, String aggregation) {
        return values(response.aggregations().get(aggregation)).sterms().buckets().array().stream()
                .map(bucket -> bucket.key().stringValue()).toList();
    }

    /** The query with each misspelt word replaced by the indexed word most like it, or null when nothing changed. */
    private static String correction(SearchResponse<JsonData> response) {
        var suggestions = response.suggest().get("spelling");
        if (suggestions == null || suggestions.isEmpty()) {
            return null;
        }
        var words = new ArrayList<String>();
        var changed = false;
        for (var suggestion : suggestions) {
            var term = suggestion.term();
            if (!term.options().isEmpty()) {
                words.add(term.options().getFirst().text());
                changed = true;
            }
            else {
                words.add(term.text());
            }
        }
        return changed ? String.join(" ", words) : null;
    }

    private static String text(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        var text = raw.strip();
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("A query may have at most " + MAX_QUERY_LENGTH + " characters");
        }
        return text;
    }
}
