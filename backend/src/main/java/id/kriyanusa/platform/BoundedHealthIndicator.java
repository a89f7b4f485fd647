package id.kriyanusa.platform;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * A health check that answers within its limit: a frozen service (a paused process, a
 * dropped network) is reported DOWN after the limit instead of after its client's socket
 * timeout, so load balancers and orchestrators learn of it at once. The abandoned check
 * finishes on its own virtual thread.
 */
public abstract class BoundedHealthIndicator implements HealthIndicator {

    private static final Executor CHECKS = Executors.newVirtualThreadPerTaskExecutor();

    private final Duration limit;

    protected BoundedHealthIndicator(Duration limit) {
        this.limit = limit;
    }

    /** The check itself; an exception reports DOWN with it. */
    protected abstract Health check() throws Exception;

    @Override
    public final Health health() {
        var check = CompletableFuture.supplyAsync(() -> {
            try {
                return check();
            }
            catch (Exception e) {
                return Health.down(e).build();
            }
        }, CHECKS);
        try {
            return check.get(limit.toMillis(), TimeUnit.MILLISECONDS);
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

}
