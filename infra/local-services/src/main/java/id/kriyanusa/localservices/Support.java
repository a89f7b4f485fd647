package id.kriyanusa.localservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Small helpers shared by the services: ports, locks, pid files, processes, HTTP, logs,
 * files.
 */
final class Support {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final boolean HAS_PROC = Files.isDirectory(Path.of("/proc/self"));
    static final String RESET_HINT = "start from empty with --kriyanusa.local-services.reset=true "
            + "(or -Dkriyanusa.local-services.reset=true, or the environment variable KRIYANUSA_LOCAL_SERVICES_RESET=true), "
            + "which wipes the local services' data";

    private Support() {
    }

    // ---- ports
    // -------------------------------------------------------------------------------------

    /** A free port on 127.0.0.1, or the fixed one after checking that it is free. */
    static int choosePort(String service, int fixedPort, String property) {
        if (fixedPort == 0) {
            try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
                return socket.getLocalPort();
            }
            catch (IOException e) {
                throw new LocalServiceException(service, "could not find a free port on 127.0.0.1: " + e.getMessage(),
                        "check the loopback interface");
            }
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, fixedPort));
            return fixedPort;
        }
        catch (IOException e) {
            throw new LocalServiceException(service, "port " + fixedPort + " on 127.0.0.1 is already in use",
                    "stop the process that uses port " + fixedPort + ", or set " + property
                            + " to another port (0 picks a free one)");
        }
    }

    // ---- locks
    // ---------------------------------------------------------------------------------------

    /**
     * Locks {@code <run-dir>/<name>.lock} for this JVM, so that two JVMs never use (or
     * clean up) the same data folder. The OS releases the lock when the JVM dies, even by
     * SIGKILL.
     */
    static FileLock lock(String service, Path lockFile, Path dataFolder) {
        try {
            Files.createDirectories(lockFile.getParent());
            FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            }
            catch (OverlappingFileLockException e) {
                channel.close();
                throw new LocalServiceException(service,
                        "it is already running in this JVM with the data folder " + dataFolder,
                        "use the running instance (LocalServices.get()) instead of starting a second one");
            }
            if (lock == null) {
                String holder = readString(lockFile).map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(pid -> " (pid " + pid + ")")
                    .orElse("");
                channel.close();
                throw new LocalServiceException(service,
                        "its data folder " + dataFolder + " is in use by another process" + holder
                                + ", probably another Kriyanusa run or test using the same data folder",
                        "stop that process, or give this one another folder with " + LocalServicesSettings.DATA_DIR);
            }
            channel.truncate(0);
            channel.write(StandardCharsets.UTF_8.encode(Long.toString(ProcessHandle.current().pid())), 0);
            return lock;
        }
        catch (IOException e) {
            throw new LocalServiceException(service, "could not lock " + lockFile + ": " + e.getMessage(),
                    "check that the data folder is writable, or set " + LocalServicesSettings.DATA_DIR);
        }
    }

    static void release(FileLock lock) {
        if (lock == null) {
            return;
        }
        try {
            lock.release();
            lock.channel().close();
        }
        catch (IOException ignored) {
            // the lock goes with the channel anyway
        }
    }

    // ---- pid files and processes
    // ------------------------------------------------------------------

    static void writePidFile(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + System.lineSeparator());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OptionalLong readPid(Path pidFile) {
        Optional<String> content = readString(pidFile);
        if (content.isEmpty()) {
            return OptionalLong.empty();
        }
        String first = content.get().lines().findFirst().orElse("").trim();
        try {
            return OptionalLong.of(Long.parseLong(first));
        }
        catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // best effort
        }
    }

    /**
     * The live process with this pid whose command line contains the marker (guards
     * against reused pids).
     */
    static Optional<ProcessHandle> liveProcess(long pid, String marker) {
        return ProcessHandle.of(pid).filter(Support::isRunning).filter(p -> commandLine(p).contains(marker));
    }

    /**
     * Alive and not a zombie. A daemonized postmaster that exits stays a zombie until
     * init reaps it (some init processes take a second or more), and
     * {@link ProcessHandle#isAlive()} counts zombies as alive.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        if (!HAS_PROC) {
            return true;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String content = Files.readString(stat, StandardCharsets.UTF_8);
            int end = content.lastIndexOf(')');
            return end < 0 || end + 2 >= content.length() || content.charAt(end + 2) != 'Z';
        }
        catch (NoSuchFileException e) {
            return false;
        }
        catch (IOException e) {
            return process.isAlive();
        }
    }

    /**
     * The full command line of a process, read from /proc on Linux (ProcessHandle.Info
     * may be truncated).
     */
    static String commandLine(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        }
        catch (IOException ignored) {
            // fall back below
        }
        return process.info().commandLine().orElse("");
    }

    /**
     * SIGTERM, then SIGKILL after the grace period; the same for its descendants. True if
     * it is gone.
     */
    static boolean terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean exited = awaitExit(process, grace);
        if (!exited) {
            process.destroyForcibly();
            exited = awaitExit(process, Duration.ofSeconds(5));
        }
        for (ProcessHandle descendant : descendants) {
            if (isRunning(descendant)) {
                descendant.destroyForcibly();
            }
        }
        return exited;
    }

    /** Waits until the process has exited (zombies count as exited). */
    static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(process)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning(process);
            }
        }
        return true;
    }

    /** Sends a signal with kill(1): SIGINT is PostgreSQL's "fast shutdown". */
    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
            kill.waitFor(5, TimeUnit.SECONDS);
        }
        catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- HTTP
    // ------------------------------------------------------------------------------------------

    record HttpResponse(int status, String body) {
    }

    /** A plain GET; status -1 when nothing answers. */
    static HttpResponse httpGet(String url, Duration timeout) {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout((int) Math.min(timeout.toMillis(), 2_000));
            connection.setReadTimeout((int) timeout.toMillis());
            connection.setUseCaches(false);
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = "";
            if (stream != null) {
                try (InputStream in = stream) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return new HttpResponse(status, body);
        }
        catch (IOException e) {
            return new HttpResponse(-1, e.toString());
        }
        finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    // ---- files
    // -----------------------------------------------------------------------------------------

    static Optional<String> readString(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        }
        catch (NoSuchFileException e) {
            return Optional.empty();
        }
        catch (IOException e) {
            return Optional.empty();
        }
    }

    static void createDirectories(String service, Path dir) {
        try {
            Files.createDirectories(dir);
        }
        catch (IOException e) {
            throw new LocalServiceException(service, "could not create the folder " + dir + ": " + e,
                    "check the permissions, or choose another folder with " + LocalServicesSettings.DATA_DIR);
        }
    }

    static void deleteRecursively(String service, Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw new LocalServiceException(service, "could not wipe " + dir + " for a reset: " + e,
                    "delete the folder by hand");
        }
    }

    /** Starts a new, empty log file with a header line. */
    static void newLogFile(String service, Path logFile) {
        createDirectories(service, logFile.getParent());
        try {
            Files.writeString(logFile, "# " + service + " started by Kriyanusa local services (pid "
                    + ProcessHandle.current().pid() + ") at " + java.time.Instant.now() + System.lineSeparator());
        }
        catch (IOException e) {
            throw new LocalServiceException(service, "could not write the log file " + logFile + ": " + e,
                    "check the permissions of " + logFile.getParent());
        }
    }

    /**
     * ": line / line" from the log lines that match, else from its last lines; "" for an
     * empty log.
     */
    static String causeFromLog(LogWatcher log, java.util.function.Predicate<String> interesting) {
        List<String> lines = log.firstMatchesWithContext(interesting, 3);
        if (lines.isEmpty()) {
            lines = log.tail(3).stream().filter(line -> !line.isBlank() && !line.startsWith("# ")).toList();
        }
        return lines.isEmpty() ? "" : ": " + String.join(" / ", lines.stream().map(String::strip).toList());
    }

    static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }

}
