package id.kriyanusa.localservices;

import java.time.Duration;
import java.util.OptionalLong;

/** A local service that runs as a child JVM of this one: Elasticsearch and S3Proxy. */
abstract sealed class ChildJvmService extends LocalService permits ElasticsearchService, S3ProxyService {

    private final Duration stopTimeout;

    private final Duration emergencyStopTimeout;

    protected volatile ChildJvm child;

    ChildJvmService(LocalServicesSettings settings, String name, String id, String logName, Duration stopTimeout,
            Duration emergencyStopTimeout) {
        super(settings, name, id, logName);
        this.stopTimeout = stopTimeout;
        this.emergencyStopTimeout = emergencyStopTimeout;
    }

    @Override
    public OptionalLong pid() {
        ChildJvm c = child;
        return c != null && c.isAlive() ? OptionalLong.of(c.pid()) : OptionalLong.empty();
    }

    @Override
    void doStop() {
        ChildJvm c = child;
        child = null;
        if (c != null) {
            c.stop(stopTimeout);
        }
    }

    /** SIGTERM without waiting, so that several services stop at once. */
    void requestStop() {
        ChildJvm c = child;
        if (c != null) {
            c.requestStop();
        }
    }

    @Override
    void emergencyStop() {
        ChildJvm c = child;
        if (c != null) {
            c.stop(emergencyStopTimeout);
        }
    }

}
