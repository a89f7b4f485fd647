package id.kriyanusa.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import id.kriyanusa.brand.AccountEmails;
import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandId;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.DerivedField;
import id.kriyanusa.platform.graphql.NodeLookup;
import id.kriyanusa.platform.graphql.OffsetPage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class CatalogGraphQlController implements NodeLookup {

    private final Products products;

    private final Categories categories;

    private final AccountEmails accounts;

    CatalogGraphQlController(Products products, Categories categories, AccountEmails accounts) {
        this.products = products;
        this.categories = categories;
        this.accounts = accounts;
    }

    @QueryMapping
    Product product(@Argument String slug) {
        return products.bySlug(slug).orElse(null);
    }

    @QueryMapping
    Connection<Product> products(ScrollSubrange page, @Argument ProductFilter filter, @Argument ProductSort sort) {
        return products.find(filter, sort, OffsetPage.of(page));
    }

    @QueryMapping
    Category category(@Argument String slug) {
        return categories.bySlug(slug).orElse(null);
    }

    @QueryMapping
    List<Category> categories(@Argument Boolean includeRetired) {
        return Boolean.TRUE.equals(includeRetired) ? categories.treeWithRetired() : categories.tree();
    }

    @MutationMapping
    CategoryPayload createCategory(@Argument CategoryInputs.Create input, @Argument boolean dryRun) {
        return dryRun ? categories.checkCreate(input) : categories.create(input);
    }

    @MutationMapping
    CategoryPayload updateCategory(@Argument CategoryInputs.Update input, @Argument boolean dryRun) {
        var id = CategoryId.decode(input.id());
        return dryRun ? categories.checkUpdate(id, input) : categories.update(id, input);
    }

    @MutationMapping
    CategoryPayload retireCategory(@Argument CategoryInputs.Lifecycle input) {
        return categories.retire(CategoryId.decode(input.id()), input);
    }

    @MutationMapping
    CategoryPayload restoreCategory(@Argument CategoryInputs.Lifecycle input) {
        return categories.restore(CategoryId.decode(input.id()), input);
    }

    @MutationMapping
    ProductPayload createProduct(@Argument Products.CreateProductInput input, @Argument boolean dryRun) {
        var brandId = BrandId.decode(input.brandId());
        return dryRun ? products.checkCreate(brandId, input) : products.create(brandId, input);
    }

    @MutationMapping
    ProductPayload updateProduct(@Argument Products.UpdateProductInput input, @Argument boolean dryRun) {
        var id = ProductId.decode(input.id());
        return dryRun ? products.checkUpdate(id, input) : products.update(id, input);
    }

    @MutationMapping
    ProductPayload publishProduct(@Argument Products.ProductTransitionInput input) {
        return products.publish(ProductId.decode(input.id()));
    }

    @MutationMapping
    ProductPayload archiveProduct(@Argument Products.ProductTransitionInput input) {
        return products.archive(ProductId.decode(input.id()));
    }

    @MutationMapping
    DeleteProductPayload deleteProduct(@Argument Products.ProductTransitionInput input) {
        return products.delete(ProductId.decode(input.id()));
    }

    @MutationMapping
    ProductPayload removeProductImage(@Argument Products.RemoveProductImageInput input) {
        return products.removeImage(ProductId.decode(input.productId()), Products.imageKey(input.imageId()));
    }

    @DerivedField
    @SchemaMapping(typeName = "Product", field = "id")
    String id(Product product) {
        return new ProductId(product.id()).encode();
    }

    /**
     * One lookup for the brands of all products in the response; their villages are
     * batched by the brand module.
     */
    @BatchMapping(typeName = "Product", field = "brand")
    Map<Product, Brand> brand(List<Product> list) {
        var brands = products.brandsOf(list);
        var result = new LinkedHashMap<Product, Brand>();
        list.forEach(product -> result.put(product, brands.get(product.brandId())));
        return result;
    }

    @BatchMapping(typeName = "Product", field = "category")
    Map<Product, Category> category(List<Product> list) {
        var wanted = list.stream().map(Product::categoryId).filter(java.util.Objects::nonNull).toList();
        var found = categories.byIds(wanted);
        var result = new LinkedHashMap<Product, Category>();
        list.forEach(
                product -> result.put(product, product.categoryId() == null ? null : found.get(product.categoryId())));
        return result;
    }

    @BatchMapping(typeName = "Product", field = "hiddenFromBuyers")
    Map<Product, List<HiddenFromBuyers>> hiddenFromBuyers(List<Product> list) {
        var hidden = products.hiddenFromBuyers(list);
        var result = new LinkedHashMap<Product, List<HiddenFromBuyers>>();
        list.forEach(product -> result.put(product, hidden.get(product.id())));
        return result;
    }

    @BatchMapping(typeName = "Product", field = "images")
    Map<Product, List<Product.Image>> images(List<Product> list) {
        var images = products.imagesOf(list);
        var result = new LinkedHashMap<Product, List<Product.Image>>();
        list.forEach(product -> result.put(product, images.getOrDefault(product.id(), List.of())));
        return result;
    }

    /**
     * A brand's products; one count and one page per brand shown, so meant for a brand
     * page rather than long lists.
     */
    @SchemaMapping(typeName = "Brand", field = "products")
    Connection<Product> brandProducts(Brand brand, ScrollSubrange page, @Argument List<ProductStatus> statuses,
            @Argument ProductSort sort) {
        return products.ofBrand(brand, statuses, sort, OffsetPage.of(page));
    }

    @DerivedField
    @SchemaMapping(typeName = "Category", field = "id")
    String categoryId(Category category) {
        return new CategoryId(category.id()).encode();
    }

    @SchemaMapping(typeName = "Category", field = "history")
    List<CategoryChange> history(Category category, @Argument Integer first) {
        return categories.history(category, first);
    }

    /**
     * The email addresses of the staff who made the changes: a category's history is
     * short (one page), so one lookup per change.
     */
    @SchemaMapping(typeName = "CategoryChange", field = "changedBy")
    String changedBy(CategoryChange change) {
        return accounts.emailOf(change.changedBy()).orElse(null);
    }

    @SchemaMapping(typeName = "CategoryMove", field = "from")
    Category movedFrom(CategoryChange.Move move) {
        return move.from() == null ? null : categories.all().get(move.from());
    }

    @SchemaMapping(typeName = "CategoryMove", field = "to")
    Category movedTo(CategoryChange.Move move) {
        return move.to() == null ? null : categories.all().get(move.to());
    }

    @BatchMapping(typeName = "Category", field = "parent")
    Map<Category, Category> parent(List<Category> list) {
        var wanted = list.stream().map(Category::parentId).filter(java.util.Objects::nonNull).toList();
        var found = categories.byIds(wanted);
        var result = new LinkedHashMap<Category, Category>();
        list.forEach(
                category -> result.put(category, category.parentId() == null ? null : found.get(category.parentId())));
        return result;
    }

    @Override
    public String typeName() {
        return ProductId.TYPE;
    }

    @Override
    public Class<?> javaType() {
        return Product.class;
    }

    @Override
    public Optional<?> find(String globalId) {
        return products.byId(ProductId.decode(globalId));
    }

}
