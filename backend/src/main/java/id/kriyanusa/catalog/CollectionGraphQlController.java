package id.kriyanusa.catalog;

import java.util.Optional;

import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.PageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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
    Connection<ProductCollection> collections(@Argument Integer first, @Argument String after) {
        return collections.find(PageRequest.of(first, after));
    }

    @MutationMapping
    CollectionPayload createCollection(@Argument Collections.CreateCollectionInput input) {
        return collections.create(input);
    }

    @MutationMapping
    CollectionPayload updateCollection(@Argument Collections.UpdateCollectionInput input) {
        return collections.update(CollectionId.decode(input.id()), input);
    }

    @SchemaMapping(typeName = "Collection", field = "id")
    String id(ProductCollection collection) {
        return new CollectionId(collection.id()).encode();
    }

    @SchemaMapping(typeName = "Collection", field = "products")
    Connection<Product> products(ProductCollection collection, @Argument Integer first, @Argument String after) {
        return collections.productsOf(collection, PageRequest.of(first, after));
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
