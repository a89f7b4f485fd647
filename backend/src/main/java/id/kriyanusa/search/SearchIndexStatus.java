package id.kriyanusa.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The latest reindex an admin started, and for each search index what answers searches
 * and how its latest rebuild went.
 */
public record SearchIndexStatus(Reindex reindex, List<Index> indices) {

    /** Where an admin's reindex stands. */
    public enum ReindexState {

        RUNNING, COMPLETED, FAILED

    }

    /** An admin's reindex of some or all indices, one after another. */
    public record Reindex(List<SearchIndexName> indices, ReindexState state, String note, OffsetDateTime startedAt,
            OffsetDateTime finishedAt, String failure) {
    }

    /**
     * One search index: the concrete index behind its alias, and whether it is built from
     * the definition in the code.
     */
    public record Index(SearchIndexName name, String alias, String index, boolean upToDate, Rebuild latestRebuild) {
    }

    /**
     * A full rebuild of one index: running while {@code finishedAt} is null;
     * {@code failure} set when it did not finish.
     */
    public record Rebuild(String index, String previousIndex, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            int documents, boolean running, String failure) {
    }
}
