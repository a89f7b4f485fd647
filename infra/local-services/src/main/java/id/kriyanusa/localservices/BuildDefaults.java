package id.kriyanusa.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Default locations: the repository root (found by walking up from the working directory
 * to the folder holding {@code mvnw}), and the paths Maven baked in when this module was
 * built (build.properties).
 */
final class BuildDefaults {

    static final String ES_HOME_RELATIVE = "infra/elasticsearch-node/target/es-home";
    static final String S3PROXY_JAR_RELATIVE = "infra/local-services/target/s3proxy/s3proxy.jar";
    static final String GREENMAIL_JAR_RELATIVE = "infra/local-services/target/greenmail/greenmail.jar";

    private static final Properties BAKED = load();

    private BuildDefaults() {
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildDefaults.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** The folder holding {@code mvnw}, searched upwards from the working directory. */
    static Optional<Path> repositoryRootFromWorkingDirectory() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * The repository root: from the working directory, else the one this module was built
     * in, else the working directory.
     */
    static Path repositoryRoot() {
        return repositoryRootFromWorkingDirectory()
            .or(() -> baked("repo-root").filter(p -> Files.isRegularFile(p.resolve("mvnw"))))
            .orElseGet(() -> Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize());
    }

    static Path defaultDataDir() {
        return repositoryRoot().resolve(".data");
    }

    /**
     * The ES home of the elasticsearch-node module: under the repository root, else the
     * baked path.
     */
    static Path defaultElasticsearchHome() {
        return firstExisting(ES_HOME_RELATIVE, "es-home");
    }

    /**
     * The S3Proxy jar copied at build time; else the one in the local Maven repository.
     */
    static Path defaultS3ProxyJar() {
        Path candidate = firstExisting(S3PROXY_JAR_RELATIVE, "s3proxy-jar");
        if (Files.isRegularFile(candidate)) {
            return candidate;
        }
        String version = BAKED.getProperty("s3proxy-version", "4.1.0");
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "org", "gaul", "s3proxy", version,
                "s3proxy-" + version + "-jar-with-dependencies.jar");
        return Files.isRegularFile(m2) ? m2 : candidate;
    }

    /**
     * The GreenMail standalone jar copied at build time; else the one in the local Maven
     * repository.
     */
    static Path defaultGreenMailJar() {
        Path candidate = firstExisting(GREENMAIL_JAR_RELATIVE, "greenmail-jar");
        if (Files.isRegularFile(candidate)) {
            return candidate;
        }
        String version = BAKED.getProperty("greenmail-version", "2.1.5");
        Path m2 = Path.of(System.getProperty("user.home"), ".m2", "repository", "com", "icegreen",
                "greenmail-standalone", version, "greenmail-standalone-" + version + ".jar");
        return Files.isRegularFile(m2) ? m2 : candidate;
    }

    private static Path firstExisting(String relative, String bakedKey) {
        Optional<Path> fromRoot = repositoryRootFromWorkingDirectory().map(root -> root.resolve(relative));
        if (fromRoot.isPresent() && Files.exists(fromRoot.get())) {
            return fromRoot.get();
        }
        Optional<Path> baked = baked(bakedKey);
        if (baked.isPresent() && Files.exists(baked.get())) {
            return baked.get();
        }
        return fromRoot.or(() -> baked).orElseGet(() -> repositoryRoot().resolve(relative));
    }

    private static Optional<Path> baked(String key) {
        String value = BAKED.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(value).toAbsolutePath().normalize());
    }

}
