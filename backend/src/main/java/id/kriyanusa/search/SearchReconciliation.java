package id.kriyanusa.search;

import java.util.List;

import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.search.internal.IndexReconciliation;
import id.kriyanusa.search.internal.ProductDocuments;

/**
 * PostgreSQL compared with the products index: how many products should be indexed, how many documents are, and the
 * products whose document is missing, built from older versions, or present though it should not be.
 */
public record SearchReconciliation(String index, int checkedProducts, int indexedDocuments, int missingCount, int staleCount,
        int unexpectedCount, List<Difference> missingInIndex, List<Difference> staleInIndex, List<Difference> unexpectedInIndex) {

    /** The versions of a product, its brand and its village. */
    public record Versions(long product, long brand, Long village) {

        static Versions of(ProductDocuments.Versions versions) {
            return versions == null ? null : new Versions(versions.product(), versions.brand(), versions.village());
        }
    }

    /** One product that differs; {@code id} is the product's global id. */
    public record Difference(String id, Versions expected, Versions indexed) {
    }

    public boolean consistent() {
        return missingCount == 0 && staleCount == 0 && unexpectedCount == 0;
    }

    static SearchReconciliation of(IndexReconciliation.Report report) {
        return new SearchReconciliation(report.index(), report.checkedProducts(), report.indexedDocuments(), report.missingCount(),
                report.staleCount(), report.unexpectedCount(), differences(report.missing()), differences(report.stale()),
                differences(report.unexpected()));
    }

    private static List<Difference> differences(List<IndexReconciliation.Difference> differences) {
        return differences.stream().map(d -> new Difference(new GlobalId("Product", d.productId()).encode(),
                Versions.of(d.expected()), Versions.of(d.indexed()))).toList();
    }
}
