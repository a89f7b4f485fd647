package id.kriyanusa.media;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import id.kriyanusa.media.internal.MediaRepository;
import id.kriyanusa.village.Village;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads verified images with their renditions, a whole page's worth at a time. Images are
 * public.
 */
@Service
@Transactional(readOnly = true)
public class Images {

    private final MediaRepository repository;

    Images(MediaRepository repository) {
        this.repository = repository;
    }

    /**
     * The images with these keys, in one statement; keys of images not uploaded through
     * media are absent.
     */
    public Map<String, Image> byKeys(Collection<String> keys) {
        return repository.images(keys.stream().filter(key -> key != null).toList());
    }

    /** The hero images of these villages, keyed by village id, in two statements. */
    public Map<Long, Image> villageHeroes(Collection<Village> villages) {
        var heroes = repository.villageHeroes(villages.stream().map(Village::id).toList());
        var images = repository.images(heroes.values().stream().map(MediaRepository.KeyWithAlt::key).toList());
        var result = new HashMap<Long, Image>();
        heroes.forEach((villageId, hero) -> {
            var image = images.get(hero.key());
            if (image != null) {
                result.put(villageId, hero.alt() == null ? image : image.withAlt(hero.alt()));
            }
        });
        return result;
    }

}
