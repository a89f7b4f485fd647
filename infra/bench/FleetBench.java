import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Client side of infra/fleet/fleet.sh (a fleet: two portal instances behind HAProxy on clustered engines), loopback
 * only. The writers are FaultBench's. Modes:
 * <pre>
 *   sessions INSTANCE FILE               signs in 4 page sessions (the form at /masuk) on one instance; a cookie a line
 *   check-sessions BASE FILE             how many of them are still signed in (GET /dasbor answers 200, not a
 *                                        redirect to /masuk)
 *   load BASE OUT                        until OUT/stop exists: 2 writers updating prices, a buyer asking every 250 ms
 *                                        for a search page, a product page and a signed-in page, and a brand cover
 *                                        uploaded every 30 s; then failures per phase (faults in OUT/faults.txt)
 *   verify BASE OUT JDBC USER PASSWORD   every acknowledged write and upload looked up in PostgreSQL
 *   jobs LOG... NAME=SECONDS...          each fleet-wide job's runs, from ShedLock's lock lines in the instances' logs
 * </pre>
 * Runs with the other bench sources beside it and the PostgreSQL driver on the class path:
 * java -cp postgresql.jar infra/bench/FleetBench.java (Java 22+ multi-file launch).
 */
public class FleetBench {

    static final String PRODUCER = "produsen@kriyanusa.test";

    static final String BRAND = "gerabah-banyumulek-lestari";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "sessions" -> sessions(args[1], Path.of(args[2]));
            case "check-sessions" -> checkSessions(args[1], Path.of(args[2]));
            case "load" -> load(args[1], Path.of(args[2]));
            case "verify" -> System.exit(verify(args[1], Path.of(args[2]), args[3], args[4], args[5]) == 0 ? 0 : 1);
            case "jobs" -> System.exit(jobs(List.of(args).subList(1, args.length)) == 0 ? 0 : 1);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // --- page sessions: the form at /masuk, a cookie and its CSRF token, as a browser signs in

    static void sessions(String instance, Path file) throws Exception {
        var cookies = new ArrayList<String>();
        for (int i = 0; i < 4; i++) {
            var cookie = signIn(instance);
            if (!signedIn(instance, cookie)) {
                throw new IllegalStateException("a session signed in on " + instance + " is not signed in there");
            }
            cookies.add(cookie);
        }
        Files.write(file, cookies);
        System.out.printf("%d page sessions signed in on %s%n", cookies.size(), instance);
    }

    static void checkSessions(String base, Path file) throws Exception {
        var cookies = Files.readAllLines(file);
        int kept = 0;
        for (var cookie : cookies) {
            kept += signedIn(base, cookie) ? 1 : 0;
        }
        System.out.printf("sessions kept: %d of %d still signed in through the proxy%n", kept, cookies.size());
    }

    static String signIn(String base) throws Exception {
        var form = SearchBench.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/masuk")).build(),
                HttpResponse.BodyHandlers.ofString());
        var cookie = cookie(form, null);
        var csrf = SearchBench.first(form.body(), "name=\"_csrf\" value=\"([^\"]+)\"");
        if (cookie == null || csrf == null) {
            throw new IllegalStateException("no session cookie or CSRF token on the sign-in page: " + form.statusCode());
        }
        var body = "email=" + URLEncoder.encode(PRODUCER, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(SearchBench.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        var answer = SearchBench.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/masuk"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookie)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 302 || answer.headers().firstValue("Location").orElse("").contains("/masuk")) {
            throw new IllegalStateException("sign-in refused: " + answer.statusCode() + " " + answer.headers().map());
        }
        // signing in gives the session a new id
        return cookie(answer, cookie);
    }

    private static String cookie(HttpResponse<?> response, String otherwise) {
        return response.headers()
            .allValues("Set-Cookie")
            .stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.split(";", 2)[0])
            .findFirst()
            .orElse(otherwise);
    }

    /** The dashboard answers a signed-in visitor; anyone else is sent to /masuk. */
    static boolean signedIn(String base, String cookie) throws Exception {
        return page(base, "/dasbor", cookie) == 200;
    }

    static int page(String base, String path, String cookie) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/html");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return SearchBench.HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // --- the load

    static void load(String base, Path out) throws Exception {
        var stop = out.resolve("stop");
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        BooleanSupplier running = () -> !Files.exists(stop) && System.nanoTime() < deadline;
        var token = SearchBench.login(base, PRODUCER);
        var body = SearchBench.graphQl(base, token, FaultBench.PRODUCTS, "{}");
        var ids = SearchBench.all(body, "\"id\":\"([^\"]+)\"");
        var slugs = SearchBench.all(body, "\"slug\":\"([^\"]+)\"");
        var versions = SearchBench.all(body, "\"version\":(\\d+)");
        var brand = SearchBench.first(SearchBench.graphQl(base, token, "query { brand(slug: \"" + BRAND + "\") { id } }", "{}"),
                "\"id\":\"([^\"]+)\"");
        var buyerSession = signIn(base);
        var probes = new LinkedHashMap<String, String>();
        probes.put("search-page", "/cari?q=gerabah");
        probes.put("product-page", "/produk/" + slugs.getFirst());
        probes.put("signed-in-page", "/dasbor");
        for (var path : probes.values()) { // both instances compile their pages before the clock starts
            for (int i = 0; i < 4; i++) {
                page(base, path, buyerSession);
            }
        }
        Files.writeString(out.resolve("started"), "");
        var writes = new FaultBench.Writes();
        var timeline = writes.timeline; // one timeline: writes, pages and uploads
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < 2; w++) {
            threads.add(FaultBench.writer(base, token, ids, versions, w, 2, running, writes));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            while (running.getAsBoolean()) {
                for (var probe : probes.entrySet()) {
                    long started = System.nanoTime();
                    int status;
                    try {
                        status = page(base, probe.getValue(), buyerSession);
                    }
                    catch (Exception e) {
                        status = -1;
                    }
                    record(timeline, started, probe.getKey(), status);
                }
                FaultBench.sleepQuietly(250);
            }
        }));
        var uploads = Collections.synchronizedList(new ArrayList<String>());
        threads.add(Thread.ofPlatform().start(() -> {
            for (int n = 0; running.getAsBoolean(); n++) {
                long started = System.nanoTime();
                int status = 200;
                try {
                    uploads.add(upload(base, brand, n));
                }
                catch (Exception e) {
                    status = -1;
                }
                record(timeline, started, "upload", status);
                for (int s = 0; s < 120 && running.getAsBoolean(); s++) {
                    FaultBench.sleepQuietly(250);
                }
            }
        }));
        for (var thread : threads) {
            thread.join();
        }
        var acked = new ArrayList<String>();
        for (int i = 0; i < ids.size(); i++) {
            var price = writes.acked.get(ids.get(i));
            if (price != null) {
                acked.add(slugs.get(i) + " " + price);
            }
        }
        Files.write(out.resolve("acked.txt"), acked);
        Files.write(out.resolve("uploads.txt"), uploads);
        Files.write(out.resolve("timeline.txt"), timeline);
        System.out.printf("writes: %d acknowledged, %d not acknowledged (instance or database down, or refused); "
                + "uploads: %d confirmed%n", writes.acknowledged.get(), writes.refused.get(), uploads.size());
        phases(timeline, Files.readAllLines(out.resolve("faults.txt")));
    }

    private static void record(List<String> timeline, long startedNanos, String kind, int status) {
        long ms = (System.nanoTime() - startedNanos) / 1_000_000;
        timeline.add(String.format("%d %s %d %d", System.currentTimeMillis() - ms, kind, status, ms));
    }

    /** A photo-like 1600 x 1200 JPEG as the brand's cover: requested, posted to storage, confirmed. */
    static String upload(String base, String brand, int n) throws Exception {
        var token = SearchBench.login(base, PRODUCER);
        var photo = BenchImages.photo(1600, 1200, 500 + n);
        var requested = ConfirmBench.graphQl(base, token, ("mutation { requestImageUpload(input: {target: BRAND_COVER, "
                + "targetId: \"%s\", contentType: \"image/jpeg\", sizeBytes: %d}) { upload { id url fields { name value } } "
                + "userErrors { code } } }").formatted(brand, photo.length));
        var uploadId = ConfirmBench.find(requested, "\"id\":\"([^\"]+)\"");
        var post = ConfirmBench.postToStorage(requested, photo);
        if (post.statusCode() != 204) {
            throw new IllegalStateException("POST to storage: " + post.statusCode());
        }
        var confirmed = ConfirmBench.graphQl(base, token, ("mutation { confirmImageUpload(input: {uploadId: \"%s\", "
                + "alt: {indonesian: \"Sampul\"}}) { image { renditions { url width format } } userErrors { code } } }")
            .formatted(uploadId));
        if (!confirmed.contains("\"userErrors\":[]")) {
            throw new IllegalStateException(confirmed);
        }
        return ConfirmBench.find(confirmed, "\"url\":\"/media/([0-9a-f]{64}\\.jpg)\"");
    }

    /**
     * Per phase (before the first fault, then from each fault's start to the next one's): requests asked and failed
     * by kind, the longest wait, and when the last failure came after the fault began.
     */
    static void phases(List<String> timeline, List<String> faults) {
        var starts = new TreeMap<Long, String>();
        starts.put(0L, "before the faults");
        for (var fault : faults) {
            var parts = fault.split(" ");
            starts.put(Long.parseLong(parts[1]), parts[0] + " (repaired after "
                    + (Long.parseLong(parts[parts.length - 1]) - Long.parseLong(parts[1])) / 1000 + " s)");
        }
        var kinds = List.of("search-page", "product-page", "signed-in-page", "write", "upload");
        System.out.println();
        System.out.println("| phase | request | asked | failed (by status) | longest wait | last failure after the fault began |");
        System.out.println("| --- | --- | ---: | --- | ---: | ---: |");
        for (var phase : starts.entrySet()) {
            var end = starts.higherKey(phase.getKey());
            var inPhase = timeline.stream().map(line -> line.split(" ")).filter(e -> {
                long at = Long.parseLong(e[0]);
                return at >= phase.getKey() && (end == null || at < end);
            }).toList();
            for (var kind : kinds) {
                var mine = inPhase.stream().filter(e -> e[1].equals(kind)).toList();
                var failures = mine.stream().filter(e -> failed(kind, Integer.parseInt(e[2]))).toList();
                var lastFailure = failures.stream().mapToLong(e -> Long.parseLong(e[0]) + Long.parseLong(e[3])).max();
                var byStatus = new TreeMap<String, Integer>();
                failures.forEach(e -> byStatus.merge(e[2].equals("-1") ? "no answer" : e[2], 1, Integer::sum));
                System.out.printf("| %s | %s | %d | %d%s | %d ms | %s |%n", phase.getValue(), kind, mine.size(),
                        failures.size(), byStatus.isEmpty() ? "" : " " + byStatus, mine.stream().mapToLong(e -> Long.parseLong(e[3])).max().orElse(0),
                        phase.getKey() == 0 || lastFailure.isEmpty() ? "-"
                                : String.format("%.1f s", (lastFailure.getAsLong() - phase.getKey()) / 1000.0));
            }
        }
    }

    /** A page must answer 200 (the signed-in page too: a redirect to /masuk is a lost session); a write must be acknowledged. */
    static boolean failed(String kind, int status) {
        return status != 200;
    }

    // --- after the load: nothing acknowledged is lost

    static int verify(String base, Path out, String jdbc, String user, String password) throws Exception {
        int lost = 0;
        try (var db = DriverManager.getConnection(jdbc, user, password)) {
            var acked = Files.readAllLines(out.resolve("acked.txt"));
            for (var line : acked) {
                var parts = line.split(" ");
                try (var query = db.prepareStatement("select price from product where slug = ?")) {
                    query.setString(1, parts[0]);
                    try (var rows = query.executeQuery()) {
                        long price = rows.next() ? rows.getLong(1) : -1;
                        // a later write, unacknowledged because its answer was lost, may hold a higher price
                        if (price < Long.parseLong(parts[1])) {
                            lost++;
                            System.out.printf("  LOST write: %s acknowledged at %s, PostgreSQL has %d%n", parts[0],
                                    parts[1], price);
                        }
                    }
                }
            }
            var uploads = Files.readAllLines(out.resolve("uploads.txt"));
            int served = 0;
            for (var rendition : uploads) {
                try (var query = db.prepareStatement("select count(*) from media_rendition where object_key = ?")) {
                    query.setString(1, rendition);
                    try (var rows = query.executeQuery()) {
                        rows.next();
                        if (rows.getInt(1) == 0) {
                            lost++;
                            System.out.println("  LOST upload: no rendition " + rendition + " in PostgreSQL");
                        }
                    }
                }
                served += page(base, "/media/" + rendition, null) == 200 ? 1 : 0;
            }
            System.out.printf("acknowledged writes: %d products checked in PostgreSQL; confirmed uploads: %d checked, "
                    + "%d served from storage through the proxy; lost: %d%n", acked.size(), uploads.size(), served, lost);
        }
        return lost;
    }

    // --- scheduled jobs: once per interval across the fleet

    private static final Pattern LOCKED = Pattern
        .compile("^(\\S+)\\s.*Locked '([^']+)', lock will be held at most until");

    /**
     * Each "Locked 'job'" line is one run. Two runs of a job closer than its interval (less a second of logging
     * delay) would be one run too many; the longest gap shows runs missed (e.g. while the database failed over).
     */
    static int jobs(List<String> args) throws Exception {
        var intervals = new LinkedHashMap<String, Long>();
        var runs = new TreeMap<String, List<long[]>>();
        var logs = new ArrayList<Path>();
        for (var arg : args) {
            if (arg.contains("=")) {
                intervals.put(arg.substring(0, arg.indexOf('=')), Long.parseLong(arg.substring(arg.indexOf('=') + 1)) * 1000);
            }
            else {
                logs.add(Path.of(arg));
            }
        }
        for (int instance = 0; instance < logs.size(); instance++) {
            for (var line : Files.readAllLines(logs.get(instance))) {
                var m = LOCKED.matcher(line);
                if (m.find()) {
                    runs.computeIfAbsent(m.group(2), k -> new ArrayList<>())
                        .add(new long[] { OffsetDateTime.parse(m.group(1)).toInstant().toEpochMilli(), instance + 1 });
                }
            }
        }
        int duplicates = 0;
        System.out.println("| job | interval | runs | by instance 1 / 2 | closest runs | longest gap | runs too many |");
        System.out.println("| --- | ---: | ---: | --- | ---: | ---: | ---: |");
        for (var job : intervals.entrySet()) {
            var mine = runs.getOrDefault(job.getKey(), List.of());
            mine.sort((a, b) -> Long.compare(a[0], b[0]));
            long closest = Long.MAX_VALUE;
            long longest = 0;
            int tooMany = 0;
            for (int i = 1; i < mine.size(); i++) {
                long gap = mine.get(i)[0] - mine.get(i - 1)[0];
                closest = Math.min(closest, gap);
                longest = Math.max(longest, gap);
                if (gap < job.getValue() - 1000) {
                    tooMany++;
                }
            }
            duplicates += tooMany;
            System.out.printf("| %s | %d s | %d | %d / %d | %s | %s | %d |%n", job.getKey(), job.getValue() / 1000,
                    mine.size(), mine.stream().filter(r -> r[1] == 1).count(), mine.stream().filter(r -> r[1] == 2).count(),
                    mine.size() < 2 ? "-" : String.format("%.1f s", closest / 1000.0),
                    mine.size() < 2 ? "-" : String.format("%.1f s", longest / 1000.0), tooMany);
        }
        System.out.printf("scheduled runs too many across the fleet: %d%n", duplicates);
        return duplicates;
    }

}
