package id.kriyanusa.localservices;

import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * One local service (PostgreSQL, Elasticsearch or S3Proxy) with its data folder
 * {@code <data-dir>/<id>/}, its log file {@code <data-dir>/logs/<log-name>.log}, a lock
 * {@code <data-dir>/run/<id>.lock} held while it runs, and stale processes of an earlier,
 * killed JVM stopped before it starts.
 *
 * <p>
 * Usable on its own ({@code try (var pg = new PostgresService(settings)) { pg.start();
 * ... }}); the JVM-wide, reference-counted instances live in {@link LocalServices}.
 */
public abstract sealed class LocalService implements AutoCloseable permits PostgresService, ChildJvmService {

    protected final Log log = LogFactory.getLog(getClass());

    protected final LocalServicesSettings settings;

    private final String name;

    private final String id;

    private final String logName;

    private FileLock lock;

    private volatile boolean running;

    LocalService(LocalServicesSettings settings, String name, String id, String logName) {
        this.settings = settings;
        this.name = name;
        this.id = id;
        this.logName = logName;
    }

    /** Display name: "PostgreSQL", "Elasticsearch", "S3Proxy". */
    public final String name() {
        return name;
    }

    /** {@code <data-dir>/<id>}: this service's data, kept between runs. */
    public final Path dataDir() {
        return settings.dataDir().resolve(id);
    }

    /** {@code <data-dir>/logs/<name>.log}: the child's stdout and stderr. */
    public final Path logFile() {
        return settings.logsDir().resolve(logName + ".log");
    }

    final Path runFile(String suffix) {
        return settings.runDir().resolve(id + suffix);
    }

    public final boolean isRunning() {
        return running;
    }

    /** Where clients connect: a JDBC URL or http://127.0.0.1:PORT. */
    public abstract String url();

    /** The port on 127.0.0.1. */
    public abstract int port();

    /** The pid of the server process, when running. */
    public abstract OptionalLong pid();

    /** The Spring properties that point the application at this service. */
    public abstract Map<String, String> springProperties();

    /**
     * Starts the service: locks the data folder, stops stale processes left by a killed
     * JVM, wipes the data when {@link LocalServicesSettings#reset()} is set, starts and
     * waits until it is ready.
     * @throws LocalServiceException with the cause, the log file and the fix
     */
    public final synchronized void start() {
        if (running) {
            throw new IllegalStateException(name + " is already running");
        }
        long started = System.nanoTime();
        lock = Support.lock(name, runFile(".lock"), dataDir());
        try {
            stopStaleProcesses();
            if (settings.reset()) {
                Support.deleteRecursively(name, dataDir());
            }
            Support.createDirectories(name, dataDir());
            Support.newLogFile(name, logFile());
            doStart();
            running = true;
            started();
        }
        catch (RuntimeException | Error e) {
            try {
                doStop();
            }
            catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            Support.release(lock);
            lock = null;
            throw e;
        }
        if (log.isInfoEnabled()) {
            log.info(String.format("%s ready at %s in %s (data: %s, log: %s)", describe(), url(),
                    Support.seconds(System.nanoTime() - started), dataDir(), logFile()));
        }
    }

    /** Stops the service and its processes; does nothing when it is not running. */
    @Override
    public final synchronized void close() {
        if (!running) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            doStop();
        }
        finally {
            running = false;
            Support.release(lock);
            lock = null;
        }
        if (log.isDebugEnabled()) {
            log.debug(name + " stopped in " + Support.seconds(System.nanoTime() - stopping));
        }
    }

    /** The name and version for the startup line. */
    String describe() {
        return name;
    }

    /**
     * Stops processes recorded by an earlier JVM that died without stopping them (we hold
     * the lock).
     */
    abstract void stopStaleProcesses();

    abstract void doStart();

    /** Called once the service runs; a child process is watched from here. */
    void started() {
    }

    /** Stops whatever {@link #doStart()} started, also after a partial start. */
    abstract void doStop();

    /**
     * Last resort from the JVM shutdown hook when the normal stop cannot run: no locks,
     * best effort.
     */
    abstract void emergencyStop();

    @Override
    public String toString() {
        return name + (running ? " at " + url() : " (stopped)");
    }

}
