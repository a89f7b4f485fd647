package id.kriyanusa.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import id.kriyanusa.brand.Brand;
import id.kriyanusa.brand.BrandId;
import id.kriyanusa.brand.Brands;
import id.kriyanusa.catalog.internal.ProductDetails;
import id.kriyanusa.catalog.internal.ProductRepository;
import id.kriyanusa.catalog.internal.ProductRules;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.Changes;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserError;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.platform.security.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Products and who may see and change them. Decided here, for the API, the pages and jobs
 * alike:
 * <ul>
 * <li>everyone sees PUBLISHED products of VERIFIED brands; members of a brand also see
 * its drafts and archived products (and its published ones while the brand is not
 * verified yet); curators and admins see everything;</li>
 * <li>members of a brand (and admins, who operate the portal) create, change, publish and
 * archive its products; curators do not edit listings, but may delete them (as members
 * and admins may);</li>
 * <li>a producer may publish before the brand is verified: the product then goes public
 * when the brand does.</li>
 * </ul>
 * A product that exists but may not be changed by a signed-in caller answers FORBIDDEN;
 * one that does not exist NOT_FOUND; anonymous callers UNAUTHORIZED.
 */
@Service
@Transactional
public class Products {

    /** The type of an image's global id, as the media module gives it. */
    private static final String IMAGE_TYPE = "Image";

    public record DimensionsInput(Double lengthCm, Double widthCm, Double heightCm) {
    }

    /** An image by the global id of an uploaded image (see the media module). */
    public record ImageInput(String imageId, LocalizedText alt) {
    }

    public record CreateProductInput(String brandId, String slug, LocalizedText title, LocalizedText description,
            String categorySlug, List<String> materials, List<String> techniques, DimensionsInput dimensions,
            Integer weightGrams, Long price, Integer minimumOrderQuantity, Long wholesalePrice,
            ProductAvailability availability, Integer stockQuantity, Integer leadTimeDays, List<ImageInput> images) {
    }

    /**
     * Changes to a product: a field left out keeps its value, null clears it (or is a
     * user error where the product needs it), a value replaces it. The service acts on
     * the product the GraphQL layer decoded from {@code id}.
     */
    public record UpdateProductInput(String id, Long expectedVersion, ArgumentValue<String> slug,
            ArgumentValue<LocalizedText> title, ArgumentValue<LocalizedText> description,
            ArgumentValue<String> categorySlug, ArgumentValue<List<String>> materials,
            ArgumentValue<List<String>> techniques, ArgumentValue<DimensionsInput> dimensions,
            ArgumentValue<Integer> weightGrams, ArgumentValue<Long> price, ArgumentValue<Integer> minimumOrderQuantity,
            ArgumentValue<Long> wholesalePrice, ArgumentValue<ProductAvailability> availability,
            ArgumentValue<Integer> stockQuantity, ArgumentValue<Integer> leadTimeDays,
            ArgumentValue<List<ImageInput>> images) {
    }

    public record ProductTransitionInput(String id) {
    }

    public record RemoveProductImageInput(String productId, String imageId) {
    }

    /**
     * Who reads: staff see everything, others their own brands' products and published
     * products of public brands.
     */
    private record Viewer(Caller caller, Set<Long> ownBrands, Set<Long> publicBrands) {

        boolean staff() {
            return caller.isStaff();
        }

        boolean sees(Product product) {
            return staff() || ownBrands.contains(product.brandId())
                    || (product.status() == ProductStatus.PUBLISHED && publicBrands.contains(product.brandId()));
        }

        boolean canEdit(long brandId) {
            return caller.has(Role.ADMIN) || ownBrands.contains(brandId);
        }

        Product shown(Product product) {
            return product.withViewerCanEdit(canEdit(product.brandId()));
        }
    }

    private final ProductRepository repository;

    private final Categories categories;

    private final Brands brands;

    private final ApplicationEventPublisher events;

    Products(ProductRepository repository, Categories categories, Brands brands, ApplicationEventPublisher events) {
        this.repository = repository;
        this.categories = categories;
        this.brands = brands;
        this.events = events;
    }

    // ---- reading

    @Transactional(readOnly = true)
    public Optional<Product> bySlug(String slug) {
        return visibleOne(repository.findBySlug(slug));
    }

    @Transactional(readOnly = true)
    public Optional<Product> byId(ProductId id) {
        return visibleOne(repository.findById(id.value()));
    }

    /**
     * Of these products, those the caller may see, in the order of the ids given. Without
     * a transaction (every search result page reads its products here): each product is
     * shown as it was when read, and its brand as it was just after, which is what a
     * request a moment later would show.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Product> visibleInOrder(List<Long> ids) {
        var found = repository.findByIds(ids);
        var viewer = viewerOf(found);
        var byId = new HashMap<Long, Product>();
        found.stream().filter(viewer::sees).forEach(product -> byId.put(product.id(), viewer.shown(product)));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * Why buyers do not see each of these products, keyed by product id, empty when they
     * do, whoever asks: what a curator checks before showing products to buyers. One
     * statement, for the brands.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, List<HiddenFromBuyers>> hiddenFromBuyers(Collection<Product> products) {
        var verified = brands.publicAmong(products.stream().map(Product::brandId).collect(Collectors.toSet()));
        var hidden = new HashMap<Long, List<HiddenFromBuyers>>();
        for (var product : products) {
            var reasons = EnumSet.noneOf(HiddenFromBuyers.class);
            if (product.status() != ProductStatus.PUBLISHED) {
                reasons.add(HiddenFromBuyers.NOT_PUBLISHED);
            }
            if (!verified.contains(product.brandId())) {
                reasons.add(HiddenFromBuyers.BRAND_NOT_VERIFIED);
            }
            hidden.put(product.id(), List.copyOf(reasons));
        }
        return hidden;
    }

    /**
     * The products with these ids, whatever their status, for checking references;
     * unknown ids are absent.
     */
    @Transactional(readOnly = true)
    public Set<Long> existing(Collection<Long> ids) {
        return repository.findByIds(ids).stream().map(Product::id).collect(Collectors.toSet());
    }

    // ---- for search (which reads the documents it indexes through visibleInOrder, as
    // the public sees them)

    /** Ids of the products of these brands in any status, ascending. */
    @Transactional(readOnly = true)
    public List<Long> idsOfBrands(Collection<Long> brandIds) {
        return repository.idsOfBrands(brandIds);
    }

    /**
     * Ids of the products in these categories and their sub-categories, in any status,
     * ascending.
     */
    @Transactional(readOnly = true)
    public List<Long> idsInCategories(Collection<Long> categoryIds) {
        return repository.idsInCategories(categoryIds);
    }

    /**
     * The products with these ids in any status, whoever asks: for counting (insights),
     * never to show. Unknown ids are absent.
     */
    @Transactional(readOnly = true)
    public List<Product> anyStatus(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.findByIds(ids);
    }

    /**
     * Up to {@code limit} product ids in any status greater than {@code afterId},
     * ascending, to walk all products.
     */
    @Transactional(readOnly = true)
    public List<Long> idsAfter(long afterId, int limit) {
        return repository.idsAfter(afterId, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * The products the caller may see that match the filter; without statuses, only
     * PUBLISHED ones.
     */
    @Transactional(readOnly = true)
    public Connection<Product> find(ProductFilter filter, ProductSort sort, OffsetPage page) {
        var f = filter == null ? ProductFilter.NONE : filter;
        Set<Long> brandIds = null;
        if (present(f.brands())) {
            brandIds = new HashSet<>();
            for (var brand : brands.bySlugs(f.brands().stream().distinct().limit(100).toList())) {
                brandIds.add(brand.id());
            }
        }
        Set<Long> villageBrandIds = present(f.villages()) ? brands.idsInVillages(f.villages()) : null;
        return find(f, brandIds, villageBrandIds, sort, page);
    }

    /**
     * The products of one brand the caller may see; without statuses, only PUBLISHED
     * ones.
     */
    @Transactional(readOnly = true)
    public Connection<Product> ofBrand(Brand brand, List<ProductStatus> statuses, ProductSort sort, OffsetPage page) {
        var filter = new ProductFilter(null, null, null, null, null, null, null, statuses);
        return find(filter, Set.of(brand.id()), null, sort, page);
    }

    /**
     * The images of these products in display order, keyed by product id, in one
     * statement.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<Product.Image>> imagesOf(Collection<Product> products) {
        var ids = new HashSet<Long>();
        products.forEach(product -> ids.add(product.id()));
        return repository.images(ids);
    }

    /**
     * The brands of these products, keyed by brand id, in one statement (without a
     * transaction: see Brands.byIds).
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<Long, Brand> brandsOf(Collection<Product> products) {
        var ids = new HashSet<Long>();
        products.forEach(product -> ids.add(product.brandId()));
        return brands.byIds(ids);
    }

    // ---- changing

    /**
     * A new draft product of the brand, which the caller must be a member of (or an
     * admin).
     */
    public ProductPayload create(BrandId brandId, CreateProductInput input) {
        return create(brandId, input, false);
    }

    /**
     * What {@link #create} would answer, saving nothing: the same authorisation and user
     * errors, none when the product would be saved. A form checks this when it could not
     * read some of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public ProductPayload checkCreate(BrandId brandId, CreateProductInput input) {
        return create(brandId, input, true);
    }

    private ProductPayload create(BrandId brandId, CreateProductInput input, boolean onlyCheck) {
        var caller = Caller.current();
        var accountId = caller.requireAccount();
        var brand = brands.manageable(brandId);
        var errors = new ArrayList<UserError>();
        var categoryId = category(input.categorySlug(), null, errors);
        var d = input.dimensions();
        var draft = new ProductRules.Draft(input.slug(), categoryId, LocalizedText.indonesianOf(input.title()),
                LocalizedText.englishOf(input.title()), LocalizedText.indonesianOf(input.description()),
                LocalizedText.englishOf(input.description()), input.materials(), input.techniques(),
                d == null ? null : d.lengthCm(), d == null ? null : d.widthCm(), d == null ? null : d.heightCm(),
                input.weightGrams(), input.price(), input.minimumOrderQuantity(), input.wholesalePrice(),
                input.availability(), input.stockQuantity(), input.leadTimeDays(), images(input.images()));
        var result = ProductRules.check(draft);
        errors.addAll(result.errors());
        errors.addAll(othersImages(brand.id(), draft.images()));
        slugTaken(errors, draft.slug(), null);
        if (!errors.isEmpty()) {
            return ProductPayload.failed(errors);
        }
        var details = result.details();
        if (result.slugDerived()) {
            details = withSlug(details, repository.freeSlug(details.slug(), null));
        }
        if (onlyCheck) {
            return ProductPayload.acceptable();
        }
        var id = repository.insert(brand.id(), details, accountId);
        imagesChanged(id, details.images());
        return changed(reload(id));
    }

    /**
     * A slug another product uses, checked once the slug is well formed and beside every
     * other error, so that an integrator hears of everything at once. A slug left out is
     * made from the title and never taken.
     */
    private void slugTaken(List<UserError> errors, String rawSlug, Long exceptId) {
        var slug = InputErrors.text(rawSlug);
        if (slug != null && !InputErrors.anyAt(errors, "input.slug") && repository.slugTaken(slug, exceptId)) {
            errors.add(UserError.of("input.slug", UserErrorCode.TAKEN, "Another product already uses this slug"));
        }
    }

    public ProductPayload update(ProductId id, UpdateProductInput input) {
        return update(id, input, false);
    }

    /** As {@link #checkCreate}, for {@link #update}. */
    @Transactional(readOnly = true)
    public ProductPayload checkUpdate(ProductId id, UpdateProductInput input) {
        return update(id, input, true);
    }

    private ProductPayload update(ProductId id, UpdateProductInput input, boolean onlyCheck) {
        var caller = Caller.current();
        var current = requireEditable(id, caller);
        if (input.expectedVersion() == null || current.version() != input.expectedVersion()) {
            return conflict();
        }
        var errors = new ArrayList<UserError>();
        var categoryId = Changes.given(input.categorySlug())
                ? category(input.categorySlug().value(), current.categoryId(), errors) : current.categoryId();
        var d = current.dimensions();
        var dimensions = Objects.requireNonNullElse(
                Changes.apply(input.dimensions(),
                        d == null ? null : new DimensionsInput(d.lengthCm(), d.widthCm(), d.heightCm())),
                new DimensionsInput(null, null, null));
        var images = Changes.given(input.images()) ? images(input.images().value()) : imageDetails(current);
        var title = Changes.text(input.title(), current.title());
        var description = Changes.text(input.description(), current.description());
        var draft = new ProductRules.Draft(Changes.apply(input.slug(), current.slug()), categoryId,
                LocalizedText.indonesianOf(title), LocalizedText.englishOf(title),
                LocalizedText.indonesianOf(description), LocalizedText.englishOf(description),
                Changes.apply(input.materials(), current.materials()),
                Changes.apply(input.techniques(), current.techniques()), dimensions.lengthCm(), dimensions.widthCm(),
                dimensions.heightCm(), Changes.apply(input.weightGrams(), current.weightGrams()),
                Changes.apply(input.price(), current.price()),
                Changes.apply(input.minimumOrderQuantity(), current.minimumOrderQuantity()),
                Changes.apply(input.wholesalePrice(), current.wholesalePrice()),
                Changes.apply(input.availability(), current.availability()),
                Changes.apply(input.stockQuantity(), current.stockQuantity()),
                Changes.apply(input.leadTimeDays(), current.leadTimeDays()), images);
        var result = ProductRules.check(draft);
        errors.addAll(result.errors());
        if (Changes.given(input.images())) {
            errors.addAll(othersImages(current.brandId(), images));
        }
        if (result.ok() && current.status() == ProductStatus.PUBLISHED) {
            // a published listing stays complete: what publishing requires cannot be
            // removed from it
            errors.addAll(ProductRules.publishingProblems(result.details(), "input."));
        }
        slugTaken(errors, draft.slug(), current.id());
        if (!errors.isEmpty()) {
            return ProductPayload.failed(errors);
        }
        var details = result.details();
        if (result.slugDerived()) {
            details = withSlug(details, repository.freeSlug(details.slug(), current.id()));
        }
        if (onlyCheck) {
            return ProductPayload.acceptable();
        }
        if (!repository.update(current.id(), input.expectedVersion(), details)) {
            return conflict();
        }
        imagesChanged(current.id(), details.images());
        return changed(reload(current.id()));
    }

    public ProductPayload publish(ProductId id) {
        var caller = Caller.current();
        var product = requireEditable(id, caller);
        if (product.status() == ProductStatus.PUBLISHED) {
            return ProductPayload
                .failed(UserError.of("input.id", UserErrorCode.INVALID_STATE, "This product is already published"));
        }
        var problems = ProductRules.publishingProblems(detailsOf(product), "product.");
        if (!problems.isEmpty()) {
            return ProductPayload.failed(problems);
        }
        if (!repository.transition(product.id(), EnumSet.of(ProductStatus.DRAFT, ProductStatus.ARCHIVED),
                ProductStatus.PUBLISHED)) {
            return ProductPayload
                .failed(UserError.of("input.id", UserErrorCode.INVALID_STATE, "This product is already published"));
        }
        return changed(reload(product.id()));
    }

    public ProductPayload archive(ProductId id) {
        var caller = Caller.current();
        var product = requireEditable(id, caller);
        if (!repository.transition(product.id(), EnumSet.of(ProductStatus.DRAFT, ProductStatus.PUBLISHED),
                ProductStatus.ARCHIVED)) {
            return ProductPayload
                .failed(UserError.of("input.id", UserErrorCode.INVALID_STATE, "This product is already archived"));
        }
        return changed(reload(product.id()));
    }

    /**
     * Deletes the product for good: members of its brand and staff (curators remove
     * listings that break the rules). Its image references and collection entries go with
     * it; the images themselves are removed by the media module once nothing has referred
     * to them for its grace period. Search drops the document when the change is
     * announced.
     */
    public DeleteProductPayload delete(ProductId id) {
        var caller = Caller.current();
        var product = requireManaged(id, caller, caller.isStaff(),
                "Only the members of the product's brand and staff may delete it");
        if (!repository.delete(product.id())) {
            return DeleteProductPayload
                .failed(UserError.of("input.id", UserErrorCode.NOT_FOUND, "This product was deleted already"));
        }
        imagesChanged(product.id(), List.of());
        events.publishEvent(new ProductChanged(product.id(), product.version() + 1));
        return new DeleteProductPayload(id.encode(), List.of());
    }

    /**
     * Appends an image to the product's images, for the media module once it verified and
     * stored the image; nothing changes when the product shows it already. Members of the
     * product's brand and admins, as for updating the product. The user errors name no
     * field: they are about the product as it is (it has the most images it may have, or
     * it is published and every image needs an Indonesian description), not about an
     * input of this call.
     */
    public ProductPayload attachImage(ProductId id, String imageKey, LocalizedText alt) {
        var current = requireEditable(id, Caller.current());
        var images = imageDetails(current);
        if (images.stream().anyMatch(image -> image.key().equals(imageKey))) {
            return ProductPayload.of(current.withViewerCanEdit(true));
        }
        var changed = new ArrayList<>(images);
        changed.add(new ProductDetails.ImageDetails(imageKey, LocalizedText.indonesianOf(alt),
                LocalizedText.englishOf(alt)));
        return changeImages(current, changed);
    }

    /**
     * Removes one image from the product's images, keeping the order of the others; as
     * for updating the product. The user errors name no field but the image's key.
     */
    public ProductPayload removeImage(ProductId id, String imageKey) {
        var current = requireEditable(id, Caller.current());
        var images = imageDetails(current);
        var kept = images.stream().filter(image -> !image.key().equals(imageKey)).toList();
        if (kept.size() == images.size()) {
            return ProductPayload
                .failed(UserError.of("input.imageId", UserErrorCode.NOT_FOUND, "The product has no such image"));
        }
        return changeImages(current, kept);
    }

    // ---- helpers

    /**
     * Replaces the product's images under the rules of an update (a published product
     * stays complete), at the version it was read.
     */
    private ProductPayload changeImages(Product current, List<ProductDetails.ImageDetails> images) {
        var d = detailsOf(current);
        var dimensions = d.dimensions();
        var result = ProductRules.check(new ProductRules.Draft(d.slug(), d.categoryId(), d.titleId(), d.titleEn(),
                d.descriptionId(), d.descriptionEn(), d.materials(), d.techniques(),
                dimensions == null ? null : dimensions.lengthCm(), dimensions == null ? null : dimensions.widthCm(),
                dimensions == null ? null : dimensions.heightCm(), d.weightGrams(), d.price(), d.minimumOrderQuantity(),
                d.wholesalePrice(), d.availability(), d.stockQuantity(), d.leadTimeDays(), images));
        var errors = new ArrayList<>(result.errors());
        if (result.ok() && current.status() == ProductStatus.PUBLISHED) {
            errors.addAll(ProductRules.publishingProblems(result.details(), ""));
        }
        if (!errors.isEmpty()) {
            return ProductPayload
                .failed(errors.stream().map(error -> UserError.of(null, error.code(), error.message())).toList());
        }
        if (!repository.update(current.id(), current.version(), result.details())) {
            return ProductPayload.failed(UserError.of(null, UserErrorCode.CONFLICT,
                    "Someone changed this product in the meantime; try again"));
        }
        imagesChanged(current.id(), result.details().images());
        return changed(reload(current.id()));
    }

    /** Tells media which images the product shows now, in the changing transaction. */
    private void imagesChanged(long productId, List<ProductDetails.ImageDetails> images) {
        events.publishEvent(new ProductImagesChanged(new ProductId(productId),
                images.stream().map(ProductDetails.ImageDetails::key).toList()));
    }

    private Connection<Product> find(ProductFilter f, Set<Long> brandIds, Set<Long> villageBrandIds, ProductSort sort,
            OffsetPage page) {
        var viewer = viewer();
        var statuses = present(f.statuses()) ? f.statuses() : List.of(ProductStatus.PUBLISHED);
        var query = new ProductRepository.Query(
                present(f.categories())
                        ? f.categories().stream().map(String::strip).distinct().limit(100).toList() : null,
                brandIds, villageBrandIds,
                present(f.materials()) ? f.materials()
                    .stream()
                    .map(m -> m.strip().toLowerCase(Locale.ROOT))
                    .distinct()
                    .limit(100)
                    .toList() : null,
                f.priceMin(), f.priceMax(), present(f.availability()) ? f.availability() : null, statuses,
                viewer.staff(), viewer.ownBrands(), viewer.publicBrands());
        return repository.find(query, sort, page).map(viewer::shown);
    }

    private Optional<Product> visibleOne(Optional<Product> found) {
        if (found.isEmpty()) {
            return found;
        }
        var viewer = viewerOf(List.of(found.get()));
        return found.filter(viewer::sees).map(viewer::shown);
    }

    /**
     * The caller with the brands they belong to and, unless staff, the public brands: at
     * most two statements.
     */
    private Viewer viewer() {
        return viewer(brands::publicBrandIds);
    }

    /**
     * The caller as a viewer of these products only: of the public brands, those of the
     * products (at most two statements, the second as small as the list).
     */
    private Viewer viewerOf(Collection<Product> products) {
        return viewer(() -> brands.publicAmong(products.stream().map(Product::brandId).collect(Collectors.toSet())));
    }

    private Viewer viewer(Supplier<Set<Long>> publicBrands) {
        var caller = Caller.current();
        return new Viewer(caller, brands.memberBrandIds(), caller.isStaff() ? Set.of() : publicBrands.get());
    }

    /**
     * Announces the change within the changing transaction (search indexes it once it
     * commits).
     */
    private ProductPayload changed(Product product) {
        events.publishEvent(new ProductChanged(product.id(), product.version()));
        return ProductPayload.of(product);
    }

    /** The product just changed, as its editor sees it. */
    private Product reload(long id) {
        return repository.findById(id).orElseThrow().withViewerCanEdit(true);
    }

    /** The product, when the caller may change it: a member of its brand, or an admin. */
    private Product requireEditable(ProductId id, Caller caller) {
        return requireManaged(id, caller, caller.has(Role.ADMIN),
                "Only the members of the product's brand may change it");
    }

    /**
     * The product, when the caller is a member of its brand or {@code beyondBrand} (a
     * role that may act on any).
     */
    private Product requireManaged(ProductId id, Caller caller, boolean beyondBrand, String refusal) {
        caller.requireAccount();
        var product = repository.findById(id.value())
            .orElseThrow(() -> new NotFoundException("No product with id " + id.encode()));
        if (!beyondBrand && !brands.memberBrandIds().contains(product.brandId())) {
            throw new AccessDeniedException(refusal);
        }
        return product;
    }

    private List<ProductDetails.ImageDetails> imageDetails(Product product) {
        return repository.images(List.of(product.id()))
            .getOrDefault(product.id(), List.of())
            .stream()
            .map(image -> new ProductDetails.ImageDetails(image.key(), LocalizedText.indonesianOf(image.alt()),
                    LocalizedText.englishOf(image.alt())))
            .toList();
    }

    private ProductDetails detailsOf(Product product) {
        var images = imageDetails(product);
        var d = product.dimensions();
        return new ProductDetails(product.slug(), product.categoryId(), product.title().indonesian(),
                product.title().english(), LocalizedText.indonesianOf(product.description()),
                LocalizedText.englishOf(product.description()), product.materials(), product.techniques(), d,
                product.weightGrams(), product.price(), product.minimumOrderQuantity(), product.wholesalePrice(),
                product.availability(), product.stockQuantity(), product.leadTimeDays(), images);
    }

    private static ProductDetails withSlug(ProductDetails d, String slug) {
        return new ProductDetails(slug, d.categoryId(), d.titleId(), d.titleEn(), d.descriptionId(), d.descriptionEn(),
                d.materials(), d.techniques(), d.dimensions(), d.weightGrams(), d.price(), d.minimumOrderQuantity(),
                d.wholesalePrice(), d.availability(), d.stockQuantity(), d.leadTimeDays(), d.images());
    }

    /**
     * The sub-category with this slug, or null with a user error naming the field; null
     * slug means none chosen. Products sit only in sub-categories, never in a top-level
     * category, not even one with no sub-categories yet (it may get some). A retired
     * category takes no new products, but the product already in it ({@code kept}) keeps
     * it.
     */
    private Long category(String slug, Long kept, List<UserError> errors) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        var found = categories.bySlug(slug.strip());
        if (found.isEmpty()) {
            errors.add(
                    UserError.of("input.categorySlug", UserErrorCode.NOT_FOUND, "There is no category with this slug"));
            return null;
        }
        if (found.get().parentId() == null) {
            errors
                .add(UserError.of("input.categorySlug", UserErrorCode.NOT_A_LEAF, "Choose one of the sub-categories of "
                        + found.get().name().indonesian() + " (" + found.get().name().english() + ")"));
            return null;
        }
        if (!Objects.equals(found.get().id(), kept) && !categories.isOffered(found.get())) {
            errors.add(UserError.of("input.categorySlug", UserErrorCode.INVALID_STATE,
                    "The category is retired; choose another"));
            return null;
        }
        return found.get().id();
    }

    /**
     * An image only other brands' products show may not be taken over: a listing shows
     * only photos uploaded for its own brand's products. Images are content-addressed, so
     * two brands that upload the same file share a key: one this brand shows already
     * stays its own to reorder and reuse.
     */
    private List<UserError> othersImages(long brandId, List<ProductDetails.ImageDetails> images) {
        if (images == null || images.isEmpty()) {
            return List.of();
        }
        var keys = images.stream().map(ProductDetails.ImageDetails::key).filter(Objects::nonNull).toList();
        var taken = repository.imagesOnlyOtherBrandsShow(brandId, keys);
        var errors = new ArrayList<UserError>();
        for (int i = 0; i < images.size(); i++) {
            var key = images.get(i).key();
            if (key != null && taken.contains(key)) {
                errors.add(UserError.of("input.images[" + i + "].imageId", UserErrorCode.NOT_ALLOWED,
                        "This photo belongs to another brand's product; upload your own photo"));
            }
        }
        return errors;
    }

    private static List<ProductDetails.ImageDetails> images(List<ImageInput> images) {
        return images == null ? null
                : images.stream()
                    .map(image -> new ProductDetails.ImageDetails(imageKey(image.imageId()),
                            LocalizedText.indonesianOf(image.alt()), LocalizedText.englishOf(image.alt())))
                    .toList();
    }

    private static ProductPayload conflict() {
        return ProductPayload.failed(UserError.of("input.expectedVersion", UserErrorCode.CONFLICT,
                "Someone changed this product in the meantime; reload it and apply your changes again"));
    }

    private static boolean present(List<?> list) {
        return list != null && !list.isEmpty();
    }

    /**
     * The storage key an image's global id stands for, or null for anything else (which
     * the rules then refuse).
     */
    static String imageKey(String imageId) {
        try {
            return GlobalId.textKey(imageId, IMAGE_TYPE);
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

}
