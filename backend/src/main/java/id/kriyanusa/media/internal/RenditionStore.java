package id.kriyanusa.media.internal;

import java.time.Duration;

import id.kriyanusa.media.internal.ObjectStore.StorageUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.minio.GetObjectResponse;
import org.springframework.stereotype.Component;

/**
 * Renditions read from storage for buyers, who must not wait on a frozen storage: through
 * a client of their own that gives up after 1 s without an answer (storage sits next to
 * the portal; uploads keep the longer limits), and a circuit breaker (Resilience4j): once
 * a read goes unanswered, the next ones are turned away at once for {@link #RETRY_AFTER}
 * instead of each waiting its second (a product page asks for a dozen images), then one
 * read tries storage again and, answered, closes it.
 */
@Component
public class RenditionStore {

    /** How long reads are turned away once storage stopped answering them. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(1);

    private final ObjectStore store;

    private final CircuitBreaker unanswered;

    RenditionStore(StorageProperties storage, MediaBucket bucket) {
        this.store = new ObjectStore(ObjectStorageConfiguration.client(storage, ANSWER_WITHIN, ANSWER_WITHIN),
                storage.endpoint(), bucket.name());
        // one read without an answer opens it (storage sits next to the portal); a
        // missing rendition is an answer
        this.unanswered = CircuitBreaker.of("storage-renditions",
                CircuitBreakerConfig.custom()
                    .slidingWindow(1, 1, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .failureRateThreshold(50)
                    .recordExceptions(StorageUnavailableException.class)
                    .waitDurationInOpenState(RETRY_AFTER)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .build());
    }

    /**
     * The rendition's bytes as a stream (close it), or null when there is no such
     * rendition; StorageUnavailableException when storage does not answer, at once while
     * the breaker is open.
     */
    public GetObjectResponse open(String name) {
        try {
            return unanswered.executeSupplier(() -> store.open("renditions/" + name));
        }
        catch (CallNotPermittedException e) {
            throw new StorageUnavailableException(e);
        }
    }

}
