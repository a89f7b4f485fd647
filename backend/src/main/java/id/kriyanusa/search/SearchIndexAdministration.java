package id.kriyanusa.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.Role;
import id.kriyanusa.search.internal.IndexReconciliation;
import id.kriyanusa.search.internal.SearchIndexer;
import id.kriyanusa.search.internal.SearchIndices;
import org.springframework.stereotype.Service;

/**
 * What operators do with the search indices: rebuild them, follow the rebuild, compare
 * them with PostgreSQL. Admins only.
 */
@Service
public class SearchIndexAdministration {

    static final int MAX_NOTE = 500;

    private final SearchIndices indices;

    private final IndexReconciliation reconciliation;

    SearchIndexAdministration(SearchIndices indices, IndexReconciliation reconciliation) {
        this.indices = indices;
        this.reconciliation = reconciliation;
    }

    /**
     * Starts rebuilding one index, or all of them when {@code name} is null, from
     * PostgreSQL behind their aliases, and returns at once with the status; searches keep
     * answering from the old indices until each alias moves, and changes made meanwhile
     * reach both. A RUNNING user error while another reindex runs.
     */
    public ReindexSearchPayload reindex(SearchIndexName name, String note) {
        Caller.current().require(Role.ADMIN);
        var reason = note == null || note.isBlank() ? null : note.strip();
        if (reason != null && reason.length() > MAX_NOTE) {
            return new ReindexSearchPayload(null, List
                .of(UserError.of("input.note", UserErrorCode.TOO_LONG, "Use at most " + MAX_NOTE + " characters")));
        }
        var names = name == null ? Arrays.asList(SearchIndexName.values()) : List.of(name);
        var started = indices.startReindex(names, reason);
        var errors = started.isPresent() ? List.<UserError>of() : List.of(UserError.of(null, UserErrorCode.RUNNING,
                "A reindex is already running; follow it with searchIndexStatus and try again when it has finished"));
        return new ReindexSearchPayload(status(), errors);
    }

    /**
     * The latest reindex an admin started, and each index with the latest rebuild and its
     * progress while it runs.
     */
    public SearchIndexStatus indexStatus() {
        Caller.current().require(Role.ADMIN);
        return status();
    }

    /**
     * PostgreSQL compared with one index (ids and the versions each document was built
     * from).
     */
    public SearchReconciliation reconcile(SearchIndexName name) {
        Caller.current().require(Role.ADMIN);
        return SearchReconciliation.of(reconciliation.run(name == null ? SearchIndexName.PRODUCTS : name));
    }

    private SearchIndexStatus status() {
        var reindex = indices.latestReindex()
            .map(r -> new SearchIndexStatus.Reindex(r.indices(),
                    r.running() ? SearchIndexStatus.ReindexState.RUNNING
                            : r.failure() == null ? SearchIndexStatus.ReindexState.COMPLETED
                                    : SearchIndexStatus.ReindexState.FAILED,
                    r.note(), time(r.startedAt()), time(r.finishedAt()), r.failure()))
            .orElse(null);
        return new SearchIndexStatus(reindex, indices.all().stream().map(SearchIndexAdministration::index).toList());
    }

    private static SearchIndexStatus.Index index(SearchIndexer indexer) {
        var index = indexer.index();
        var rebuild = indexer.progress()
            .map(p -> new SearchIndexStatus.Rebuild(p.index(), p.previousIndex(), time(p.startedAt()),
                    time(p.finishedAt()), p.documents(), p.running(), p.failure()))
            .orElse(null);
        var current = index.current().orElse(null);
        return new SearchIndexStatus.Index(index.name(), index.alias(), current,
                current != null && index.definitionHash().equals(index.hashOf(current)), rebuild);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

}
