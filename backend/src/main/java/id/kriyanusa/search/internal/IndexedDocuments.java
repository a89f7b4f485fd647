package id.kriyanusa.search.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import id.kriyanusa.search.SearchIndexName;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What one search index holds, read from PostgreSQL through the owning modules' public
 * APIs: the same reads serve incremental indexing, the full rebuild and the
 * reconciliation, so all three agree on which entities are public and what their
 * documents say.
 */
public interface IndexedDocuments {

    /** The index these documents go to. */
    SearchIndexName index();

    /**
     * Up to {@code limit} ids greater than {@code afterId}, ascending, of every entity
     * that may have a document.
     */
    List<Long> idsAfter(long afterId, int limit);

    /**
     * The documents of those of these entities the public may see, keyed by id; an entity
     * left out (hidden, deleted) has no document and is deleted from the index. Each
     * document holds its {@code id} and the versions it was built from
     * ({@code product_version}, {@code brand_version}, {@code village_version}, as far as
     * they apply).
     */
    Map<Long, Map<String, Object>> build(List<Long> ids);

    /**
     * The versions the documents of those of these entities the public may see would
     * carry; the reads of {@link #build}.
     */
    Map<Long, Versions> versions(List<Long> ids);

    /**
     * What a document is built from: the versions of the entities whose changes reach it,
     * null where an entity does not apply (a brand's document has no product) or is
     * absent.
     */
    record Versions(Long product, Long brand, Long village) {

        static final List<String> FIELDS = List.of("product_version", "brand_version", "village_version");

        /**
         * Puts the versions into a document, as the fields the reconciliation reads back.
         */
        void into(Map<String, Object> document) {
            if (product != null) {
                document.put("product_version", product);
            }
            if (brand != null) {
                document.put("brand_version", brand);
            }
            if (village != null) {
                document.put("village_version", village);
            }
        }

        static Versions of(Map<String, Object> document) {
            return new Versions(number(document.get("product_version")), number(document.get("brand_version")),
                    number(document.get("village_version")));
        }

        private static Long number(Object value) {
            return value instanceof Number n ? n.longValue() : null;
        }
    }

    /**
     * Runs as an anonymous caller, whoever triggered the work (an admin's reindex, a
     * listener thread).
     */
    static <T> T asPublic(Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.setContext(previous);
        }
    }

}
