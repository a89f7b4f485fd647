package id.kriyanusa.localservices;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Settings of the local services, read from properties under {@value #PREFIX} (see
 * {@link #from(Function)}). Immutable; {@link #builder()} gives the defaults.
 */
public final class LocalServicesSettings {

    public static final String PREFIX = "kriyanusa.local-services.";

    /** false disables all local services. */
    public static final String ENABLED = PREFIX + "enabled";

    /** Data folder; default {@code <repo root>/.data}. */
    public static final String DATA_DIR = PREFIX + "data-dir";

    /** true wipes each service's data folder (once per JVM) before it starts. */
    public static final String RESET = PREFIX + "reset";

    /** JDK 21+ for the child JVMs; default: the running JVM's {@code java.home}. */
    public static final String JAVA_HOME = PREFIX + "java-home";

    /** How long one service may take to start; default 180s. */
    public static final String STARTUP_TIMEOUT = PREFIX + "startup-timeout";

    public static final String POSTGRES_ENABLED = PREFIX + "postgres.enabled";

    public static final String POSTGRES_PORT = PREFIX + "postgres.port";

    public static final String POSTGRES_DATABASE = PREFIX + "postgres.database";

    public static final String POSTGRES_USERNAME = PREFIX + "postgres.username";

    public static final String POSTGRES_PASSWORD = PREFIX + "postgres.password";

    public static final String ELASTICSEARCH_ENABLED = PREFIX + "elasticsearch.enabled";

    public static final String ELASTICSEARCH_PORT = PREFIX + "elasticsearch.port";

    public static final String ELASTICSEARCH_TRANSPORT_PORT = PREFIX + "elasticsearch.transport-port";

    public static final String ELASTICSEARCH_HOME = PREFIX + "elasticsearch.home";

    public static final String ELASTICSEARCH_HEAP = PREFIX + "elasticsearch.heap";

    public static final String S3_ENABLED = PREFIX + "s3.enabled";

    public static final String S3_PORT = PREFIX + "s3.port";

    public static final String S3_JAR = PREFIX + "s3.jar";

    public static final String S3_ACCESS_KEY = PREFIX + "s3.access-key";

    public static final String S3_SECRET_KEY = PREFIX + "s3.secret-key";

    public static final String S3_HEAP = PREFIX + "s3.heap";

    public static final String MAIL_ENABLED = PREFIX + "mail.enabled";

    /** The SMTP port of the local GreenMail; 0 (default) picks a free one. */
    public static final String MAIL_PORT = PREFIX + "mail.port";

    public static final String MAIL_JAR = PREFIX + "mail.jar";

    private final boolean enabled;

    private final Path dataDir;

    private final boolean reset;

    private final Path javaHome;

    private final Duration startupTimeout;

    private final boolean postgresEnabled;

    private final int postgresPort;

    private final String postgresDatabase;

    private final String postgresUsername;

    private final String postgresPassword;

    private final boolean elasticsearchEnabled;

    private final int elasticsearchPort;

    private final int elasticsearchTransportPort;

    private final Path elasticsearchHome;

    private final String elasticsearchHeap;

    private final boolean s3Enabled;

    private final int s3Port;

    private final Path s3Jar;

    private final String s3AccessKey;

    private final String s3SecretKey;

    private final String s3Heap;

    private final boolean mailEnabled;

    private final int mailPort;

    private final Path mailJar;

    private LocalServicesSettings(Builder b) {
        this.enabled = b.enabled;
        this.dataDir = (b.dataDir != null ? b.dataDir : BuildDefaults.defaultDataDir()).toAbsolutePath().normalize();
        this.reset = b.reset;
        this.javaHome = (b.javaHome != null ? b.javaHome : Path.of(System.getProperty("java.home"))).toAbsolutePath();
        this.startupTimeout = b.startupTimeout;
        this.postgresEnabled = b.postgresEnabled;
        this.postgresPort = b.postgresPort;
        this.postgresDatabase = b.postgresDatabase;
        this.postgresUsername = b.postgresUsername;
        this.postgresPassword = b.postgresPassword;
        this.elasticsearchEnabled = b.elasticsearchEnabled;
        this.elasticsearchPort = b.elasticsearchPort;
        this.elasticsearchTransportPort = b.elasticsearchTransportPort;
        this.elasticsearchHome = (b.elasticsearchHome != null ? b.elasticsearchHome
                : BuildDefaults.defaultElasticsearchHome())
            .toAbsolutePath()
            .normalize();
        this.elasticsearchHeap = b.elasticsearchHeap;
        this.s3Enabled = b.s3Enabled;
        this.s3Port = b.s3Port;
        this.s3Jar = (b.s3Jar != null ? b.s3Jar : BuildDefaults.defaultS3ProxyJar()).toAbsolutePath().normalize();
        this.s3AccessKey = b.s3AccessKey;
        this.s3SecretKey = b.s3SecretKey;
        this.s3Heap = b.s3Heap;
        this.mailEnabled = b.mailEnabled;
        this.mailPort = b.mailPort;
        this.mailJar = (b.mailJar != null ? b.mailJar : BuildDefaults.defaultGreenMailJar()).toAbsolutePath()
            .normalize();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads the settings through a property lookup (a Spring
     * {@code Environment::getProperty}, or {@link #fromSystem()}); absent properties keep
     * their defaults.
     */
    public static LocalServicesSettings from(Function<String, String> properties) {
        Builder b = builder();
        PropertyReader r = new PropertyReader(properties);
        b.enabled(r.bool(ENABLED, b.enabled));
        r.path(DATA_DIR).ifPresent(b::dataDir);
        b.reset(r.bool(RESET, b.reset));
        r.path(JAVA_HOME).ifPresent(b::javaHome);
        b.startupTimeout(r.duration(STARTUP_TIMEOUT, b.startupTimeout));
        b.postgresEnabled(r.bool(POSTGRES_ENABLED, b.postgresEnabled));
        b.postgresPort(r.port(POSTGRES_PORT, b.postgresPort));
        b.postgresDatabase(r.string(POSTGRES_DATABASE, b.postgresDatabase));
        b.postgresUsername(r.string(POSTGRES_USERNAME, b.postgresUsername));
        b.postgresPassword(r.string(POSTGRES_PASSWORD, b.postgresPassword));
        b.elasticsearchEnabled(r.bool(ELASTICSEARCH_ENABLED, b.elasticsearchEnabled));
        b.elasticsearchPort(r.port(ELASTICSEARCH_PORT, b.elasticsearchPort));
        b.elasticsearchTransportPort(r.port(ELASTICSEARCH_TRANSPORT_PORT, b.elasticsearchTransportPort));
        r.path(ELASTICSEARCH_HOME).ifPresent(b::elasticsearchHome);
        b.elasticsearchHeap(r.string(ELASTICSEARCH_HEAP, b.elasticsearchHeap));
        b.s3Enabled(r.bool(S3_ENABLED, b.s3Enabled));
        b.s3Port(r.port(S3_PORT, b.s3Port));
        r.path(S3_JAR).ifPresent(b::s3Jar);
        b.s3AccessKey(r.string(S3_ACCESS_KEY, b.s3AccessKey));
        b.s3SecretKey(r.string(S3_SECRET_KEY, b.s3SecretKey));
        b.s3Heap(r.string(S3_HEAP, b.s3Heap));
        b.mailEnabled(r.bool(MAIL_ENABLED, b.mailEnabled));
        b.mailPort(r.port(MAIL_PORT, b.mailPort));
        r.path(MAIL_JAR).ifPresent(b::mailJar);
        return b.build();
    }

    /**
     * Settings from system properties, then environment variables
     * (KRIYANUSA_LOCAL_SERVICES_RESET=true).
     */
    public static LocalServicesSettings fromSystem() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value
                    : System.getenv(name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT));
        });
    }

    public boolean enabled() {
        return enabled;
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean reset() {
        return reset;
    }

    public Path javaHome() {
        return javaHome;
    }

    public Duration startupTimeout() {
        return startupTimeout;
    }

    public boolean postgresEnabled() {
        return enabled && postgresEnabled;
    }

    public int postgresPort() {
        return postgresPort;
    }

    public String postgresDatabase() {
        return postgresDatabase;
    }

    public String postgresUsername() {
        return postgresUsername;
    }

    public String postgresPassword() {
        return postgresPassword;
    }

    public boolean elasticsearchEnabled() {
        return enabled && elasticsearchEnabled;
    }

    public int elasticsearchPort() {
        return elasticsearchPort;
    }

    public int elasticsearchTransportPort() {
        return elasticsearchTransportPort;
    }

    public Path elasticsearchHome() {
        return elasticsearchHome;
    }

    public String elasticsearchHeap() {
        return elasticsearchHeap;
    }

    public boolean s3Enabled() {
        return enabled && s3Enabled;
    }

    public int s3Port() {
        return s3Port;
    }

    public Path s3Jar() {
        return s3Jar;
    }

    public String s3AccessKey() {
        return s3AccessKey;
    }

    public String s3SecretKey() {
        return s3SecretKey;
    }

    public String s3Heap() {
        return s3Heap;
    }

    public boolean mailEnabled() {
        return enabled && mailEnabled;
    }

    public int mailPort() {
        return mailPort;
    }

    public Path mailJar() {
        return mailJar;
    }

    /** {@code <data-dir>/logs}: one log file per service. */
    public Path logsDir() {
        return dataDir.resolve("logs");
    }

    /** {@code <data-dir>/run}: lock and pid files, never wiped by a reset. */
    public Path runDir() {
        return dataDir.resolve("run");
    }

    /** {@code <java-home>/bin/java}. */
    public Path javaExecutable() {
        return javaHome.resolve("bin").resolve("java");
    }

    boolean anyServiceEnabled() {
        return postgresEnabled() || elasticsearchEnabled() || s3Enabled() || mailEnabled();
    }

    @Override
    public String toString() {
        return "LocalServicesSettings[dataDir=" + dataDir + ", reset=" + reset + ", postgres=" + postgresEnabled()
                + ", elasticsearch=" + elasticsearchEnabled() + ", s3=" + s3Enabled() + ", mail=" + mailEnabled() + "]";
    }

    public static final class Builder {

        private boolean enabled = true;

        private Path dataDir;

        private boolean reset;

        private Path javaHome;

        private Duration startupTimeout = Duration.ofSeconds(180);

        private boolean postgresEnabled = true;

        private int postgresPort;

        private String postgresDatabase = "kriyanusa";

        private String postgresUsername = "kriyanusa";

        private String postgresPassword = "kriyanusa";

        private boolean elasticsearchEnabled = true;

        private int elasticsearchPort;

        private int elasticsearchTransportPort;

        private Path elasticsearchHome;

        private String elasticsearchHeap = "512m";

        private boolean s3Enabled = true;

        private int s3Port;

        private Path s3Jar;

        private String s3AccessKey = "kriyanusa-local";

        private String s3SecretKey = "kriyanusa-local-secret";

        private String s3Heap = "256m";

        private boolean mailEnabled = true;

        private int mailPort;

        private Path mailJar;

        private Builder() {
        }

        private Builder(LocalServicesSettings s) {
            enabled = s.enabled;
            dataDir = s.dataDir;
            reset = s.reset;
            javaHome = s.javaHome;
            startupTimeout = s.startupTimeout;
            postgresEnabled = s.postgresEnabled;
            postgresPort = s.postgresPort;
            postgresDatabase = s.postgresDatabase;
            postgresUsername = s.postgresUsername;
            postgresPassword = s.postgresPassword;
            elasticsearchEnabled = s.elasticsearchEnabled;
            elasticsearchPort = s.elasticsearchPort;
            elasticsearchTransportPort = s.elasticsearchTransportPort;
            elasticsearchHome = s.elasticsearchHome;
            elasticsearchHeap = s.elasticsearchHeap;
            s3Enabled = s.s3Enabled;
            s3Port = s.s3Port;
            s3Jar = s.s3Jar;
            s3AccessKey = s.s3AccessKey;
            s3SecretKey = s.s3SecretKey;
            s3Heap = s.s3Heap;
            mailEnabled = s.mailEnabled;
            mailPort = s.mailPort;
            mailJar = s.mailJar;
        }

        public Builder enabled(boolean v) {
            enabled = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder reset(boolean v) {
            reset = v;
            return this;
        }

        public Builder javaHome(Path v) {
            javaHome = v;
            return this;
        }

        public Builder startupTimeout(Duration v) {
            startupTimeout = v;
            return this;
        }

        public Builder postgresEnabled(boolean v) {
            postgresEnabled = v;
            return this;
        }

        public Builder postgresPort(int v) {
            postgresPort = v;
            return this;
        }

        public Builder postgresDatabase(String v) {
            postgresDatabase = v;
            return this;
        }

        public Builder postgresUsername(String v) {
            postgresUsername = v;
            return this;
        }

        public Builder postgresPassword(String v) {
            postgresPassword = v;
            return this;
        }

        public Builder elasticsearchEnabled(boolean v) {
            elasticsearchEnabled = v;
            return this;
        }

        public Builder elasticsearchPort(int v) {
            elasticsearchPort = v;
            return this;
        }

        public Builder elasticsearchTransportPort(int v) {
            elasticsearchTransportPort = v;
            return this;
        }

        public Builder elasticsearchHome(Path v) {
            elasticsearchHome = v;
            return this;
        }

        public Builder elasticsearchHeap(String v) {
            elasticsearchHeap = v;
            return this;
        }

        public Builder s3Enabled(boolean v) {
            s3Enabled = v;
            return this;
        }

        public Builder s3Port(int v) {
            s3Port = v;
            return this;
        }

        public Builder s3Jar(Path v) {
            s3Jar = v;
            return this;
        }

        public Builder s3AccessKey(String v) {
            s3AccessKey = v;
            return this;
        }

        public Builder s3SecretKey(String v) {
            s3SecretKey = v;
            return this;
        }

        public Builder s3Heap(String v) {
            s3Heap = v;
            return this;
        }

        public Builder mailEnabled(boolean v) {
            mailEnabled = v;
            return this;
        }

        public Builder mailPort(int v) {
            mailPort = v;
            return this;
        }

        public Builder mailJar(Path v) {
            mailJar = v;
            return this;
        }

        public LocalServicesSettings build() {
            return new LocalServicesSettings(this);
        }

    }

    /** Parses property values, failing with the property's name on a bad value. */
    private record PropertyReader(Function<String, String> lookup) {

        private static final String SERVICE = "Local services settings";

        String string(String name, String fallback) {
            String value = lookup.apply(name);
            return value == null ? fallback : value.trim();
        }

        Optional<Path> path(String name) {
            String value = lookup.apply(name);
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            Path path = Path.of(value.trim());
            if (!path.isAbsolute()) {
                path = Path.of(System.getProperty("user.dir")).resolve(path);
            }
            return Optional.of(path.normalize());
        }

        boolean bool(String name, boolean fallback) {
            String value = string(name, null);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            throw new LocalServiceException(SERVICE, name + " must be true or false, was '" + value + "'",
                    "correct " + name);
        }

        int port(String name, int fallback) {
            String value = string(name, null);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            }
            catch (NumberFormatException ignored) {
                // reported below
            }
            throw new LocalServiceException(SERVICE,
                    name + " must be a port number (0 picks a free port), was '" + value + "'", "correct " + name);
        }

        Duration duration(String name, Duration fallback) {
            String value = string(name, null);
            if (value == null || value.isEmpty()) {
                return fallback;
            }
            String v = value.toLowerCase(Locale.ROOT);
            try {
                if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                }
                if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                return Duration.ofSeconds(Long.parseLong(v));
            }
            catch (NumberFormatException e) {
                throw new LocalServiceException(SERVICE,
                        name + " must be a duration such as 180s or 3m, was '" + value + "'", "correct " + name);
            }
        }
    }

    static boolean isDirectoryWith(Path dir, String... children) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (String child : children) {
            if (!Files.exists(dir.resolve(child))) {
                return false;
            }
        }
        return true;
    }

}
