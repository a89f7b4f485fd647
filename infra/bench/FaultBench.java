import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Client side of infra/bench/fault-scenarios.sh, loopback only, bounded. Modes:
 * <pre>
 *   load BASE SECONDS OUT_DIR   for SECONDS: 2 writers update the demo producer's products (each acknowledged price is
 *                               logged to OUT_DIR/acked.txt) while a buyer asks every 250 ms for a search page, a
 *                               product page and the health endpoint; prints failures and the longest wait per kind
 *   verify BASE OUT_DIR         reads every product written back and counts acknowledged writes that are lost
 * </pre>
 * Runs with the other bench sources beside it: java infra/bench/FaultBench.java (Java 22+ multi-file launch).
 */
public class FaultBench {

    static final String PRODUCTS = "query { brand(slug: \"gerabah-banyumulek-lestari\") { products(first: 100) "
            + "{ edges { node { id slug version } } } } }";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "verify" -> System.exit(verify(args[1], Path.of(args[2])) == 0 ? 0 : 1);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    static void load(String base, int seconds, Path out) throws Exception {
        Files.createDirectories(out);
        var token = SearchBench.login(base, "produsen@kriyanusa.test");
        var body = SearchBench.graphQl(base, token, PRODUCTS, "{}");
        var ids = SearchBench.all(body, "\"id\":\"([^\"]+)\"");
        var slugs = SearchBench.all(body, "\"slug\":\"([^\"]+)\"");
        var versions = SearchBench.all(body, "\"version\":(\\d+)");
        // a freshly started portal answers its first pages slowly (classes loaded, code compiled):
        // that is not the fault's doing
        for (var page : List.of("/cari?q=gerabah", "/produk/" + slugs.getFirst())) {
            SearchBench.HTTP.send(HttpRequest.newBuilder(URI.create(base + page)).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        var until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        BooleanSupplier running = () -> System.nanoTime() < until;
        var writes = new Writes();
        var threads = new ArrayList<Thread>();
        for (int w = 0; w < 2; w++) {
            threads.add(writer(base, token, ids, versions, w, 2, running, writes));
        }
        var probes = new LinkedHashMap<String, String>();
        probes.put("search page", "/cari?q=gerabah");
        probes.put("product page", "/produk/" + slugs.getFirst());
        probes.put("health", "/actuator/health");
        var longest = new ConcurrentHashMap<String, AtomicLong>();
        var failures = new ConcurrentHashMap<String, AtomicInteger>();
        var asked = new AtomicInteger();
        // each probe with the wall-clock time it was asked, to tell failures before the fault
        // (the script writes when it began and ended) from those during and after it
        var timeline = java.util.Collections.synchronizedList(new ArrayList<String>());
        threads.add(Thread.ofPlatform().start(() -> {
            while (running.getAsBoolean()) {
                for (var probe : probes.entrySet()) {
                    long started = System.nanoTime();
                    int status;
                    try {
                        // pages as a browser asks for them; health as a load balancer does
                        var accept = probe.getValue().startsWith("/actuator") ? "application/json" : "text/html";
                        status = SearchBench.HTTP.send(HttpRequest.newBuilder(URI.create(base + probe.getValue()))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", accept)
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    }
                    catch (Exception e) {
                        status = -1;
                    }
                    long ms = (System.nanoTime() - started) / 1_000_000;
                    timeline.add(String.format("%d %s %d %d", System.currentTimeMillis() - ms,
                            probe.getKey().replace(' ', '-'), status, ms));
                    longest.computeIfAbsent(probe.getKey(), k -> new AtomicLong()).accumulateAndGet(ms, Math::max);
                    if (failed(probe.getKey(), status)) {
                        failures.computeIfAbsent(probe.getKey(), k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                asked.incrementAndGet();
                sleepQuietly(250);
            }
        }));
        for (var thread : threads) {
            thread.join();
        }
        var lines = new ArrayList<String>();
        writes.acked.forEach((id, price) -> lines.add(id + " " + price));
        Files.write(out.resolve("acked.txt"), lines);
        Files.write(out.resolve("probes.txt"), timeline);
        System.out.printf("writes: %d acknowledged, %d not acknowledged (portal down or refused)%n",
                writes.acknowledged.get(), writes.refused.get());
        for (var kind : probes.keySet()) {
            System.out.printf("buyer %s: %d asked, %d failed (5xx or no answer), longest %d ms%n", kind, asked.get(),
                    failures.getOrDefault(kind, new AtomicInteger()).get(),
                    longest.getOrDefault(kind, new AtomicLong()).get());
        }
        var fault = Files.readAllLines(out.resolve("fault.txt")).stream().mapToLong(Long::parseLong).toArray();
        for (var phase : List.of("before", "during", "after")) {
            var inPhase = timeline.stream().map(line -> line.split(" ")).filter(probe -> {
                long at = Long.parseLong(probe[0]);
                return switch (phase) {
                    case "before" -> at < fault[0];
                    case "during" -> at >= fault[0] && at < fault[1];
                    default -> at >= fault[1];
                };
            }).toList();
            for (var kind : probes.keySet()) {
                var mine = inPhase.stream().filter(probe -> probe[1].equals(kind.replace(' ', '-'))).toList();
                System.out.printf("  %s the fault, %s: %d asked, %d failed, longest %d ms%n", phase, kind, mine.size(),
                        mine.stream().filter(probe -> failed(kind, Integer.parseInt(probe[2]))).count(),
                        mine.stream().mapToLong(probe -> Long.parseLong(probe[3])).max().orElse(0));
            }
        }
    }

    /** What the writers had acknowledged and refused; each attempt on the timeline ("at write status ms"). */
    static final class Writes {

        /** The last acknowledged price of each product, by its id. */
        final Map<String, Integer> acked = new ConcurrentHashMap<>();

        final AtomicInteger acknowledged = new AtomicInteger();

        final AtomicInteger refused = new AtomicInteger();

        final List<String> timeline = java.util.Collections.synchronizedList(new ArrayList<>());

        /** status: 200 acknowledged, -1 no answer, else what the answer says (see {@link #refusal}). */
        void attempt(long startedNanos, int status) {
            long ms = (System.nanoTime() - startedNanos) / 1_000_000;
            timeline.add(String.format("%d write %d %d", System.currentTimeMillis() - ms, status, ms));
        }

        /** What refused a write: 503 a proxy with no instance, 409 a version conflict, 401 a token refused, 500 else. */
        static int refusal(String answer) {
            return answer.contains("No server is available") ? 503 : answer.contains("CONFLICT") ? 409
                    : answer.contains("UNAUTHORIZED") ? 401 : 500;
        }

    }

    /**
     * A producer updating the price of every {@code workers}-th product (from {@code worker} on) as the demo producer,
     * each price higher than the last, while {@code running}; a refused write is retried after reading the product's
     * version again, as a client would.
     */
    static Thread writer(String base, String token, List<String> ids, List<String> versions, int worker, int workers,
            BooleanSupplier running, Writes writes) {
        return Thread.ofPlatform().start(() -> {
            var mine = new ArrayList<int[]>();
            for (int i = worker; i < ids.size(); i += workers) {
                mine.add(new int[] { i, Integer.parseInt(versions.get(i)) });
            }
            var auth = token;
            for (int n = 0; running.getAsBoolean(); n++) {
                var product = mine.get(n % mine.size());
                var price = 100_000 + n * workers + worker;
                long started = System.nanoTime();
                try {
                    var answer = SearchBench.graphQl(base, auth,
                            "mutation($input: UpdateProductInput!) { updateProduct(input: $input) "
                                    + "{ product { version } userErrors { code } } }",
                            "{\"input\":{\"id\":\"" + ids.get(product[0]) + "\",\"expectedVersion\":" + product[1]
                                    + ",\"price\":" + price + "}}");
                    var version = SearchBench.first(answer, "\"version\":(\\d+)");
                    if (version == null) {
                        writes.attempt(started, Writes.refusal(answer));
                        writes.refused.incrementAndGet();
                        if (answer.contains("CONFLICT") || answer.contains("UNAUTHORIZED")) {
                            // a write whose answer was lost (the portal killed) may have committed: read again
                            auth = SearchBench.login(base, "produsen@kriyanusa.test");
                            var fresh = SearchBench.graphQl(base, auth, "query($id: ID!) { node(id: $id) { "
                                    + "... on Product { version price } } }", "{\"id\":\"" + ids.get(product[0]) + "\"}");
                            var v = SearchBench.first(fresh, "\"version\":(\\d+)");
                            if (v != null) {
                                product[1] = Integer.parseInt(v);
                            }
                        }
                        Thread.sleep(200);
                        continue;
                    }
                    writes.attempt(started, 200);
                    product[1] = Integer.parseInt(version);
                    writes.acked.put(ids.get(product[0]), price);
                    writes.acknowledged.incrementAndGet();
                }
                catch (Exception e) {
                    writes.attempt(started, -1);
                    writes.refused.incrementAndGet(); // the portal is down: not acknowledged, try again
                    sleepQuietly(250);
                }
            }
        });
    }

    /** Health reporting a frozen service DOWN (503) is right, not a failure; only no answer is. */
    static boolean failed(String probe, int status) {
        return status < 200 || (status >= 500 && !probe.equals("health"));
    }

    /** Acknowledged writes whose value is not what PostgreSQL holds now. */
    static int verify(String base, Path out) throws Exception {
        var token = SearchBench.login(base, "produsen@kriyanusa.test");
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (var line : Files.readAllLines(out.resolve("acked.txt"))) {
            var parts = line.split(" ");
            expected.put(parts[0], Integer.parseInt(parts[1]));
        }
        List<String> lost = new ArrayList<>();
        for (var entry : expected.entrySet()) {
            var answer = SearchBench.graphQl(base, token, "query($id: ID!) { node(id: $id) { ... on Product { price } } }",
                    "{\"id\":\"" + entry.getKey() + "\"}");
            var price = SearchBench.first(answer, "\"price\":(\\d+)");
            // a later write, unacknowledged because the portal died before answering, may hold a higher price
            if (price == null || Integer.parseInt(price) < entry.getValue()) {
                lost.add(entry.getKey() + " expected " + entry.getValue() + " found " + price);
            }
        }
        System.out.printf("acknowledged writes checked: %d products, lost: %d%n", expected.size(), lost.size());
        lost.forEach(l -> System.out.println("  LOST " + l));
        return lost.size();
    }

    static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
