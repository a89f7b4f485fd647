package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.platform.graphql.Connection;

/** One page of brands or villages found, in ranking order as the caller may see them, and how many match in all. */
public record SearchPage<T>(List<Edge<T>> edges, Connection.PageInfo pageInfo, long totalCount) {

    /** One result with the passages of its texts that matched. */
    public record Edge<T>(T node, String cursor, List<SearchHighlight> highlights) {
    }
}
