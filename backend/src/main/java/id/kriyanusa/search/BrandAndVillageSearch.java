package id.kriyanusa.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.json.JsonData;
import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.PageRequest;
import id.kriyanusa.search.internal.DirectoryQueries;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brand and village search for everyone, over the {@code brands} and {@code villages} indices. The brands and villages
 * shown are read again from PostgreSQL through their modules, in ranking order, so the caller sees what the brands'
 * visibility rules allow (a brand suspended a moment ago is left out even before its document is deleted) and every
 * field is current.
 */
@Service
public class BrandAndVillageSearch {

    static final int MAX_QUERY_LENGTH = 200;
    /** Elasticsearch's index.max_result_window. */
    static final int MAX_RESULT_WINDOW = 10_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ElasticsearchClient client;
    private final Brands brands;
    private final Villages villages;

    BrandAndVillageSearch(ElasticsearchClient client, Brands brands, Villages villages) {
        this.client = client;
        this.brands = brands;
        this.villages = villages;
    }

    public SearchPage<Brand> brands(String query, BrandSearchFilter filter, PageRequest page) {
        var f = filter == null ? BrandSearchFilter.NONE : filter;
        check(f.near(), page);
        return search(SearchIndexName.BRANDS, DirectoryQueries.brands(text(query), f, (int) page.offset(), page.limit()), page,
                brands::byIds);
    }

    public SearchPage<Village> villages(String query, VillageSearchFilter filter, PageRequest page) {
        var f = filter == null ? VillageSearchFilter.NONE : filter;
        check(f.near(), page);
        return search(SearchIndexName.VILLAGES, DirectoryQueries.villages(text(query), f, (int) page.offset(), page.limit()), page,
                villages::byIds);
    }

    private <T> SearchPage<T> search(SearchIndexName index, Map<String, Object> body, PageRequest page,
            Function<List<Long>, Map<Long, T>> load) {
        var json = JSON.writeValueAsString(body);
        SearchResponse<JsonData> response;
        try {
            response = client.search(SearchRequest.of(b -> b.withJson(new StringReader(json)).index(index.alias())), JsonData.class);
        }
        catch (ElasticsearchException e) {
            if (e.error() != null && "index_not_found_exception".equals(e.error().type())) {
                // the very first index is still being built (a fresh installation): nothing to find yet
                return new SearchPage<>(List.of(), new Connection.PageInfo(false, page.offset() > 0, null, null), 0);
            }
            throw e;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var total = response.hits().total() == null ? response.hits().hits().size() : response.hits().total().value();
        var ids = new ArrayList<Long>();
        var highlights = new HashMap<Long, List<SearchPage.Highlight>>();
        for (var hit : response.hits().hits()) {
            var id = Long.valueOf(hit.id());
            ids.add(id);
            var found = new ArrayList<SearchPage.Highlight>();
            hit.highlight().forEach((field, snippets) -> found.add(new SearchPage.Highlight(field, snippets)));
            highlights.put(id, found);
        }
        Connection<Long> positions = page.connection(ids, total);
        var visible = load.apply(positions.nodes());
        var edges = new ArrayList<SearchPage.Edge<T>>();
        for (var edge : positions.edges()) {
            var node = visible.get(edge.node());
            if (node != null) {
                edges.add(new SearchPage.Edge<>(node, edge.cursor(), highlights.getOrDefault(edge.node(), List.of())));
            }
        }
        return new SearchPage<>(edges, positions.pageInfo(), total);
    }

    private static void check(ProductSearchFilter.Near near, PageRequest page) {
        if (near != null && (near.radiusKm() <= 0 || Math.abs(near.lat()) > 90 || Math.abs(near.lon()) > 180)) {
            throw new IllegalArgumentException("filter.near needs a latitude, a longitude and a positive radius");
        }
        if (page.offset() + page.limit() > MAX_RESULT_WINDOW) {
            throw new IllegalArgumentException("Only the first " + MAX_RESULT_WINDOW + " results can be paged through; narrow the search");
        }
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
