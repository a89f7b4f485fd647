package id.kriyanusa.media.internal;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The private bucket that holds every media object; created at start-up when missing. */
@Component
public class MediaBucket {

    private static final Logger log = LoggerFactory.getLogger(MediaBucket.class);

    private final MinioClient minio;

    private final String name;

    MediaBucket(MinioClient minio, StorageProperties storage) {
        this.minio = minio;
        this.name = storage.bucket();
    }

    public String name() {
        return name;
    }

    public boolean exists() throws Exception {
        return minio.bucketExists(BucketExistsArgs.builder().bucket(name).build());
    }

    /**
     * Storage being unreachable must not stop the portal from starting: health reports it
     * instead.
     */
    /** First of the start-up work, so that the bucket exists before anything uploads. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void createIfMissing() {
        try {
            if (!exists()) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(name).build());
                log.info("Created media bucket '{}'", name);
            }
        }
        catch (Exception e) {
            log.warn("Media bucket '{}' could not be checked or created: {}", name, e.toString());
        }
    }

}
