package id.kriyanusa.village;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.kriyanusa.platform.graphql.Connection;
import id.kriyanusa.platform.graphql.PageRequest;
import id.kriyanusa.village.internal.VillageRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the villages of the portal. */
@Service
@Transactional(readOnly = true)
public class Villages {

    private final VillageRepository repository;

    Villages(VillageRepository repository) {
        this.repository = repository;
    }

    /** Villages matching the filter, model villages first, then by name. */
    public Connection<Village> find(VillageFilter filter, PageRequest page) {
        return repository.find(filter == null ? VillageFilter.NONE : filter, page);
    }

    /** The villages with these ids, keyed by id; unknown ids are absent. */
    public Map<Long, Village> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findByIds(ids).stream().collect(Collectors.toMap(Village::id, Function.identity()));
    }

    public Optional<Village> bySlug(String slug) {
        return repository.findBySlug(slug);
    }
}
