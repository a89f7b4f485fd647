package id.kriyanusa.localservices;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * S3Proxy ({@code org.gaul:s3proxy}, jar-with-dependencies) as a child JVM: the
 * filesystem provider with buckets under {@code <data-dir>/s3/buckets}, AWS v2/v4
 * signatures with the configured access and secret key, endpoint http://127.0.0.1:PORT,
 * log in {@code <data-dir>/logs/s3proxy.log}. Ready when an unsigned {@code GET /}
 * answers 403.
 */
public final class S3ProxyService extends ChildJvmService {

    /** Subfolder of the data folder. */
    static final String ID = "s3";

    private static final String NAME = "S3Proxy";

    private static final String SERVER_MAIN_CLASS = "org.gaul.s3proxy.Main";

    private int port;

    public S3ProxyService(LocalServicesSettings settings) {
        super(settings, NAME, ID, "s3proxy", Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public int port() {
        return port;
    }

    public String accessKey() {
        return settings.s3AccessKey();
    }

    public String secretKey() {
        return settings.s3SecretKey();
    }

    @Override
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kriyanusa.storage.endpoint", url());
        properties.put("kriyanusa.storage.access-key", accessKey());
        properties.put("kriyanusa.storage.secret-key", secretKey());
        return properties;
    }

    private Path propertiesFile() {
        return dataDir().resolve("s3proxy.properties");
    }

    private Path bucketsDir() {
        return dataDir().resolve("buckets");
    }

    @Override
    void stopStaleProcesses() {
        ChildJvm.stopStale(NAME, runFile(".pid"), propertiesFile().toString());
    }

    @Override
    void doStart() {
        Path jar = settings.s3Jar();
        if (!Files.isRegularFile(jar)) {
            throw new LocalServiceException(NAME, "the S3Proxy jar is missing at " + jar,
                    "build it with ./mvnw -pl backend -am process-resources (it copies org.gaul:s3proxy into "
                            + "infra/local-services/target/s3proxy), set " + LocalServicesSettings.S3_JAR
                            + ", or point kriyanusa.storage.endpoint at an external S3 service");
        }
        port = choosePort(NAME, port, settings.s3Port(), LocalServicesSettings.S3_PORT);
        Support.createDirectories(NAME, bucketsDir());
        writeProperties();

        List<String> command = new ArrayList<>();
        command.add(settings.javaExecutable().toString());
        command.add("-Xmx" + settings.s3Heap());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Djava.io.tmpdir=" + dataDir());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(launcherClassPath(jar));
        command.add(ChildJvmMain.class.getName());
        command.add(SERVER_MAIN_CLASS);
        command.add("--properties");
        command.add(propertiesFile().toString());
        child = ChildJvm.start(NAME, command, dataDir(), logFile(), runFile(".pid"));
        awaitReady();
    }

    private void writeProperties() {
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", url());
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", settings.s3AccessKey());
        p.setProperty("s3proxy.credential", settings.s3SecretKey());
        p.setProperty("s3proxy.cors-allow-all", "true");
        p.setProperty("jclouds.provider", "filesystem");
        p.setProperty("jclouds.filesystem.basedir", bucketsDir().toString());
        p.setProperty("jclouds.identity", settings.s3AccessKey());
        p.setProperty("jclouds.credential", settings.s3SecretKey());
        try (var out = Files.newOutputStream(propertiesFile())) {
            p.store(out, "Written by Kriyanusa local services at each start");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        String root = url() + "/";
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw failure("the S3Proxy process exited with code " + child.process().exitValue());
            }
            Support.HttpResponse response = Support.httpGet(root, Duration.ofSeconds(2));
            if (response.status() == 403) {
                return;
            }
            if (response.status() > 0) {
                throw failure("unexpected answer " + response.status() + " to an unsigned GET / (403 expected)");
            }
            Support.sleep(100);
        }
        throw failure("not ready after " + settings.startupTimeout().toSeconds() + " s");
    }

    private LocalServiceException failure(String what) {
        String cause = Support.causeFromLog(child.log(), line -> line.contains("Exception") || line.contains("ERROR")
                || line.startsWith("Error") || line.contains("Address already in use"));
        return new LocalServiceException(
                NAME, what + cause, "read the log; if the buckets folder " + bucketsDir() + " is damaged, "
                        + Support.RESET_HINT + "; or point kriyanusa.storage.endpoint at an external S3 service",
                logFile(), null);
    }

}
