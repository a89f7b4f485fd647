package id.kriyanusa.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.json.JsonData;
import id.kriyanusa.search.SearchIndexName;
import org.springframework.stereotype.Component;

/**
 * Compares what PostgreSQL says a search index should hold with what it holds: the ids of
 * the entities the public may see, and for each the versions of the entities its document
 * was built from (for a product: the product, its brand and its village; for a brand: the
 * brand and its village; for a village: the village). The index is read in id order with
 * {@code search_after} (only the id and version fields of {@code _source}), PostgreSQL in
 * id batches through the index's {@link IndexedDocuments}, as the indexer reads it.
 * <p>
 * The two reads are not one snapshot: a change committed meanwhile, or still on its way
 * through the event registry, shows as a difference until its listener has run. A
 * difference that persists is a lost or failed update.
 */
@Component
public class IndexReconciliation {

    static final int PAGE = 1000;

    /** How many differences of each kind are listed; all are counted. */
    public static final int LISTED = 100;

    private static final List<String> FIELDS = Stream.concat(Stream.of("id"), IndexedDocuments.Versions.FIELDS.stream())
        .toList();

    /**
     * One entity whose document is missing, stale or unexpected; versions are null on the
     * side that lacks it.
     */
    public record Difference(long id, IndexedDocuments.Versions expected, IndexedDocuments.Versions indexed) {
    }

    /**
     * The outcome: counts of each kind of difference and the first {@link #LISTED} of
     * each.
     */
    public record Report(SearchIndexName name, String index, int checked, int indexedDocuments, int missingCount,
            int staleCount, int unexpectedCount, List<Difference> missing, List<Difference> stale,
            List<Difference> unexpected) {

        public boolean consistent() {
            return missingCount == 0 && staleCount == 0 && unexpectedCount == 0;
        }
    }

    private final ElasticsearchClient client;

    private final SearchIndices indices;

    IndexReconciliation(ElasticsearchClient client, SearchIndices indices) {
        this.client = client;
        this.indices = indices;
    }

    public Report run(SearchIndexName name) {
        var indexer = indices.of(name);
        var index = indexer.index();
        var documents = indexer.documents();
        var target = index.current()
            .orElseThrow(
                    () -> new IllegalStateException("There is no index behind the alias " + index.alias() + " yet"));
        index.refresh(target); // make every write acknowledged so far visible to the
                               // search below
        var indexed = indexed(target);
        int indexedCount = indexed.size();

        int checked = 0;
        var missing = new Counted();
        var stale = new Counted();
        long after = 0;
        while (true) {
            var ids = documents.idsAfter(after, PAGE);
            if (ids.isEmpty()) {
                break;
            }
            for (var entry : documents.versions(ids).entrySet()) {
                checked++;
                var found = indexed.remove(entry.getKey());
                if (found == null) {
                    missing.add(new Difference(entry.getKey(), entry.getValue(), null));
                }
                else if (!Objects.equals(found, entry.getValue())) {
                    stale.add(new Difference(entry.getKey(), entry.getValue(), found));
                }
            }
            after = ids.getLast();
        }
        var unexpected = new Counted();
        indexed.entrySet()
            .stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(entry -> unexpected.add(new Difference(entry.getKey(), null, entry.getValue())));
        return new Report(name, target, checked, indexedCount, missing.count, stale.count, unexpected.count,
                missing.listed, stale.listed, unexpected.listed);
    }

    /** Every document of the index: id to the versions it was built from. */
    private Map<Long, IndexedDocuments.Versions> indexed(String target) {
        var result = new HashMap<Long, IndexedDocuments.Versions>();
        List<FieldValue> searchAfter = null;
        try {
            while (true) {
                var last = searchAfter;
                var response = client.search(s -> {
                    s.index(target)
                        .size(PAGE)
                        .trackTotalHits(t -> t.enabled(false))
                        .sort(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))
                        .source(src -> src.filter(f -> f.includes(FIELDS)));
                    if (last != null) {
                        s.searchAfter(last);
                    }
                    return s;
                }, JsonData.class);
                var hits = response.hits().hits();
                for (var hit : hits) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> source = hit.source() == null ? Map.of() : hit.source().to(Map.class);
                    result.put(Long.valueOf(hit.id()), IndexedDocuments.Versions.of(source));
                }
                if (hits.size() < PAGE) {
                    return result;
                }
                searchAfter = hits.getLast().sort();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Counted {

        int count;

        final List<Difference> listed = new ArrayList<>();

        void add(Difference difference) {
            if (count++ < LISTED) {
                listed.add(difference);
            }
        }

    }

}
