package id.kriyanusa.platform.graphql;

import java.util.List;

import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * The rows a list field asks for, as an offset and a size for SQL and Elasticsearch
 * (from/size). Spring for GraphQL reads `first` and `after` into a {@link ScrollSubrange}
 * and decodes the cursor; this adds the portal's page size: {@value #DEFAULT_PAGE_SIZE}
 * nodes unless asked, at most {@value #MAX_PAGE_SIZE}.
 */
public record OffsetPage(long offset, int size) {

    public static final int MAX_PAGE_SIZE = 100;

    public static final int DEFAULT_PAGE_SIZE = 20;

    public static OffsetPage of(ScrollSubrange subrange) {
        var size = subrange.count().orElse(DEFAULT_PAGE_SIZE);
        checkSize(size);
        // an offset cursor names the last node seen: the page starts after it
        var position = subrange.position().orElse(ScrollPosition.offset());
        if (!(position instanceof OffsetScrollPosition offset)) {
            throw new IllegalArgumentException("Malformed cursor");
        }
        return new OffsetPage(offset.isInitial() ? 0 : offset.getOffset() + 1, size);
    }

    /**
     * Refuses a page size out of range. {@link ScrollSubrange} drops a negative `first`,
     * so {@link PageSizeLimit} checks the argument before the field is fetched.
     */
    static void checkSize(int first) {
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE_SIZE);
        }
    }

    /**
     * How many rows to fetch: one more than the page, to learn whether another page
     * follows.
     */
    public int limit() {
        return size + 1;
    }

    /**
     * The connection of rows fetched with {@link #limit()} and {@link #offset()}; each
     * node's cursor is its position in the sorted result.
     */
    public <T> Connection<T> connection(List<T> rows, long totalCount) {
        var window = Window.from(rows.subList(0, Math.min(rows.size(), size)),
                OffsetScrollPosition.positionFunction(offset), rows.size() > size);
        return Connection.of(window, totalCount);
    }

}
