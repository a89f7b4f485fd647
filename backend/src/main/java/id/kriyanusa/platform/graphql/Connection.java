package id.kriyanusa.platform.graphql;

import java.util.List;

/** A Relay cursor connection: one page of nodes, their cursors, and where the page stands in the whole. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
