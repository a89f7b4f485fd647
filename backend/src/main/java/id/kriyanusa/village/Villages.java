package id.kriyanusa.village;

import java.util.List;
import java.util.Optional;

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

    /** All villages, model villages first, then by name. */
    public List<Village> all() {
        return repository.findAll();
    }

    public Optional<Village> bySlug(String slug) {
        return repository.findBySlug(slug);
    }
}
