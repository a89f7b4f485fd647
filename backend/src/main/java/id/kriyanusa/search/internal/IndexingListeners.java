package id.kriyanusa.search.internal;

import java.util.List;

import id.kriyanusa.brand.BrandChanged;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.ProductChanged;
import id.kriyanusa.catalog.Products;
import id.kriyanusa.village.VillageChanged;
import id.kriyanusa.village.Villages;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the products index current. Each listener runs asynchronously after the change committed, from the event
 * publication registry: a failure (Elasticsearch down, say) leaves the publication incomplete, to be resubmitted, and
 * never touches the change itself. Brand and village changes reindex the products they reach, read again from
 * PostgreSQL.
 */
@Component
class IndexingListeners {

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

    @ApplicationModuleListener
    void on(ProductChanged event) {
        indexer.index(List.of(event.productId()));
    }

    @ApplicationModuleListener
    void on(BrandChanged event) {
        indexer.index(products.idsOfBrands(List.of(event.brandId())));
    }

    @ApplicationModuleListener
    void on(VillageChanged event) {
        villages.byId(event.villageId()).ifPresent(village ->
                indexer.index(products.idsOfBrands(brands.idsInVillages(List.of(village.slug())))));
    }
}
