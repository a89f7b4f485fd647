package id.kriyanusa.localservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

final class TestSupport {

    private TestSupport() {
    }

    /** {@code <module>/target/<name>}. */
    static Path targetDir(String name) {
        return Path.of("target", name).toAbsolutePath().normalize();
    }

    static boolean esHomeAvailable() {
        return LocalServicesSettings.isDirectoryWith(BuildDefaults.defaultElasticsearchHome(), "lib", "modules",
                "launcher");
    }

    /** Pids of live processes whose command line mentions the folder. */
    static List<Long> processesMentioning(Path folder) {
        String needle = folder.toString();
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    return cmd.replace('\0', ' ').contains(needle);
                }
                catch (IOException e) {
                    return false;
                }
            })
                .map(p -> Long.parseLong(p.getFileName().toString()))
                .filter(pid -> pid != ProcessHandle.current().pid())
                .toList();
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resident set size in MiB from /proc/PID/status, or -1. */
    static long rssMiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

}
