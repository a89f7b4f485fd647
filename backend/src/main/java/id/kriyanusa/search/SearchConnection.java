package id.kriyanusa.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.OffsetPage;
import tools.jackson.databind.JsonNode;

/**
 * One page of results, in ranking order as the caller may see them, and how many match in
 * all. Named a connection, like the schema's types: Spring for GraphQL leaves a value
 * whose class name ends in "Connection" as it is when adapting connection fields.
 */
public record SearchConnection<T>(List<Edge<T>> edges, Connection.PageInfo pageInfo, long totalCount) {

    /** One result with the passages of its texts that matched. */
    public record Edge<T>(T node, String cursor, List<SearchHighlight> highlights) {
    }

    /**
     * Nothing found: no index is behind the alias yet (a fresh installation's first
     * build).
     */
    static <T> SearchConnection<T> empty(OffsetPage page) {
        return new SearchConnection<>(List.of(), new Connection.PageInfo(false, page.offset() > 0, null, null), 0);
    }

    /**
     * The page in a search answer's hits. The entities are read again through
     * {@code visible} (one read for the page), which leaves out those the caller may not,
     * or no longer, see.
     */
    static <T> SearchConnection<T> of(JsonNode response, OffsetPage page, Function<List<Long>, Map<Long, T>> visible) {
        var hits = response.path("hits");
        var ids = new ArrayList<Long>();
        var highlights = new HashMap<Long, List<SearchHighlight>>();
        for (var hit : hits.path("hits")) {
            var id = Long.valueOf(hit.get("_id").asString());
            ids.add(id);
            highlights.put(id, SearchHighlight.of(hit));
        }
        long total = hits.path("total").path("value").asLong();
        Connection<Long> positions = page.connection(ids, total);
        var found = visible.apply(positions.nodes());
        var edges = new ArrayList<Edge<T>>();
        for (var edge : positions.edges()) {
            var node = found.get(edge.node());
            if (node != null) {
                edges.add(new Edge<>(node, edge.cursor(), highlights.getOrDefault(edge.node(), List.of())));
            }
        }
        return new SearchConnection<>(edges, positions.pageInfo(), total);
    }
}
