package id.kriyanusa.media;

import java.util.Collection;
import java.util.Map;

import id.kriyanusa.media.internal.MediaRepository;
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

}
