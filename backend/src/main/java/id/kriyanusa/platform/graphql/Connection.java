package id.kriyanusa.platform.graphql;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay cursor connection: one page of nodes, their cursors, and where the page stands
 * in the whole.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public <R> Connection<R> map(Function<T, R> mapper) {
        return new Connection<>(edges.stream().map(e -> new Edge<>(mapper.apply(e.node()), e.cursor())).toList(),
                pageInfo, totalCount);
    }
}
