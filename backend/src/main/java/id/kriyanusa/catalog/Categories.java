package id.kriyanusa.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import id.kriyanusa.catalog.internal.CategoryRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The two-level category taxonomy, public reference data maintained through migrations. */
@Service
@Transactional(readOnly = true)
public class Categories {

    private final CategoryRepository repository;

    Categories(CategoryRepository repository) {
        this.repository = repository;
    }

    /** The top-level categories, each with its children, in display order. */
    public List<Category> tree() {
        return repository.all().values().stream().filter(category -> category.parentId() == null).toList();
    }

    /** Every category keyed by id, in one statement. */
    public Map<Long, Category> all() {
        return repository.all();
    }

    public Optional<Category> bySlug(String slug) {
        return repository.all().values().stream().filter(category -> category.slug().equals(slug)).findFirst();
    }

    /** The categories with these ids, keyed by id, in one statement however many are asked for. */
    public Map<Long, Category> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var all = repository.all();
        all.keySet().retainAll(Set.copyOf(ids));
        return all;
    }
}
