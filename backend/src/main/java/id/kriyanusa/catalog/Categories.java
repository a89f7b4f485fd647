package id.kriyanusa.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.catalog.internal.CategoryRepository;
import org.springframework.stereotype.Service;

/**
 * The two-level category taxonomy, public reference data maintained through migrations:
 * it changes only with a new version of the application, so it is read once (one
 * statement) and then answered from memory. Searches, listings and suggestions ask for it
 * on every request.
 */
@Service
public class Categories {

    private final CategoryRepository repository;

    /**
     * In display order; loaded on first use (two threads may both load it: same rows).
     */
    private volatile Map<Long, Category> all;

    Categories(CategoryRepository repository) {
        this.repository = repository;
    }

    /** The top-level categories, each with its children, in display order. */
    public List<Category> tree() {
        return all().values().stream().filter(category -> category.parentId() == null).toList();
    }

    /** Every category keyed by id, in display order. */
    public Map<Long, Category> all() {
        var loaded = all;
        if (loaded == null) {
            loaded = Collections.unmodifiableMap(repository.all());
            all = loaded;
        }
        return loaded;
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

}
