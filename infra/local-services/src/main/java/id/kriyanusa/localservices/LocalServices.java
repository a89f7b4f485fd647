package id.kriyanusa.localservices;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The JVM-wide local services: each starts at most once per JVM, when a first
 * {@link #acquire acquire} wants it, and all stop when the last {@link Lease} is closed.
 * Test suites that cache several Spring contexts thus share one PostgreSQL, one
 * Elasticsearch, one S3Proxy and one GreenMail.
 *
 * <p>
 * A JVM shutdown hook stops whatever is still running at exit (Ctrl-C, SIGTERM,
 * System.exit), after waiting a few seconds for application contexts that are still
 * closing to release their leases, so that the services outlive the beans that use them.
 */
public final class LocalServices {

    private static final Log LOG = LogFactory.getLog(LocalServices.class);

    private static final LocalServices INSTANCE = new LocalServices();

    /** How long the shutdown hook waits without any lease being released. */
    private static final long SHUTDOWN_IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** How long the shutdown hook waits at most for the leases. */
    private static final long SHUTDOWN_MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ReentrantLock lock = new ReentrantLock();

    private final Condition released = lock.newCondition();

    private final Set<Path> wiped = new HashSet<>();

    private PostgresService postgres;

    private S3ProxyService s3;

    private ElasticsearchService elasticsearch;

    private GreenMailService mail;

    /**
     * The service being started, for the shutdown hook when the JVM exits in the middle
     * of a start.
     */
    private volatile LocalService starting;

    private int references;

    private volatile long lastRelease;

    private volatile boolean shuttingDown;

    private Thread shutdownHook;

    private LocalServices() {
    }

    /** The services of this JVM. */
    public static LocalServices get() {
        return INSTANCE;
    }

    /**
     * Starts the services that the settings enable and that are not running yet, and
     * takes a reference on the services; close the lease to release it. The services stop
     * when the last lease is closed.
     * @throws LocalServiceException when a service cannot start (nothing is left running
     * then, unless other leases hold services)
     */
    public Lease acquire(LocalServicesSettings settings) {
        lock.lock();
        try {
            if (shuttingDown) {
                throw new LocalServiceException("Local services", "the JVM is shutting down", "");
            }
            registerShutdownHook();
            List<LocalService> wanted = new ArrayList<>();
            try {
                if (settings.postgresEnabled()) {
                    postgres = startIfAbsent(postgres, settings, PostgresService.ID, PostgresService::new);
                    wanted.add(postgres);
                }
                if (settings.s3Enabled()) {
                    s3 = startIfAbsent(s3, settings, S3ProxyService.ID, S3ProxyService::new);
                    wanted.add(s3);
                }
                if (settings.elasticsearchEnabled()) {
                    elasticsearch = startIfAbsent(elasticsearch, settings, ElasticsearchService.ID,
                            ElasticsearchService::new);
                    wanted.add(elasticsearch);
                }
                if (settings.mailEnabled()) {
                    mail = startIfAbsent(mail, settings, GreenMailService.ID, GreenMailService::new);
                    wanted.add(mail);
                }
            }
            catch (RuntimeException | Error e) {
                if (references == 0) {
                    stopServices();
                }
                throw e;
            }
            references++;
            return new Lease(wanted);
        }
        finally {
            lock.unlock();
        }
    }

    private <S extends LocalService> S startIfAbsent(S running, LocalServicesSettings settings, String id,
            Function<LocalServicesSettings, S> factory) {
        if (running != null) {
            if (!running.dataDir().startsWith(settings.dataDir()) && LOG.isDebugEnabled()) {
                LOG.debug(running.name() + " already runs with the data folder " + running.dataDir()
                        + "; sharing it instead of using " + settings.dataDir());
            }
            return running;
        }
        if (shuttingDown) {
            throw new LocalServiceException("Local services", "the JVM is shutting down", "");
        }
        // A reset wipes a data folder once per JVM: services restarted later in the same
        // run keep their data.
        Path folder = settings.dataDir().resolve(id);
        boolean reset = settings.reset() && !wiped.contains(folder);
        S service = factory.apply(reset == settings.reset() ? settings : settings.toBuilder().reset(reset).build());
        starting = service;
        try {
            service.start();
        }
        finally {
            starting = null;
        }
        wiped.add(folder);
        return service;
    }

    private void release() {
        lock.lock();
        try {
            references--;
            lastRelease = System.nanoTime();
            if (references == 0) {
                stopServices();
            }
            released.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Stops all services now, whatever the leases (for tests and tools); later acquires
     * start them anew.
     */
    public void stopAll() {
        lock.lock();
        try {
            stopServices();
        }
        finally {
            lock.unlock();
        }
    }

    /** Stops the child JVMs and PostgreSQL at the same time, then waits for all. */
    private void stopServices() {
        ElasticsearchService es = elasticsearch;
        S3ProxyService s = s3;
        GreenMailService m = mail;
        PostgresService pg = postgres;
        elasticsearch = null;
        s3 = null;
        mail = null;
        postgres = null;
        for (ChildJvmService child : new ChildJvmService[] { es, s, m }) {
            if (child != null) {
                child.requestStop();
            }
        }
        for (LocalService service : new LocalService[] { pg, s, m, es }) {
            if (service == null) {
                continue;
            }
            try {
                service.close();
            }
            catch (RuntimeException e) {
                LOG.warn("Could not stop " + service.name() + ": " + e.getMessage());
            }
        }
    }

    public Optional<PostgresService> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<ElasticsearchService> elasticsearch() {
        return Optional.ofNullable(elasticsearch);
    }

    public Optional<S3ProxyService> s3() {
        return Optional.ofNullable(s3);
    }

    public Optional<GreenMailService> mail() {
        return Optional.ofNullable(mail);
    }

    /** The number of open leases. */
    public int references() {
        lock.lock();
        try {
            return references;
        }
        finally {
            lock.unlock();
        }
    }

    private void registerShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::onJvmShutdown, "kriyanusa-local-services-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private void onJvmShutdown() {
        shuttingDown = true;
        boolean locked = false;
        try {
            // A start in progress holds the lock: stop its process so that the start
            // fails fast and
            // releases the lock (acquire() then stops what it started); stop everything
            // directly if not.
            LocalService inProgress = starting;
            if (inProgress != null) {
                inProgress.emergencyStop();
            }
            locked = lock.tryLock(15, TimeUnit.SECONDS);
            if (!locked) {
                emergencyStop();
                return;
            }
            long start = System.nanoTime();
            lastRelease = start;
            while (references > 0 && System.nanoTime() - start < SHUTDOWN_MAX_WAIT_NANOS
                    && System.nanoTime() - lastRelease < SHUTDOWN_IDLE_WAIT_NANOS) {
                released.await(200, TimeUnit.MILLISECONDS);
            }
            if (references > 0 && LOG.isDebugEnabled()) {
                LOG.debug("JVM exit: stopping the local services with " + references + " lease(s) still open");
            }
            stopServices();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emergencyStop();
        }
        finally {
            if (locked) {
                lock.unlock();
            }
        }
    }

    private void emergencyStop() {
        for (LocalService service : new LocalService[] { starting, elasticsearch, s3, mail, postgres }) {
            if (service != null) {
                try {
                    service.emergencyStop();
                }
                catch (RuntimeException ignored) {
                    // best effort at JVM exit; the next start stops stale processes
                    // anyway
                }
            }
        }
    }

    /**
     * A reference on the running services, with the Spring properties that point at them.
     * Closing it (once; more closes are ignored) releases the reference.
     */
    public final class Lease implements AutoCloseable {

        private final List<LocalService> services;

        private final Map<String, String> properties;

        private final AtomicBoolean closed = new AtomicBoolean();

        private Lease(List<LocalService> services) {
            this.services = List.copyOf(services);
            Map<String, String> all = new LinkedHashMap<>();
            services.forEach(service -> all.putAll(service.springProperties()));
            this.properties = Collections.unmodifiableMap(all);
        }

        /** The services this lease asked for. */
        public List<LocalService> services() {
            return services;
        }

        /**
         * spring.datasource.*, spring.elasticsearch.uris, kriyanusa.storage.*,
         * spring.mail.* for the services asked for.
         */
        public Map<String, String> properties() {
            return properties;
        }

        public boolean isEmpty() {
            return services.isEmpty();
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                release();
            }
        }

    }

}
