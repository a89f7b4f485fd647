package id.kriyanusa.media.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

/**
 * The bytes of recently served renditions, bounded in total size (Caffeine, weighed by
 * length). Renditions never change (their name is their hash), so nothing is ever stale:
 * a hit needs no round trip to storage, which S3Proxy or MinIO answer in milliseconds,
 * not microseconds. Only their removal is news: an unreferenced rendition removed by
 * another instance is served from here for at most {@link #KEPT} more.
 */
@Component
public class RenditionCache {

    /**
     * Larger renditions are streamed from storage each time rather than crowding the
     * cache.
     */
    public static final int MAX_ENTRY_BYTES = 1024 * 1024;

    static final Duration KEPT = Duration.ofMinutes(10);

    private final Cache<String, byte[]> entries;

    RenditionCache(MediaProperties properties) {
        this.entries = Caffeine.newBuilder()
            .maximumWeight(properties.cacheSize().toBytes())
            .weigher((String name, byte[] bytes) -> bytes.length)
            .expireAfterWrite(KEPT)
            .build();
    }

    public byte[] get(String key) {
        return entries.getIfPresent(key);
    }

    /** Forgets a rendition removed from storage. */
    public void remove(String key) {
        entries.invalidate(key);
    }

    public void put(String key, byte[] bytes) {
        if (bytes.length <= MAX_ENTRY_BYTES) {
            entries.put(key, bytes);
        }
    }

}
