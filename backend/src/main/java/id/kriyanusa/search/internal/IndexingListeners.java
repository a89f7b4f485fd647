package id.kriyanusa.search.internal;

import java.util.List;

import id.kriyanusa.brand.BrandChanged;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.ProductChanged;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.village.VillageChanged;
import id.kriyanusa.village.Villages;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the products index current. Each listener runs asynchronously after the change committed, from the event
 * publication registry: a failure (Elasticsearch down, say) leaves the publication incomplete, to be resubmitted, and
 * never touches the change itself. Brand and village changes reindex the products they reach, read again from
 * PostgreSQL.
 * <p>
 * Deliberately not {@code @ApplicationModuleListener}: that runs the listener in a new transaction, which would hold
 * a pooled database connection for as long as the Elasticsearch request takes. With the node unreachable (a frozen
 * process answers no request until the client's socket timeout), a burst of changes would then take every
 * connection of the pool and block the write path itself. Here each read takes a connection only for its statement
 * and the indexer needs no transaction (see {@link ProductIndexer} on ordering); the publication registry still
 * tracks the {@code @TransactionalEventListener}s and marks them completed or failed. The listeners run on an executor
 * of their own with virtual threads: waiting listeners cost no platform threads, and indexing stays apart from the
 * executor that serves requests.
 */
@Component
class IndexingListeners {

    static final String EXECUTOR = "searchIndexingExecutor";

    private final ProductIndexer indexer;
    private final Products products;
    private final Brands brands;
    private final Villages villages;

    IndexingListeners(ProductIndexer indexer, Products products, Brands brands, Villages villages) {
        this.indexer = indexer;
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
        indexer.index(List.of(event.productId()));
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    void on(BrandChanged event) {
        indexer.index(products.idsOfBrands(List.of(event.brandId())));
    }

    @Async(EXECUTOR)
    @TransactionalEventListener
    void on(VillageChanged event) {
        villages.byId(event.villageId()).ifPresent(village ->
                indexer.index(products.idsOfBrands(brands.idsInVillages(List.of(village.slug())))));
    }
}
