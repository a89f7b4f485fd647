package id.kriyanusa.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.village.Village;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class CollectionGraphQlController implements NodeLookup {

    private final Collections collections;

    CollectionGraphQlController(Collections collections) {
        this.collections = collections;
    }

    @QueryMapping
    ProductCollection collection(@Argument String slug) {
        return collections.bySlug(slug).orElse(null);
    }

    @QueryMapping
    Connection<ProductCollection> collections(ScrollSubrange page, @Argument Boolean published,
            @Argument String village) {
        return collections.find(published, village, OffsetPage.of(page));
    }

    /** A village's page shows the collections that tell its crafts. */
    @SchemaMapping(typeName = "Village", field = "collections")
    Connection<ProductCollection> villageCollections(Village village, ScrollSubrange page) {
        return collections.find(true, village.slug(), OffsetPage.of(page));
    }

    /** One lookup for the villages of all collections in the response. */
    @BatchMapping(typeName = "Collection", field = "village")
    Map<ProductCollection, Village> village(List<ProductCollection> list) {
        return collections.villagesOf(list);
    }

    @BatchMapping(typeName = "Collection", field = "productsSeenByBuyers")
    Map<ProductCollection, Integer> productsSeenByBuyers(List<ProductCollection> list) {
        return collections.productsSeenByBuyers(list);
    }

    @MutationMapping
    CollectionPayload createCollection(@Argument Collections.CreateCollectionInput input) {
        return collections.create(input);
    }

    @MutationMapping
    CollectionPayload updateCollection(@Argument Collections.UpdateCollectionInput input) {
        return collections.update(CollectionId.decode(input.id()), input);
    }

    @DerivedField
    @SchemaMapping(typeName = "Collection", field = "id")
    String id(ProductCollection collection) {
        return new CollectionId(collection.id()).encode();
    }

    @SchemaMapping(typeName = "Collection", field = "products")
    Connection<Product> products(ProductCollection collection, ScrollSubrange page) {
        return collections.productsOf(collection, OffsetPage.of(page));
    }

    @Override
    public String typeName() {
        return CollectionId.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return ProductCollection.class;
    }

    @Override
    public Optional<?> find(String globalId) {
        return collections.byId(CollectionId.decode(globalId));
    }

}
