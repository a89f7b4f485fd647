package id.kriyanusa.platform.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.pagination.EncodingCursorStrategy;
import org.springframework.graphql.data.query.ScrollPositionCursorStrategy;
import org.springframework.graphql.data.query.WindowConnectionAdapter;

/**
 * A Relay cursor connection: one page of nodes, their cursors, and how many nodes the
 * whole list holds. Spring for GraphQL's {@link WindowConnectionAdapter} makes the edges
 * and page info of a {@link Window}; its own connection has no `totalCount`, which
 * clients and pages show, so the schema's connection types are filled from the adapter
 * plus the count (ADR 0007).
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    /**
     * Opaque cursors: a scroll position ("O_42"), base64-encoded. The same instance
     * decodes `after` into a {@code ScrollSubrange} ({@link CursorConfiguration}).
     */
    static final EncodingCursorStrategy<ScrollPosition> CURSORS = CursorStrategy
        .withEncoder(new ScrollPositionCursorStrategy(), CursorEncoder.base64());

    private static final WindowConnectionAdapter ADAPTER = new WindowConnectionAdapter(CURSORS);

    public record Edge<T>(T node, String cursor) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static <T> Connection<T> of(Window<T> window, long totalCount) {
        List<T> nodes = List.copyOf(ADAPTER.getContent(window));
        var edges = new ArrayList<Edge<T>>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(nodes.get(i), ADAPTER.cursorAt(window, i)));
        }
        var pageInfo = new PageInfo(ADAPTER.hasNext(window), ADAPTER.hasPrevious(window),
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, pageInfo, totalCount);
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public <R> Connection<R> map(Function<T, R> mapper) {
        return new Connection<>(edges.stream().map(e -> new Edge<>(mapper.apply(e.node()), e.cursor())).toList(),
                pageInfo, totalCount);
    }

}
