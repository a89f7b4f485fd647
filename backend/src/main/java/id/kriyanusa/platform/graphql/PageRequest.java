package id.kriyanusa.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A page asked for with Relay's `first` and `after`. Cursors are opaque positions in the
 * sorted result, so clients page with whatever filter and sort they chose; at most
 * {@value #MAX_PAGE_SIZE} nodes a page.
 */
public record PageRequest(int first, long offset) {

    public static final int MAX_PAGE_SIZE = 100;

    public static final int DEFAULT_PAGE_SIZE = 20;

    public static PageRequest of(Integer first, String after) {
        var size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE_SIZE);
        }
        return new PageRequest(size, after == null ? 0 : decode(after) + 1);
    }

    /**
     * How many rows to fetch: one more than the page, to learn whether another page
     * follows.
     */
    public int limit() {
        return first + 1;
    }

    /**
     * Builds the connection from rows fetched with {@link #limit()} and
     * {@link #offset()}.
     */
    public <T> Connection<T> connection(List<T> rows, long totalCount) {
        var hasNext = rows.size() > first;
        var edges = new ArrayList<Connection.Edge<T>>(Math.min(rows.size(), first));
        for (int i = 0; i < rows.size() && i < first; i++) {
            edges.add(new Connection.Edge<>(rows.get(i), encode(offset + i)));
        }
        var pageInfo = new Connection.PageInfo(hasNext, offset > 0, edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, pageInfo, totalCount);
    }

    static String encode(long position) {
        return Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(("pos:" + position).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            var raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("pos:")) {
                var position = Long.parseLong(raw.substring(4));
                if (position >= 0) {
                    return position;
                }
            }
        }
        catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new IllegalArgumentException("Malformed cursor: " + cursor);
    }
}
