package id.kriyanusa.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Elasticsearch 9 node as a child JVM, from the ES home built by
 * infra/elasticsearch-node ({@code lib/}, {@code modules/}, {@code launcher/}): config,
 * data, logs and tmp under {@code <data-dir>/elasticsearch}, stdout and stderr in
 * {@code <data-dir>/logs/elasticsearch.log}. The launcher prints
 * {@code KRIYANUSA_ES_STARTED} or {@code KRIYANUSA_ES_FAILED <cause>}, and exits when its
 * stdin closes.
 */
public final class ElasticsearchService extends ChildJvmService {

    /** Subfolder of the data folder. */
    static final String ID = "elasticsearch";

    private static final String NAME = "Elasticsearch";
    static final String MAIN_CLASS = "id.kriyanusa.esnode.ElasticsearchNode";
    static final String STARTED = "KRIYANUSA_ES_STARTED";
    static final String FAILED = "KRIYANUSA_ES_FAILED";

    private static final Pattern VERSION_NUMBER = Pattern.compile("\"number\"\\s*:\\s*\"([^\"]+)\"");

    private int port;

    private int transportPort;

    private String version = "";

    public ElasticsearchService(LocalServicesSettings settings) {
        super(settings, NAME, ID, "elasticsearch", Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    public int transportPort() {
        return transportPort;
    }

    @Override
    public Map<String, String> springProperties() {
        return Map.of("spring.elasticsearch.uris", url());
    }

    @Override
    String describe() {
        return NAME + (version.isEmpty() ? "" : " " + version);
    }

    private Path home() {
        return settings.elasticsearchHome();
    }

    private Path configDir() {
        return dataDir().resolve("config");
    }

    @Override
    void stopStaleProcesses() {
        ChildJvm.stopStale(NAME, runFile(".pid"), "-Des.path.conf=" + configDir());
    }

    @Override
    void doStart() {
        if (!LocalServicesSettings.isDirectoryWith(home(), "lib", "modules", "launcher")) {
            throw new LocalServiceException(NAME,
                    "no Elasticsearch home at " + home()
                            + " (it needs lib/, modules/ and launcher/, built by infra/elasticsearch-node)",
                    "build it with ./mvnw -pl backend -am package -DskipTests (or ./mvnw -pl infra/elasticsearch-node -am "
                            + "package), or set " + LocalServicesSettings.ELASTICSEARCH_HOME
                            + ", or point spring.elasticsearch.uris at an external Elasticsearch, or turn the local one off with "
                            + LocalServicesSettings.ELASTICSEARCH_ENABLED + "=false");
        }
        requireJava21();
        port = choosePort(NAME, port, settings.elasticsearchPort(), LocalServicesSettings.ELASTICSEARCH_PORT);
        transportPort = choosePort(NAME + " transport", transportPort, settings.elasticsearchTransportPort(),
                LocalServicesSettings.ELASTICSEARCH_TRANSPORT_PORT);
        if (transportPort == port) {
            transportPort = Support.choosePort(NAME + " transport", 0,
                    LocalServicesSettings.ELASTICSEARCH_TRANSPORT_PORT);
        }
        Path data = dataDir().resolve("data");
        Path logs = dataDir().resolve("logs");
        Path tmp = dataDir().resolve("tmp");
        for (Path dir : List.of(configDir(), data, logs, tmp)) {
            Support.createDirectories(NAME, dir);
        }
        writeConfig(data, logs);

        child = ChildJvm.start(NAME, command(tmp), dataDir(), logFile(), runFile(".pid"));
        awaitStarted();
        awaitHealth();
    }

    private void requireJava21() {
        Path java = settings.javaExecutable();
        if (!Files.isExecutable(java)) {
            throw new LocalServiceException(NAME, "no java at " + java,
                    "set " + LocalServicesSettings.JAVA_HOME + " to a JDK 21 or newer");
        }
        int feature = javaFeatureVersion(settings.javaHome());
        if (feature > 0 && feature < 21) {
            throw new LocalServiceException(NAME,
                    "Elasticsearch 9 needs Java 21 or newer, " + settings.javaHome() + " is Java " + feature,
                    "run with a JDK 21+ (export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64) or set "
                            + LocalServicesSettings.JAVA_HOME);
        }
    }

    /**
     * The major version of a Java home: this JVM's, else JAVA_VERSION in its release
     * file; 0 if unknown.
     */
    private static int javaFeatureVersion(Path javaHome) {
        if (javaHome.equals(Path.of(System.getProperty("java.home")).toAbsolutePath())) {
            return Runtime.version().feature();
        }
        Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)")
            .matcher(Support.readString(javaHome.resolve("release")).orElse(""));
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    private void writeConfig(Path data, Path logs) {
        String yaml = """
                # Written by Kriyanusa local services at each start; edits are lost.
                cluster.name: kriyanusa-local
                node.name: kriyanusa-local-1
                discovery.type: single-node
                network.host: 127.0.0.1
                http.port: %d
                transport.port: %d
                path.data: "%s"
                path.logs: "%s"
                """.formatted(port, transportPort, yamlEscape(data), yamlEscape(logs));
        try {
            Files.writeString(configDir().resolve("elasticsearch.yml"), yaml);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yamlEscape(Path path) {
        return path.toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private List<String> command(Path tmp) {
        Path home = home();
        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        String heap = settings.elasticsearchHeap();
        // a fixed heap, as Elastic recommends: a heap that grows from a smaller start
        // keeps the young generation small,
        // and searches then meet a collection pause several times as often
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        command.addAll(List.of("-XX:+UseG1GC", "-Dio.netty.noUnsafe=true", "-Dio.netty.noKeySetOptimization=true",
                "-Dio.netty.recycler.maxCapacityPerThread=0", "-Dlog4j.shutdownHookEnabled=false",
                "-Dlog4j2.disable.jmx=true", "-Dlog4j2.formatMsgNoLookups=true", "-Djava.locale.providers=CLDR",
                "-Dfile.encoding=UTF-8", "--enable-native-access=org.elasticsearch.nativeaccess,org.apache.lucene.core",
                "--add-modules=jdk.incubator.vector", "--module-path", home.resolve("lib").toString(),
                "--add-modules=ALL-MODULE-PATH", "-cp", home.resolve("launcher") + "/*", "-Des.path.home=" + home,
                "-Des.path.conf=" + configDir(), "-Djava.io.tmpdir=" + tmp, MAIN_CLASS));
        return command;
    }

    private void awaitStarted() {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        LogWatcher log = child.log();
        while (System.nanoTime() < deadline) {
            Optional<String> failed = log.find(line -> line.contains(FAILED));
            if (failed.isPresent()) {
                child.process().toHandle().onExit().completeOnTimeout(null, 5, TimeUnit.SECONDS).join();
                String cause = failed.get().substring(failed.get().indexOf(FAILED) + FAILED.length()).trim();
                throw failure("the node failed to start: " + cause);
            }
            if (log.find(line -> line.contains(STARTED)).isPresent()) {
                return;
            }
            if (!child.isAlive()) {
                throw failure("the node exited with code " + child.process().exitValue() + causeFromLog());
            }
            Support.sleep(200);
        }
        throw failure("the node did not start in " + settings.startupTimeout().toSeconds() + " s" + causeFromLog());
    }

    private void awaitHealth() {
        Support.HttpResponse health = Support.httpGet(url() + "/_cluster/health?wait_for_status=yellow&timeout=60s",
                Duration.ofSeconds(70));
        if (health.status() != 200) {
            throw failure("the cluster did not become yellow: HTTP " + health.status() + " " + health.body());
        }
        Matcher number = VERSION_NUMBER.matcher(Support.httpGet(url() + "/", Duration.ofSeconds(10)).body());
        version = number.find() ? number.group(1) : "";
    }

    private String causeFromLog() {
        return Support.causeFromLog(child.log(), line -> line.contains("Exception") || line.contains("ERROR")
                || line.startsWith("Caused by") || line.startsWith("Error"));
    }

    private LocalServiceException failure(String problem) {
        return new LocalServiceException(
                NAME, problem, "read the log; if the data folder " + dataDir().resolve("data") + " is damaged, "
                        + Support.RESET_HINT + "; or point spring.elasticsearch.uris at an external Elasticsearch",
                logFile(), null);
    }

}
