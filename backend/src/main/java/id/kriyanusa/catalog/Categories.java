package id.kriyanusa.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.catalog.CategoryChange.Action;
import id.kriyanusa.catalog.CategoryChange.Standing;
import id.kriyanusa.catalog.internal.CategoryRepository;
import id.kriyanusa.platform.LocalizedText;
import id.kriyanusa.platform.graphql.Changes;
import id.kriyanusa.platform.graphql.InputErrors;
import id.kriyanusa.platform.graphql.NotFoundException;
import id.kriyanusa.platform.graphql.UserErrorCode;
import id.kriyanusa.platform.security.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The two-level category taxonomy. Anyone reads it; the department's curators and admins
 * add, rename, move, reorder, retire and restore categories, each change recorded with
 * who made it. Searches, listings and suggestions ask for the taxonomy on every request,
 * so it is read once (one statement) and answered from memory until a change here
 * commits, or at the latest a minute later (a change made by another instance).
 * <p>
 * A retired category leaves the pickers and the storefront's list, and a retired
 * top-level category takes its sub-categories with it; it keeps its row, so products in
 * it keep their category and facets still name it.
 */
@Service
public class Categories {

    static final int MAX_NAME = 80;

    static final int MAX_NOTE = 500;

    static final int MAX_POSITION = 9_999;

    private static final long FRESH_NANOS = 60_000_000_000L;

    private record Loaded(Map<Long, Category> all, long at) {
    }

    private final CategoryRepository repository;

    private final ApplicationEventPublisher events;

    /**
     * In display order; loaded on first use (two threads may both load it: same rows).
     */
    private volatile Loaded loaded;

    Categories(CategoryRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    /**
     * The top-level categories still offered, each with its sub-categories still offered,
     * in display order.
     */
    public List<Category> tree() {
        return all().values()
            .stream()
            .filter(category -> category.parentId() == null && !category.isRetired())
            .map(Category::withoutRetiredChildren)
            .toList();
    }

    /** The whole taxonomy, retired categories too: curators and admins only. */
    public List<Category> treeWithRetired() {
        Caller.current().requireStaff();
        return all().values().stream().filter(category -> category.parentId() == null).toList();
    }

    /** Every category keyed by id, retired ones too, in display order. */
    public Map<Long, Category> all() {
        var current = loaded;
        if (current == null || System.nanoTime() - current.at() > FRESH_NANOS) {
            current = new Loaded(Collections.unmodifiableMap(repository.all()), System.nanoTime());
            loaded = current;
        }
        return current.all();
    }

    public Optional<Category> bySlug(String slug) {
        return all().values().stream().filter(category -> category.slug().equals(slug)).findFirst();
    }

    /** The categories with these ids, keyed by id, in display order. */
    public Map<Long, Category> byIds(Collection<Long> ids) {
        var wanted = Set.copyOf(ids);
        var found = new LinkedHashMap<Long, Category>();
        all().forEach((id, category) -> {
            if (wanted.contains(id)) {
                found.put(id, category);
            }
        });
        return found;
    }

    /**
     * The category's changes, newest first, at most {@code first}: curators and admins
     * only.
     */
    public List<CategoryChange> history(Category category, Integer first) {
        Caller.current().requireStaff();
        return repository.history(category.id(), Math.max(1, Math.min(first == null ? 20 : first, 100)));
    }

    /**
     * Whether products may be put in the category now: neither it nor its top-level
     * category is retired.
     */
    public boolean isOffered(Category category) {
        if (category.isRetired()) {
            return false;
        }
        var parent = category.parentId() == null ? null : all().get(category.parentId());
        return parent == null || !parent.isRetired();
    }

    /**
     * A curator adds a category, top-level or under a top-level one; without a position
     * it comes after its siblings, at one a sibling holds before that sibling.
     */
    @Transactional
    public CategoryPayload create(CategoryInputs.Create input) {
        return create(input, false);
    }

    /**
     * What {@link #create} would answer, saving nothing: the same authorisation and user
     * errors, none when the category would be saved. A form checks this when it could not
     * read some of its fields, to show every problem at once.
     */
    @Transactional(readOnly = true)
    public CategoryPayload checkCreate(CategoryInputs.Create input) {
        return create(input, true);
    }

    private CategoryPayload create(CategoryInputs.Create input, boolean onlyCheck) {
        var by = staff();
        var current = repository.all();
        var errors = new InputErrors();
        var slug = errors.slug("input.slug", input.slug());
        var name = name(errors, input.name());
        var parent = parent(errors, current, input.parentSlug(), null);
        var position = errors.range("input.position", input.position(), 0, MAX_POSITION);
        if (slug != null && errors.isEmpty() && repository.slugTaken(slug)) {
            errors.add("input.slug", UserErrorCode.TAKEN, "Another category already uses this slug");
        }
        if (!errors.isEmpty()) {
            return CategoryPayload.failed(errors.list());
        }
        if (onlyCheck) {
            return CategoryPayload.acceptable();
        }
        var parentId = parent == null ? null : parent.id();
        if (position != null) {
            repository.makeRoom(parentId, position, null);
        }
        var id = repository.insert(slug, parentId, name, position != null ? position : nextPosition(current, parentId));
        repository.record(id, Action.CREATED, null, null, null, by);
        return saved(id);
    }

    /**
     * A curator renames, moves or reorders a category; fields left out keep their value.
     * Moved without a position, it comes after its new siblings; put at a position a
     * sibling holds, before that sibling. Products sit only in sub-categories, so one
     * holding products never becomes top-level: its products would be left in a category
     * no product may be put in.
     */
    @Transactional
    public CategoryPayload update(CategoryId id, CategoryInputs.Update input) {
        return update(id, input, false);
    }

    /** As {@link #checkCreate}, for {@link #update}. */
    @Transactional(readOnly = true)
    public CategoryPayload checkUpdate(CategoryId id, CategoryInputs.Update input) {
        return update(id, input, true);
    }

    private CategoryPayload update(CategoryId id, CategoryInputs.Update input, boolean onlyCheck) {
        var by = staff();
        var current = repository.all();
        var category = existing(current, id);
        var errors = new InputErrors();
        var name = name(errors, Changes.text(input.name(), category.name()));
        var parent = Changes.given(input.parentSlug()) ? parent(errors, current, input.parentSlug().value(), category)
                : current.get(category.parentId());
        var parentId = parent == null ? null : parent.id();
        var moved = !Objects.equals(parentId, category.parentId());
        if (moved && parentId == null && repository.holdsProducts(category.id())) {
            errors.add("input.parentSlug", UserErrorCode.REQUIRED,
                    "The category holds products, and products sit only in sub-categories: "
                            + "choose the top-level category it goes under");
        }
        Integer position = category.position();
        if (Changes.given(input.position())) {
            position = input.position().value();
            if (position == null) {
                errors.add("input.position", UserErrorCode.REQUIRED, "Give the position among its siblings");
            }
            errors.range("input.position", position, 0, MAX_POSITION);
        }
        else if (moved) {
            position = nextPosition(current, parentId);
        }
        if (!errors.isEmpty()) {
            return CategoryPayload.failed(errors.list());
        }
        if (onlyCheck) {
            return CategoryPayload.acceptable();
        }
        if (moved || position != category.position()) {
            // the siblings made room for keep their order among the others: their
            // histories are left as they are
            repository.makeRoom(parentId, position, category.id());
        }
        repository.update(category.id(), parentId, name, position);
        repository.record(category.id(), Action.UPDATED, null,
                new Standing(category.name(), category.parentId(), category.position()),
                new Standing(name, parentId, position), by);
        return changed(category.id());
    }

    /**
     * A curator stops offering a category: it leaves pickers and the storefront (its
     * sub-categories with it); products in it keep it and stay findable.
     */
    @Transactional
    public CategoryPayload retire(CategoryId id, CategoryInputs.Lifecycle input) {
        var by = staff();
        var category = existing(repository.all(), id);
        var errors = new InputErrors();
        var note = errors.optional("input.note", input.note(), MAX_NOTE);
        if (category.isRetired()) {
            errors.add("input.id", UserErrorCode.INVALID_STATE, "The category is retired already");
        }
        if (!errors.isEmpty()) {
            return CategoryPayload.failed(errors.list());
        }
        repository.retire(category.id(), by);
        repository.record(category.id(), Action.RETIRED, note, null, null, by);
        return changed(category.id());
    }

    /** A curator offers a retired category again. */
    @Transactional
    public CategoryPayload restore(CategoryId id, CategoryInputs.Lifecycle input) {
        var by = staff();
        var category = existing(repository.all(), id);
        var errors = new InputErrors();
        var note = errors.optional("input.note", input.note(), MAX_NOTE);
        if (!category.isRetired()) {
            errors.add("input.id", UserErrorCode.INVALID_STATE, "The category is not retired");
        }
        if (!errors.isEmpty()) {
            return CategoryPayload.failed(errors.list());
        }
        repository.retire(category.id(), null);
        repository.record(category.id(), Action.RESTORED, note, null, null, by);
        return changed(category.id());
    }

    /**
     * The caller's account when a curator or an admin, else UNAUTHORIZED or FORBIDDEN.
     */
    private static long staff() {
        var caller = Caller.current();
        caller.requireStaff();
        return caller.requireAccount();
    }

    private static Category existing(Map<Long, Category> current, CategoryId id) {
        var category = current.get(id.value());
        if (category == null) {
            throw new NotFoundException("No category with id " + id.encode());
        }
        return category;
    }

    /** Both languages are required: the storefront shows either. */
    private static LocalizedText name(InputErrors errors, LocalizedText name) {
        var indonesian = errors.required("input.name.indonesian", name == null ? null : name.indonesian(), MAX_NAME);
        var english = errors.required("input.name.english", name == null ? null : name.english(), MAX_NAME);
        return new LocalizedText(indonesian, english);
    }

    /**
     * The top-level category a category goes under, or null for the top level; the
     * taxonomy has two levels, so the parent must be a top-level category and the
     * category itself may have no sub-categories.
     */
    private static Category parent(InputErrors errors, Map<Long, Category> current, String parentSlug,
            Category moving) {
        var slug = InputErrors.text(parentSlug);
        if (slug == null) {
            return null;
        }
        var parent = current.values().stream().filter(category -> category.slug().equals(slug)).findFirst();
        if (parent.isEmpty()) {
            errors.add("input.parentSlug", UserErrorCode.NOT_FOUND, "There is no category with this slug");
            return null;
        }
        if (moving != null && parent.get().id() == moving.id()) {
            errors.add("input.parentSlug", UserErrorCode.INVALID, "A category cannot be its own parent");
        }
        else if (parent.get().parentId() != null) {
            errors.add("input.parentSlug", UserErrorCode.TOO_DEEP,
                    "This is a sub-category itself; choose a top-level category");
        }
        else if (moving != null && !moving.children().isEmpty()) {
            errors.add("input.parentSlug", UserErrorCode.TOO_DEEP,
                    "The category has sub-categories, so it stays a top-level category");
        }
        else if (parent.get().isRetired()) {
            errors.add("input.parentSlug", UserErrorCode.INVALID_STATE,
                    "This category is retired; restore it first or choose another");
        }
        return parent.get();
    }

    private static int nextPosition(Map<Long, Category> current, Long parentId) {
        return current.values()
            .stream()
            .filter(category -> Objects.equals(category.parentId(), parentId))
            .mapToInt(Category::position)
            .max()
            .orElse(0) + 1;
    }

    /**
     * Announces the change within the changing transaction: search relabels the products
     * in the category and its sub-categories once it commits.
     */
    private CategoryPayload changed(long id) {
        events.publishEvent(new CategoryChanged(id));
        return saved(id);
    }

    /**
     * The category as now stored; this instance's memory of the taxonomy is dropped once
     * the change commits, before anything that listens for the change runs.
     */
    private CategoryPayload saved(long id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }

            @Override
            public void afterCommit() {
                loaded = null;
            }

        });
        return CategoryPayload.of(repository.all().get(id));
    }

}
