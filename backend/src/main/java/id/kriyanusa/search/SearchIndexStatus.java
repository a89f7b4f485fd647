package id.kriyanusa.search;

import java.time.OffsetDateTime;

/** Which index answers searches now, and how the latest full reindex went or is going. */
public record SearchIndexStatus(String index, Rebuild latestRebuild) {

    /** A full reindex: running while {@code finishedAt} is null; {@code failure} set when it did not finish. */
    public record Rebuild(String index, String previousIndex, OffsetDateTime startedAt, OffsetDateTime finishedAt,
            int documents, boolean running, String failure) {
    }
}
