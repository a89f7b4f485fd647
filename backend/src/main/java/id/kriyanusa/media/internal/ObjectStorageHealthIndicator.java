package id.kriyanusa.media.internal;

import java.time.Duration;

import id.kriyanusa.platform.BoundedHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reported as `storage` in /actuator/health: the media bucket exists and answers through
 * the MinIO SDK within 1 s.
 */
@Component("storage")
class ObjectStorageHealthIndicator extends BoundedHealthIndicator {

    private final MediaBucket bucket;

    ObjectStorageHealthIndicator(MediaBucket bucket) {
        super(Duration.ofSeconds(1));
        this.bucket = bucket;
    }

    @Override
    protected Health check() throws Exception {
        var health = bucket.exists() ? Health.up() : Health.down().withDetail("reason", "bucket missing");
        return health.withDetail("bucket", bucket.name()).build();
    }

}
