package id.kriyanusa.media.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The bytes of recently served renditions, bounded in total size. Renditions never change
 * (their name is their hash), so nothing is ever stale: a hit needs no round trip to
 * storage, which S3Proxy or MinIO answer in milliseconds, not microseconds.
 */
@Component
public class RenditionCache {

    /**
     * Larger renditions are streamed from storage each time rather than crowding the
     * cache.
     */
    public static final int MAX_ENTRY_BYTES = 1024 * 1024;

    private final long capacity;

    private long size;

    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(256, 0.75f, true);

    RenditionCache(MediaProperties properties) {
        this.capacity = properties.cacheSize().toBytes();
    }

    public synchronized byte[] get(String key) {
        return entries.get(key);
    }

    /** Forgets a rendition removed from storage. */
    public synchronized void remove(String key) {
        var removed = entries.remove(key);
        if (removed != null) {
            size -= removed.length;
        }
    }

    public synchronized void put(String key, byte[] bytes) {
        if (bytes.length > MAX_ENTRY_BYTES || bytes.length > capacity) {
            return;
        }
        var previous = entries.put(key, bytes);
        size += bytes.length - (previous == null ? 0 : previous.length);
        var eldest = entries.entrySet().iterator();
        while (size > capacity && eldest.hasNext()) {
            Map.Entry<String, byte[]> entry = eldest.next();
            size -= entry.getValue().length;
            eldest.remove();
        }
    }

}
