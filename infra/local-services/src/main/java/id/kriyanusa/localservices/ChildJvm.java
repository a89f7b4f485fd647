package id.kriyanusa.localservices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A child JVM (Elasticsearch, S3Proxy): stdout and stderr appended to its log file, stdin
 * a pipe that the child watches (it exits when the pipe closes, i.e. when this JVM dies),
 * a pid file for the next start to stop it if it survived anyway, and its own session
 * (setsid) so that a Ctrl-C in the terminal reaches only the application, which then
 * stops its children in order.
 */
final class ChildJvm {

    private static final Log LOG = LogFactory.getLog(ChildJvm.class);

    private static final List<String> SETSID = List.of("/usr/bin/setsid", "/bin/setsid");

    private static final List<String> INHERITED_JAVA_OPTIONS = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS",
            "_JAVA_OPTIONS", "CLASSPATH");

    private final String service;

    private final Process process;

    private final Path pidFile;

    private final LogWatcher log;

    private ChildJvm(String service, Process process, Path pidFile, LogWatcher log) {
        this.service = service;
        this.process = process;
        this.pidFile = pidFile;
        this.log = log;
    }

    static ChildJvm start(String service, List<String> command, Path workDir, Path logFile, Path pidFile) {
        List<String> full = new ArrayList<>();
        SETSID.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst().ifPresent(full::add);
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full).directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
            .redirectInput(ProcessBuilder.Redirect.PIPE);
        Map<String, String> environment = builder.environment();
        INHERITED_JAVA_OPTIONS.forEach(environment::remove);
        LogWatcher watcher = new LogWatcher(logFile);
        if (LOG.isDebugEnabled()) {
            LOG.debug(service + " command: " + String.join(" ", full));
        }
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException e) {
            throw new LocalServiceException(service, "could not start " + command.get(0) + ": " + e.getMessage(),
                    "check " + LocalServicesSettings.JAVA_HOME + " (a JDK 21+)", logFile, e);
        }
        Support.writePidFile(pidFile, process.pid());
        return new ChildJvm(service, process, pidFile, watcher);
    }

    /**
     * Stops a child recorded in the pid file by an earlier JVM, if it still runs; deletes
     * the pid file.
     */
    static void stopStale(String service, Path pidFile, String marker) {
        OptionalLong pid = Support.readPid(pidFile);
        if (pid.isPresent()) {
            Optional<ProcessHandle> stale = Support.liveProcess(pid.getAsLong(), marker);
            if (stale.isPresent()) {
                LOG.warn(service + ": stopping a stale process " + pid.getAsLong()
                        + " left running by an earlier run that did not shut down");
                Support.terminate(stale.get(), Duration.ofSeconds(20));
            }
        }
        Support.deleteQuietly(pidFile);
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    LogWatcher log() {
        return log;
    }

    /** SIGTERM (the child shuts down cleanly), SIGKILL after the grace period. */
    void stop(Duration grace) {
        if (process.isAlive()) {
            boolean clean = Support.terminate(process.toHandle(), grace);
            if (!clean) {
                LOG.warn(service + " (pid " + process.pid() + ") did not stop in " + grace.toSeconds() + " s");
            }
        }
        closeStdin();
        Support.deleteQuietly(pidFile);
    }

    /** Sends SIGTERM without waiting. */
    void requestStop() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    private void closeStdin() {
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.flush();
        }
        catch (IOException ignored) {
            // the child is gone
        }
    }

}
