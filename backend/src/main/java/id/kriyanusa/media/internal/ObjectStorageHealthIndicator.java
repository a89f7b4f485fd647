package id.kriyanusa.media.internal;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Reported as `storage` in /actuator/health: the media bucket exists and answers through
 * the MinIO SDK.
 */
@Component("storage")
class ObjectStorageHealthIndicator extends AbstractHealthIndicator {

    private final MediaBucket bucket;

    ObjectStorageHealthIndicator(MediaBucket bucket) {
        super("Object storage health check failed");
        this.bucket = bucket;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("bucket", bucket.name());
        if (bucket.exists()) {
            builder.up();
        }
        else {
            builder.down().withDetail("reason", "bucket missing");
        }
    }

}
