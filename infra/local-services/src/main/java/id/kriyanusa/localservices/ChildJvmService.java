package id.kriyanusa.localservices;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A local service that runs as a child JVM of this one: Elasticsearch, S3Proxy and
 * GreenMail. A child that dies while the service should run (a crash, the kernel's OOM
 * killer, a SIGKILL) is started again on the same ports, after 1 s and then ever longer
 * waits up to 30 s, so the application's clients reconnect without a restart of the
 * application.
 */
abstract sealed class ChildJvmService extends LocalService
        permits ElasticsearchService, S3ProxyService, GreenMailService {

    private final Duration stopTimeout;

    private final Duration emergencyStopTimeout;

    private static final Duration FIRST_RESTART_DELAY = Duration.ofSeconds(1);

    private static final Duration LONGEST_RESTART_DELAY = Duration.ofSeconds(30);

    protected volatile ChildJvm child;

    /** True while {@link #doStart()} runs again after a crash: keep the ports. */
    private volatile boolean relaunching;

    /** Set when a stop was asked for: a child that exits then is not started again. */
    private volatile boolean stopping;

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

    /**
     * The port to listen on: the one already in use when the child is started again after
     * a crash, else a configured or free one.
     */
    final int choosePort(String what, int current, int configured, String property) {
        return relaunching && current > 0 ? current : Support.choosePort(what, configured, property);
    }

    @Override
    void started() {
        stopping = false;
        supervise(child, 1);
    }

    private void supervise(ChildJvm watched, int attempt) {
        watched.process().onExit().thenRun(() -> {
            if (child == watched && isRunning() && !stopping) {
                log.warn(name() + " exited unexpectedly (exit code " + watched.process().exitValue()
                        + "); starting it again, see " + logFile());
                restartAfter(watched, attempt);
            }
        });
    }

    private void restartAfter(ChildJvm crashed, int attempt) {
        var delay = FIRST_RESTART_DELAY.multipliedBy(1L << Math.min(attempt - 1, 5));
        var wait = delay.compareTo(LONGEST_RESTART_DELAY) > 0 ? LONGEST_RESTART_DELAY : delay;
        Thread.ofVirtual().name(name() + "-restart").start(() -> {
            try {
                Thread.sleep(wait);
                synchronized (this) {
                    if (child != crashed || !isRunning() || stopping) {
                        return; // stopped on purpose meanwhile
                    }
                    relaunch();
                }
                log.warn(name() + " started again at " + url() + " after a crash");
                supervise(child, 1);
            }
            catch (LocalServiceException e) {
                log.warn(name() + " could not be started again (attempt " + attempt + "): " + e.getMessage());
                restartAfter(crashed, attempt + 1);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** Starts the child again on the ports it had. */
    private void relaunch() {
        relaunching = true;
        try {
            doStart();
        }
        finally {
            relaunching = false;
        }
    }

    /**
     * Takes the service away until the answer is closed, then starts it again on the same
     * ports, as an outage of the production service would: meanwhile its port refuses
     * connections. For tests of what the application does then.
     */
    public synchronized Outage outage() {
        if (!isRunning()) {
            throw new IllegalStateException(name() + " is not running");
        }
        stopping = true;
        doStop();
        return () -> {
            synchronized (this) {
                relaunch();
                started();
            }
        };
    }

    /**
     * The class path of a server started through {@link ChildJvmMain}: that class, copied
     * out of this module (a folder, a jar or a fat jar) into the data folder, and the
     * server's jar.
     */
    final String launcherClassPath(Path serverJar) {
        String resource = ChildJvmMain.class.getName().replace('.', '/') + ".class";
        Path launcherDir = dataDir().resolve("launcher");
        Path target = launcherDir.resolve(resource);
        try (InputStream in = ChildJvmService.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found on the class path");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return launcherDir + File.pathSeparator + serverJar;
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
        stopping = true;
        ChildJvm c = child;
        if (c != null) {
            c.requestStop();
        }
    }

    @Override
    void emergencyStop() {
        stopping = true;
        ChildJvm c = child;
        if (c != null) {
            c.stop(emergencyStopTimeout);
        }
    }

}
