package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.search.internal.IndexReconciliation;
import id.kriyanusa.search.internal.IndexedDocuments;

/**
 * PostgreSQL compared with one search index: how many entities should be indexed, how
 * many documents are, and the entities whose document is missing, built from older
 * versions, or present though it should not be.
 */
public record SearchReconciliation(SearchIndexName name, String index, int checked, int indexedDocuments,
        int missingCount, int staleCount, int unexpectedCount, List<Difference> missingInIndex,
        List<Difference> staleInIndex, List<Difference> unexpectedInIndex) {

    /**
     * The versions of the product, brand and village a document is built from, null where
     * one does not apply.
     */
    public record Versions(Long product, Long brand, Long village) {

        static Versions of(IndexedDocuments.Versions versions) {
            return versions == null ? null : new Versions(versions.product(), versions.brand(), versions.village());
        }
    }

    /** One entity that differs; {@code id} is its global id. */
    public record Difference(String id, Versions expected, Versions indexed) {
    }

    public boolean consistent() {
        return missingCount == 0 && staleCount == 0 && unexpectedCount == 0;
    }

    static SearchReconciliation of(IndexReconciliation.Report report) {
        var type = switch (report.name()) {
            case PRODUCTS -> "Product";
            case BRANDS -> "Brand";
            case VILLAGES -> "Village";
        };
        return new SearchReconciliation(report.name(), report.index(), report.checked(), report.indexedDocuments(),
                report.missingCount(), report.staleCount(), report.unexpectedCount(),
                differences(type, report.missing()), differences(type, report.stale()),
                differences(type, report.unexpected()));
    }

    private static List<Difference> differences(String type, List<IndexReconciliation.Difference> differences) {
        return differences.stream()
            .map(d -> new Difference(new GlobalId(type, d.id()).encode(), Versions.of(d.expected()),
                    Versions.of(d.indexed())))
            .toList();
    }
}
