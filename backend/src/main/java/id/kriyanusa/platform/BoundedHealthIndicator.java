package id.kriyanusa.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check that answers within its limit: a frozen service (a paused process, a
 * dropped network) is reported DOWN after the limit instead of after its client's socket
 * timeout, so load balancers and orchestrators learn of it at once. The abandoned check
 * finishes on its own virtual thread.
 * <p>
 * The health endpoint asks its indicators one after the other (Spring Boot has no
 * parallel option), so two frozen services would cost two limits. Instead, the first
 * bounded indicator asked starts the checks of all of them at once, and each answers with
 * the check started then: the endpoint waits one limit, however many services hang.
 */
public abstract class BoundedHealthIndicator implements HealthIndicator {

    private static final Executor CHECKS = Executors.newVirtualThreadPerTaskExecutor();

    private final Duration limit;

    private ObjectProvider<BoundedHealthIndicator> together;

    private Check latest;

    protected BoundedHealthIndicator(Duration limit) {
        this.limit = limit;
    }

    /** The check itself; an exception reports DOWN with it. */
    protected abstract Health check() throws Exception;

    /** Every bounded indicator of the application, to be started together. */
    @Autowired
    void checkTogetherWith(ObjectProvider<BoundedHealthIndicator> indicators) {
        this.together = indicators;
    }

    @Override
    public final Health health() {
        if (together != null) {
            together.forEach(BoundedHealthIndicator::start);
        }
        var check = start();
        var left = check.startedAt() + limit.toNanos() - System.nanoTime();
        try {
            return check.health().get(Math.max(0, left), TimeUnit.NANOSECONDS);
        }
        catch (TimeoutException e) {
            return Health.down().withDetail("reason", "no answer within " + limit.toMillis() + " ms").build();
        }
        catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    /**
     * The check started last, or a new one once that is older than twice the limit: the
     * checks started together still serve the indicators asked after a frozen one waited
     * its limit, and a later request checks again.
     */
    private synchronized Check start() {
        var now = System.nanoTime();
        if (latest == null || now - latest.startedAt() >= 2 * limit.toNanos()) {
            latest = new Check(now, CompletableFuture.supplyAsync(() -> {
                try {
                    return check();
                }
                catch (Exception e) {
                    return Health.down(e).build();
                }
            }, CHECKS));
        }
        return latest;
    }

    private record Check(long startedAt, CompletableFuture<Health> health) {
    }

}
