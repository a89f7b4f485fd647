package id.kriyanusa.search.internal;

import static id.kriyanusa.search.SearchIndexName.BRANDS;
import static id.kriyanusa.search.SearchIndexName.PRODUCTS;
import static id.kriyanusa.search.SearchIndexName.VILLAGES;

import java.util.List;

import id.kriyanusa.brand.BrandChanged;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.CategoryChanged;
import id.kriyanusa.catalog.ProductChanged;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.village.VillageChanged;
import id.kriyanusa.village.VillageId;
import id.kriyanusa.village.Villages;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the search indices current. Each listener runs asynchronously after the change
 * committed, from the event publication registry: a failure (Elasticsearch down, say)
 * leaves the publication incomplete, to be resubmitted, and never touches the change
 * itself. A listener reindexes every document the change reaches, read again from
 * PostgreSQL: a brand change its brand's document and its products'; a village change (a
 * rename, a model designation) the village's document, its brands' and their products'; a
 * category change the products in the category and its sub-categories. Each index's
 * writes are ordered by revision (see {@link SearchIndexer}), so the listeners may finish
 * in any order.
 * <p>
 * Deliberately not {@code @ApplicationModuleListener}: that runs the listener in a new
 * transaction, which would hold a pooled database connection for as long as the
 * Elasticsearch request takes. With the node unreachable (a frozen process answers no
 * request until the client's socket timeout), a burst of changes would then take every
 * connection of the pool and block the write path itself. Here each read takes a
 * connection only for its statement and the indexer needs no transaction (see
 * {@link SearchIndexer} on ordering); the publication registry still tracks the
 * {@code @TransactionalEventListener}s and marks them completed or failed. The listeners
 * run on an executor of their own with virtual threads: waiting listeners cost no
 * platform threads, and indexing stays apart from the executor that serves requests.
 */
@Component
class IndexingListeners {

    static final String EXECUTOR = "searchIndexingExecutor";

    private final SearchIndices indices;

    private final Products products;

    private final Brands brands;

    private final Villages villages;

    private final Completions completions;

    IndexingListeners(SearchIndices indices, Products products, Brands brands, Villages villages,
            Completions completions) {
        this.indices = indices;
        this.completions = completions;
        this.products = products;
        this.brands = brands;
        this.villages = villages;
    }

    @Bean(EXECUTOR)
    static SimpleAsyncTaskExecutor searchIndexingExecutor() {
        var executor = new SimpleAsyncTaskExecutor("search-indexing-");
        executor.setVirtualThreads(true);
        return executor;
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    void on(ProductChanged event) {
        indexProducts(List.of(event.productId()));
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    void on(BrandChanged event) {
        indices.of(BRANDS).index(List.of(event.brandId()));
        indexProducts(products.idsOfBrands(List.of(event.brandId())));
    }

    /**
     * Products carry their category's and its parent's slugs and names, so a renamed,
     * moved or retired category reaches the products in it and its sub-categories.
     */
    @Async(EXECUTOR)
    @TransactionalEventListener
    void on(CategoryChanged event) {
        indexProducts(products.idsInCategories(List.of(event.categoryId())));
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    void on(VillageChanged event) {
        indices.of(VILLAGES).index(List.of(event.villageId()));
        villages.byId(new VillageId(event.villageId())).ifPresent(village -> {
            var brandIds = brands.idsInVillages(List.of(village.slug()));
            indices.of(BRANDS).index(brandIds);
            indexProducts(products.idsOfBrands(brandIds));
        });
    }

    /**
     * Products' titles, categories, brands and villages are what the search box completes
     * (see {@link Completions}): counted again soon after they change.
     */
    private void indexProducts(List<Long> ids) {
        indices.of(PRODUCTS).index(ids);
        completions.countSoon();
    }

}
