package id.kriyanusa.localservices;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Reads the lines a child process appends to its log file, from a start offset on. */
final class LogWatcher {

    private static final int MAX_KEPT_LINES = 2_000;

    private final Path file;

    private long offset;

    private final StringBuilder partial = new StringBuilder();

    private final List<String> lines = new ArrayList<>();

    LogWatcher(Path file) {
        this.file = file;
        this.offset = size(file);
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        }
        catch (IOException e) {
            return 0;
        }
    }

    /** Reads what was appended since the last call; returns the new complete lines. */
    synchronized List<String> poll() {
        List<String> fresh = new ArrayList<>();
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return fresh;
            }
            in.seek(offset);
            byte[] bytes = new byte[(int) Math.min(length - offset, 4 * 1024 * 1024)];
            in.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                String line = partial.substring(0, newline).stripTrailing();
                partial.delete(0, newline + 1);
                fresh.add(line);
            }
        }
        catch (IOException e) {
            return fresh;
        }
        lines.addAll(fresh);
        if (lines.size() > MAX_KEPT_LINES) {
            lines.subList(0, lines.size() - MAX_KEPT_LINES).clear();
        }
        return fresh;
    }

    /** The first line seen so far (polling first) that matches. */
    synchronized Optional<String> find(Predicate<String> predicate) {
        poll();
        return lines.stream().filter(predicate).findFirst();
    }

    /** All lines seen so far (polling first) that match, at most {@code max}. */
    synchronized List<String> findAll(Predicate<String> predicate, int max) {
        poll();
        return lines.stream().filter(predicate).limit(max).toList();
    }

    /**
     * The line before the first match (often the reason, as in "Invalid maximum heap size
     * ... / Error: ..."), then up to max matches.
     */
    synchronized List<String> firstMatchesWithContext(Predicate<String> predicate, int max) {
        poll();
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines.size() && result.size() < max; i++) {
            if (predicate.test(lines.get(i))) {
                if (result.isEmpty() && i > 0 && !predicate.test(lines.get(i - 1)) && !lines.get(i - 1).isBlank()
                        && !lines.get(i - 1).startsWith("\tat ")) {
                    result.add(lines.get(i - 1));
                }
                result.add(lines.get(i));
            }
        }
        return result;
    }

    /** The last lines seen so far. */
    synchronized List<String> tail(int count) {
        poll();
        String rest = partial.toString().strip();
        List<String> all = new ArrayList<>(lines);
        if (!rest.isEmpty()) {
            all.add(rest);
        }
        return all.subList(Math.max(0, all.size() - count), all.size());
    }

}
