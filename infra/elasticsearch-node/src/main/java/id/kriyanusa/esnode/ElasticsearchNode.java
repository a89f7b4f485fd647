package id.kriyanusa.esnode;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.action.admin.cluster.health.ClusterHealthRequest;
import org.elasticsearch.action.admin.cluster.health.ClusterHealthResponse;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.PluginBundle;
import org.elasticsearch.plugins.PluginsLoader;

/**
 * Starts one Elasticsearch node in this JVM, without Elasticsearch's CLI, entitlement
 * agent or bootstrap checks.
 *
 * <p>
 * Contract with the parent process (see README.md of this module):
 * <ul>
 * <li>system properties {@code es.path.home} (the es-home assembled by the build) and
 * {@code es.path.conf} (a folder holding {@code elasticsearch.yml}) are required;
 * {@code java.io.tmpdir} is created if missing;</li>
 * <li>prints exactly one line {@code KRIYANUSA_ES_STARTED http=<host:port>} to stdout
 * once the node is started (HTTP bound, single-node cluster formed, primaries of existing
 * indices active: yellow, waited for at most {@code -Dkriyanusa.es.waitForYellowSeconds},
 * default 30, 0 to skip), or {@code KRIYANUSA_ES_FAILED <reason>} and exits with status 1
 * if the start fails;</li>
 * <li>stops (closing the node cleanly) on SIGTERM/SIGINT and when its standard input
 * reaches end-of-file, so that a parent that dies, even by SIGKILL, takes the node with
 * it as soon as the pipe closes. Pass {@code -Dkriyanusa.es.exitOnStdinEof=false} to run
 * it by hand with no stdin.</li>
 * </ul>
 * Log output goes to stdout (console only; no log files under path.logs).
 */
public final class ElasticsearchNode {

    public static final String STARTED_MARKER = "KRIYANUSA_ES_STARTED";

    public static final String FAILED_MARKER = "KRIYANUSA_ES_FAILED";

    private static final long CLOSE_TIMEOUT_SECONDS = 20;

    private static final Object LOCK = new Object();

    /** Guarded by LOCK. */
    private static Node node;

    /** Guarded by LOCK. */
    private static boolean stopping;

    private static final CountDownLatch STOPPED = new CountDownLatch(1);

    private ElasticsearchNode() {
    }

    public static void main(String[] args) {
        // Grab the real stdout before anything (log4j included) can touch System.out.
        final PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);

        Runtime.getRuntime().addShutdownHook(new Thread(ElasticsearchNode::shutdown, "kriyanusa-es-shutdown"));
        if (Boolean.parseBoolean(System.getProperty("kriyanusa.es.exitOnStdinEof", "true"))) {
            watchStdin(out);
        }

        final Node started;
        try {
            started = startNode();
        }
        catch (Throwable failure) {
            fail(out, failure);
            return; // not reached
        }
        if (started == null) {
            return; // asked to stop while starting; the shutdown hook is exiting the JVM
        }

        // The node's own threads are not guaranteed to keep the JVM alive: hold it with a
        // non-daemon thread.
        Thread keepAlive = new Thread(() -> {
            try {
                STOPPED.await();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "kriyanusa-es-keepalive");
        keepAlive.setDaemon(false);
        keepAlive.start();

        waitForPrimaries(started, out);

        String http;
        try {
            http = started.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress().toString();
        }
        catch (RuntimeException e) {
            http = "unknown";
        }
        synchronized (LOCK) {
            if (stopping) {
                return; // never announce a node that is already being closed
            }
        }
        out.println(STARTED_MARKER + " http=" + http);
        out.flush();
    }

    /**
     * node.start() returns once HTTP is bound and the node is master, but before existing
     * indices are recovered (their searches answer 503 for a moment). Wait, bounded,
     * until every primary shard is active (yellow), so that "started" means usable.
     * Indices that never get there (a broken index) only delay the marker by the timeout.
     */
    private static void waitForPrimaries(Node started, PrintStream out) {
        long seconds = Long.getLong("kriyanusa.es.waitForYellowSeconds", 30L);
        if (seconds <= 0) {
            return;
        }
        try {
            ClusterHealthRequest request = new ClusterHealthRequest(TimeValue.timeValueSeconds(seconds))
                .waitForYellowStatus()
                .timeout(TimeValue.timeValueSeconds(seconds));
            ClusterHealthResponse health = started.client()
                .admin()
                .cluster()
                .health(request)
                .actionGet(TimeValue.timeValueSeconds(seconds + 5));
            if (health.isTimedOut()) {
                out.println("kriyanusa-es: cluster health still " + health.getStatus() + " after " + seconds
                        + "s; announcing the node as started anyway");
            }
        }
        catch (RuntimeException e) {
            out.println("kriyanusa-es: could not wait for cluster health: " + e);
        }
    }

    private static Node startNode() throws Exception {
        Path home = requiredPath("es.path.home");
        Path conf = requiredPath("es.path.conf");
        if (!Files.isRegularFile(conf.resolve("elasticsearch.yml"))) {
            throw new IllegalStateException("no elasticsearch.yml in es.path.conf [" + conf + "]");
        }
        String tmp = System.getProperty("java.io.tmpdir");
        if (tmp != null) {
            Files.createDirectories(Path.of(tmp));
        }

        LogConfigurator.configureESLogging(); // must precede anything that logs, or ES
                                              // fails with an NPE
        Settings initial = Settings.builder().put("path.home", home.toString()).build();
        Environment env = InternalSettingsPreparer.prepareEnvironment(initial, Map.of(), conf,
                () -> System.getProperty("kriyanusa.es.defaultNodeName", "kriyanusa-es"));
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(env.settings()));
        // Console only (log4j's default console appender): the parent captures
        // stdout/stderr. Without a level, that
        // appender shows errors only; default to info like Elasticsearch, unless
        // elasticsearch.yml sets logger.level.
        // The native libraries of the ES distribution (lib/platform: zstd, systemd,
        // vector scoring) are not on Maven
        // Central: ES then logs a harmless WARN with a long UnsatisfiedLinkError stack
        // trace at every start. Hide it.
        Settings.Builder logSettings = Settings.builder().put(env.settings());
        if (!env.settings().hasValue("logger.level")) {
            logSettings.put("logger.level", "info");
        }
        if (!env.settings().hasValue("logger.org.elasticsearch.nativeaccess")) {
            logSettings.put("logger.org.elasticsearch.nativeaccess", "error");
        }
        LogConfigurator.configureWithoutConfig(logSettings.build());

        // ES binds the HTTP port last, after the cluster has formed (~10 s): check the
        // ports up front to fail fast.
        checkPortFree(env.settings(), "http");
        checkPortFree(env.settings(), "transport");

        Set<PluginBundle> modules = PluginsLoader.loadModulesBundles(env.modulesDir(), false);
        Node created = new Node(env, PluginsLoader.createPluginsLoader(modules, Set.of(), Map.of()));
        synchronized (LOCK) {
            if (stopping) {
                closeQuietly(created);
                return null;
            }
            node = created;
        }
        created.start();
        return created;
    }

    /**
     * Best effort: only for a single numeric port on a literal host name or address (not
     * ranges, lists or ES's special {@code _local_}-style values, which ES resolves
     * itself). The real bind by ES remains the authority.
     */
    private static void checkPortFree(Settings settings, String prefix) throws BindException {
        String port;
        String host;
        try {
            port = settings.get(prefix + ".port");
            host = settings.get(prefix + ".bind_host",
                    settings.get(prefix + ".host", settings.get("network.bind_host", settings.get("network.host"))));
        }
        catch (RuntimeException e) {
            return; // e.g. a list of hosts
        }
        if (port == null || !port.trim().matches("\\d{1,5}") || host == null || host.isBlank() || host.contains("_")
                || host.contains(",")) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host.trim());
        }
        catch (IOException | SecurityException e) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, Integer.parseInt(port.trim())));
        }
        catch (BindException e) {
            BindException inUse = new BindException(prefix + ".port " + port.trim() + " on " + address.getHostAddress()
                    + " is not free: " + e.getMessage());
            inUse.initCause(e);
            throw inUse;
        }
        catch (IOException e) {
            // cannot tell: let ES try
        }
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property -D" + property + " is required");
        }
        Path path = Path.of(value).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("-D" + property + " [" + path + "] is not a directory");
        }
        return path;
    }

    /**
     * Exits the JVM (closing the node through the shutdown hook) once stdin reaches EOF:
     * the parent is gone.
     */
    private static void watchStdin(PrintStream out) {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            byte[] buffer = new byte[256];
            try {
                while (in.read(buffer) >= 0) {
                    // ignore anything the parent writes
                }
            }
            catch (IOException e) {
                // treat a broken stdin like EOF
            }
            out.println("kriyanusa-es: standard input closed, stopping the node");
            out.flush();
            exitWithWatchdog(0);
        }, "kriyanusa-es-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void fail(PrintStream out, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StringBuilder line = new StringBuilder(FAILED_MARKER).append(' ').append(describe(root));
        if (root != failure) {
            line.append(" [").append(describe(failure)).append(']');
        }
        failure.printStackTrace(System.err);
        System.err.flush();
        out.println(line.toString().replace('\r', ' ').replace('\n', ' '));
        out.flush();
        exitWithWatchdog(1);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * System.exit, with a guard so that a shutdown hook stuck in ES can never hang the
     * process.
     */
    private static void exitWithWatchdog(int status) {
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(TimeUnit.SECONDS.toMillis(CLOSE_TIMEOUT_SECONDS + 10));
            }
            catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(status);
        }, "kriyanusa-es-exit-watchdog");
        halter.setDaemon(true);
        halter.start();
        System.exit(status);
    }

    private static void shutdown() {
        Node toClose;
        synchronized (LOCK) {
            stopping = true;
            toClose = node;
            node = null;
        }
        try {
            if (toClose != null) {
                closeQuietly(toClose);
            }
        }
        finally {
            STOPPED.countDown();
        }
    }

    private static void closeQuietly(Node toClose) {
        try {
            toClose.prepareForClose();
        }
        catch (RuntimeException e) {
            // best effort
        }
        try {
            toClose.close();
            if (!toClose.awaitClose(CLOSE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("kriyanusa-es: node did not close within " + CLOSE_TIMEOUT_SECONDS + "s");
            }
        }
        catch (IOException | RuntimeException e) {
            System.err.println("kriyanusa-es: failed to close the node: " + e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
