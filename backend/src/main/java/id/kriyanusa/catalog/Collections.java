package id.kriyanusa.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import id.kriyanusa.catalog.internal.CollectionRepository;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.Slugs;
import id.kriyanusa.platform.graphql.Changes;
import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import id.kriyanusa.village.Village;
import id.kriyanusa.village.Villages;
import org.springframework.graphql.data.ArgumentValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curated collections: everyone reads published ones (showing only the products they may
 * see), curators and admins make, change, order and publish them.
 */
@Service
@Transactional(readOnly = true)
public class Collections {

    static final int MAX_PRODUCTS = 100;
    static final int MAX_TITLE = 140;
    static final int MAX_STORY = 10_000;

    public record CreateCollectionInput(String slug, LocalizedText title, LocalizedText story, List<String> productIds,
            Boolean published, String villageSlug) {
    }

    /**
     * Only the fields given change: null clears the story and the products and is a user
     * error for the others; {@code productIds} replaces the whole ordered list. The
     * service acts on the collection the GraphQL layer decoded from {@code id}.
     */
    public record UpdateCollectionInput(String id, Long expectedVersion, ArgumentValue<String> slug,
            ArgumentValue<LocalizedText> title, ArgumentValue<LocalizedText> story,
            ArgumentValue<List<String>> productIds, ArgumentValue<Boolean> published,
            ArgumentValue<String> villageSlug) {
    }

    private final CollectionRepository repository;

    private final Products products;

    private final Villages villages;

    Collections(CollectionRepository repository, Products products, Villages villages) {
        this.repository = repository;
        this.products = products;
        this.villages = villages;
    }

    public Optional<ProductCollection> bySlug(String slug) {
        return repository.findBySlug(slug).filter(Collections::visible);
    }

    public Optional<ProductCollection> byId(CollectionId id) {
        return repository.findById(id.value()).filter(Collections::visible);
    }

    /**
     * Newest first; curators and admins also see unpublished collections. Only those
     * published (true) or not (false) when {@code published} is given, and only those
     * tied to a village when its slug is given (none for an unknown slug).
     */
    public Connection<ProductCollection> find(Boolean published, String villageSlug, OffsetPage page) {
        var shown = Caller.current().isStaff() ? published : Boolean.TRUE;
        if (published != null && !published.equals(shown)) {
            return page.connection(List.of(), 0);
        }
        Long villageId = null;
        if (villageSlug != null) {
            var village = villages.bySlug(villageSlug);
            if (village.isEmpty()) {
                return page.connection(List.of(), 0);
            }
            villageId = village.get().id();
        }
        return repository.find(shown, villageId, page);
    }

    /**
     * The villages the collections are tied to, keyed by collection; untied ones are
     * absent.
     */
    public Map<ProductCollection, Village> villagesOf(List<ProductCollection> collections) {
        var byId = villages
            .byIds(collections.stream().map(ProductCollection::villageId).filter(Objects::nonNull).toList());
        var result = new HashMap<ProductCollection, Village>();
        collections.stream()
            .filter(collection -> collection.villageId() != null && byId.containsKey(collection.villageId()))
            .forEach(collection -> result.put(collection, byId.get(collection.villageId())));
        return result;
    }

    /**
     * How many of each collection's products buyers see (published, of a verified brand),
     * whoever asks: a published collection whose products have all left the shop shows
     * buyers nothing, and staff must see that to act on it. Two statements for all.
     */
    public Map<ProductCollection, Integer> productsSeenByBuyers(List<ProductCollection> collections) {
        var ids = collections.stream().flatMap(collection -> collection.productIds().stream()).distinct().toList();
        var hidden = products.hiddenFromBuyers(products.anyStatus(ids));
        var result = new HashMap<ProductCollection, Integer>();
        for (var collection : collections) {
            result.put(collection,
                    (int) collection.productIds()
                        .stream()
                        .filter(id -> hidden.containsKey(id) && hidden.get(id).isEmpty())
                        .count());
        }
        return result;
    }

    /** The collection's products that the caller may see, in the curator's order. */
    public Connection<Product> productsOf(ProductCollection collection, OffsetPage page) {
        var visible = products.visibleInOrder(collection.productIds());
        var from = (int) Math.min(page.offset(), visible.size());
        var to = (int) Math.min(page.offset() + page.limit(), visible.size());
        return page.connection(visible.subList(from, to), visible.size());
    }

    @Transactional
    public CollectionPayload create(CreateCollectionInput input) {
        var curator = Caller.current();
        curator.requireStaff();
        var errors = new InputErrors();
        var title = LocalizedText.indonesianOf(input.title());
        var slug = InputErrors.text(input.slug()) == null
                ? repository.freeSlug(Slugs.madeFrom(title, null, InputErrors.MAX_SLUG)) : input.slug();
        var details = check(errors, slug, input.title(), input.story(), input.productIds(),
                Boolean.TRUE.equals(input.published()), village(errors, input.villageSlug()));
        if (details.published()) {
            requireOneBuyersSee(errors, details.productIds());
        }
        if (errors.isEmpty() && repository.slugTaken(details.slug(), null)) {
            errors.add("input.slug", UserErrorCode.TAKEN, "Another collection already uses this slug");
        }
        if (!errors.isEmpty()) {
            return CollectionPayload.failed(errors.list());
        }
        return CollectionPayload
            .of(repository.findById(repository.insert(details, curator.requireAccount())).orElseThrow());
    }

    @Transactional
    public CollectionPayload update(CollectionId id, UpdateCollectionInput input) {
        Caller.current().requireStaff();
        var current = repository.findById(id.value())
            .orElseThrow(() -> new NotFoundException("No collection with id " + id.encode()));
        if (input.expectedVersion() == null || input.expectedVersion() != current.version()) {
            return CollectionPayload.conflict();
        }
        var errors = new InputErrors();
        var productIds = Changes.apply(input.productIds(),
                current.productIds().stream().map(product -> new ProductId(product).encode()).toList());
        var published = Changes.apply(input.published(), current.published());
        if (published == null) {
            errors.add("input.published", UserErrorCode.REQUIRED, "Say whether the collection is shown");
        }
        var villageId = Changes.given(input.villageSlug()) ? village(errors, input.villageSlug().value())
                : current.villageId();
        var details = check(errors, Changes.apply(input.slug(), current.slug()),
                Changes.text(input.title(), current.title()), Changes.text(input.story(), current.story()), productIds,
                Boolean.TRUE.equals(published), villageId);
        if (details.published() && (!current.published() || Changes.given(input.productIds()))) {
            requireOneBuyersSee(errors, details.productIds());
        }
        if (errors.isEmpty() && repository.slugTaken(details.slug(), current.id())) {
            errors.add("input.slug", UserErrorCode.TAKEN, "Another collection already uses this slug");
        }
        if (!errors.isEmpty()) {
            return CollectionPayload.failed(errors.list());
        }
        if (!repository.update(current.id(), current.version(), details)) {
            return CollectionPayload.conflict();
        }
        return CollectionPayload.of(repository.findById(current.id()).orElseThrow());
    }

    private CollectionRepository.Details check(InputErrors errors, String slug, LocalizedText title,
            LocalizedText story, List<String> productIds, boolean published, Long villageId) {
        var checkedSlug = errors.slug("input.slug", slug);
        var titleId = errors.required("input.title.indonesian", title == null ? null : title.indonesian(), MAX_TITLE);
        var titleEn = errors.optional("input.title.english", title == null ? null : title.english(), MAX_TITLE);
        var storyId = errors.optional("input.story.indonesian", story == null ? null : story.indonesian(), MAX_STORY);
        var storyEn = errors.optional("input.story.english", story == null ? null : story.english(), MAX_STORY);
        var ids = new LinkedHashMap<Long, Integer>();
        var given = productIds == null ? List.<String>of() : productIds;
        if (given.size() > MAX_PRODUCTS) {
            errors.add("input.productIds", UserErrorCode.TOO_MANY,
                    "A collection holds at most " + MAX_PRODUCTS + " products");
        }
        else {
            for (int i = 0; i < given.size(); i++) {
                try {
                    if (ids.putIfAbsent(ProductId.decode(given.get(i)).value(), i) != null) {
                        errors.add("input.productIds[" + i + "]", UserErrorCode.DUPLICATE,
                                "This product is already in the collection");
                    }
                }
                catch (IllegalArgumentException e) {
                    errors.add("input.productIds[" + i + "]", UserErrorCode.INVALID, "Not a product id");
                }
            }
            var existing = products.existing(ids.keySet());
            ids.forEach((id, index) -> {
                if (!existing.contains(id)) {
                    errors.add("input.productIds[" + index + "]", UserErrorCode.NOT_FOUND,
                            "There is no product with this id");
                }
            });
        }
        return new CollectionRepository.Details(checkedSlug, new LocalizedText(titleId, titleEn),
                LocalizedText.of(storyId, storyEn), published, new ArrayList<>(ids.keySet()), villageId);
    }

    /**
     * A collection buyers see must show them something: publishing one, or changing the
     * products of one published, needs a product buyers see among its products. (A
     * published collection whose products later leave buyers' sight, a brand suspended,
     * may still be renamed.)
     */
    private void requireOneBuyersSee(InputErrors errors, List<Long> productIds) {
        if (products.hiddenFromBuyers(products.anyStatus(productIds)).values().stream().noneMatch(List::isEmpty)) {
            errors.add("input.productIds", UserErrorCode.REQUIRED,
                    "Add at least one product buyers see (published, of a verified brand) before publishing the "
                            + "collection");
        }
    }

    /**
     * The id of the village a slug names; null for none, and a user error for an unknown
     * one.
     */
    private Long village(InputErrors errors, String villageSlug) {
        if (villageSlug == null) {
            return null;
        }
        var village = villages.bySlug(villageSlug);
        if (village.isEmpty()) {
            errors.add("input.villageSlug", UserErrorCode.NOT_FOUND, "There is no village with this slug");
        }
        return village.map(Village::id).orElse(null);
    }

    private static boolean visible(ProductCollection collection) {
        return collection.published() || Caller.current().isStaff();
    }

}
