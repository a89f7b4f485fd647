import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Client side of infra/bench/run-search-load-bench.sh, loopback only, bounded. Modes:
 * <pre>
 *   count BASE                             totalCount of searchProducts with no query and no filter
 *   matches BASE                           totalCount of each measured (query, filter) pair, and their sum
 *   wait-count BASE EXPECTED TIMEOUT_S     polls that count until it is EXPECTED; prints the seconds waited
 *   load BASE KIND CONCURRENCY WARMUP_S SECONDS   KIND: list (results without facets) or page (the whole search page);
 *                                          req/s, p50, p95, errors over SECONDS after WARMUP_S
 *   suggest BASE WARMUP_S SECONDS [SELECTION]     suggest at c=1 over fixed prefixes; p50, p95, errors
 *   api-load BASE PRODUCTS WRITERS BUYERS MAX_S TIMEOUT_S   creates and publishes PRODUCTS products through GraphQL
 *                                          with WRITERS clients (no new one after MAX_S) while BUYERS clients search;
 *                                          then waits (at most TIMEOUT_S) until the index holds them
 *   table RESULTS_TSV                      the summary table of the lines "label, N, measurement, value"
 * </pre>
 * Result lines start with "RESULT\t" followed by "measurement\tvalue", for the script to collect.
 * Runs with SearchBench.java beside it (Java 22+ multi-file launch): java infra/bench/SearchLoadBench.java ...
 */
public class SearchLoadBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a results list needs, nothing more: no facets, no highlights, no spelling suggestion. */
    static final String LIST = """
            query($query: String, $filter: ProductSearchFilter) {
              searchProducts(query: $query, filter: $filter, first: 20) {
                totalCount pageInfo { hasNextPage endCursor } edges { node { slug title { indonesian } price } }
              }
            }""";

    /** The same suggest selection for every build, so before and after do the same work for the client. */
    static final String SUGGEST_PRODUCTS = "products { slug }";

    static final String[] PREFIXES = {"lom", "lomb", "ger", "gera", "ten", "tenu", "any", "anya", "son", "ketak", "bamb",
            "sasak", "sukar", "banyu"};

    /** The producer's two demo brands, both VERIFIED, so what is published is public. */
    static final String[] BRANDS = {"gerabah-banyumulek-lestari", "koperasi-kriya-tembakau-semoyang"};
    static final String[] CATEGORIES = {"kendi-dan-teko", "gerabah-hias", "eco-print", "pewarna-alam", "songket", "rotan"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "count" -> System.out.println(count(args[1]));
            case "matches" -> matches(args[1]);
            case "wait-count" -> waitCount(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "load" -> load(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "suggest" -> suggest(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? args[4] : null);
            case "api-load" -> apiLoad(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            case "table" -> table(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- the fixed (query, filter) pairs: each text with the typical filter and without any

    static List<String> searchVariables() {
        var pairs = new ArrayList<String>();
        for (var text : SearchBench.TEXTS) {
            pairs.add("{\"query\":\"" + text + "\",\"filter\":{\"priceMax\":" + SearchBench.PRICE_MAX
                    + ",\"availability\":[\"READY_STOCK\"]}}");
            pairs.add("{\"query\":\"" + text + "\"}");
        }
        return pairs;
    }

    /** What the measured searches find: equal sums mean both builds searched for the same products. */
    static void matches(String base) throws Exception {
        long sum = 0;
        var each = new ArrayList<String>();
        for (var variables : searchVariables()) {
            var total = SearchBench.first(post(base, null, LIST, variables).body(), "\"totalCount\":(\\d+)");
            each.add(total);
            sum += total == null ? 0 : Long.parseLong(total);
        }
        System.out.println("  totalCount of each (query, filter) pair: " + String.join(" ", each));
        System.out.println("RESULT\tmatches of the 20 measured searches (sum of totalCount)\t" + sum);
    }

    // ---- index completeness

    static int count(String base) throws Exception {
        var answer = post(base, null, "query { searchProducts { totalCount } }", "{}");
        var total = SearchBench.first(answer.body(), "\"totalCount\":(\\d+)");
        if (answer.status() != 200 || total == null) {
            throw new IllegalStateException("count failed: " + answer.status() + " " + answer.body());
        }
        return Integer.parseInt(total);
    }

    /** Polls the public count until it is {@code expected}; seconds waited, or -1 when the time ran out. */
    static double awaitCount(String base, int expected, int timeoutSeconds) throws Exception {
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(timeoutSeconds).toNanos();
        int seen = -1;
        while (System.nanoTime() < deadline) {
            try {
                seen = count(base);
                if (seen == expected) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            }
            catch (Exception e) {
                // the search may refuse while Elasticsearch is busy: keep polling until the deadline
            }
            Thread.sleep(250);
        }
        System.out.println("index holds " + seen + " of " + expected + " after " + timeoutSeconds + " s");
        return -1;
    }

    static void waitCount(String base, int expected, int timeoutSeconds) throws Exception {
        double seconds = awaitCount(base, expected, timeoutSeconds);
        if (seconds < 0) {
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "%.1f%n", seconds);
    }

    // ---- throughput and latency at a fixed concurrency

    /** Latencies of successful requests and the number of failed ones, of one client thread. */
    record Tally(List<Long> nanos, AtomicInteger errors) {
        Tally() {
            this(new ArrayList<>(), new AtomicInteger());
        }
    }

    static void load(String base, String kind, int concurrency, int warmupSeconds, int seconds) throws Exception {
        var query = switch (kind) {
            case "list" -> LIST;
            case "page" -> SearchBench.SEARCH;
            default -> throw new IllegalArgumentException(kind);
        };
        var pairs = searchVariables();
        var tallies = run(concurrency, warmupSeconds, seconds, n -> post(base, null, query, pairs.get(n % pairs.size())));
        var name = (kind.equals("list") ? "search without facets" : "search page (all facets)") + " c=" + concurrency;
        var all = merge(tallies);
        int errors = tallies.stream().mapToInt(t -> t.errors().get()).sum();
        System.out.printf(Locale.ROOT, "RESULT\t%s\t%.1f req/s, p50 %.1f, p95 %.1f ms, %d errors%n", name,
                all.size() / (double) seconds, pct(all, 50) / 1e6, pct(all, 95) / 1e6, errors);
        printFailures();
    }

    static void suggest(String base, int warmupSeconds, int seconds, String selection) throws Exception {
        var what = selection == null ? SUGGEST_PRODUCTS : selection;
        var query = "query($prefix: String!) { suggest(prefix: $prefix) { " + what + " } }";
        var probe = post(base, null, query, "{\"prefix\":\"lom\"}");
        if (probe.status() != 200 || probe.body().contains("\"errors\"")) {
            System.out.println("suggest { " + what + " } not answered by this build: " + probe.body());
            System.out.println("RESULT\tsuggest { " + what + " } c=1\tnot in this build");
            return;
        }
        var tallies = run(1, warmupSeconds, seconds, n -> post(base, null, query, "{\"prefix\":\"" + PREFIXES[n % PREFIXES.length] + "\"}"));
        var all = merge(tallies);
        System.out.printf(Locale.ROOT, "RESULT\tsuggest { %s } c=1\tp50 %.1f, p95 %.1f ms (n=%d, %d errors)%n", what,
                pct(all, 50) / 1e6, pct(all, 95) / 1e6, all.size(), tallies.getFirst().errors().get());
        printFailures();
    }

    interface Request {
        Answer send(int n) throws Exception;
    }

    /** CONCURRENCY clients send requests back to back; only those started after the warm-up are counted. */
    static List<Tally> run(int concurrency, int warmupSeconds, int seconds, Request request) throws Exception {
        long measureFrom = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
        long until = measureFrom + Duration.ofSeconds(seconds).toNanos();
        var tallies = new ArrayList<Tally>();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < concurrency; c++) {
            var tally = new Tally();
            tallies.add(tally);
            int client = c;
            threads.add(Thread.ofPlatform().start(() -> {
                for (int n = client * 7; ; n++) {
                    long t0 = System.nanoTime();
                    if (t0 >= until) {
                        return;
                    }
                    String failure;
                    try {
                        failure = request.send(n).failure();
                    }
                    catch (Exception e) {
                        failure = e.toString();
                    }
                    if (t0 >= measureFrom) {
                        if (failure == null) {
                            tally.nanos().add(System.nanoTime() - t0);
                        }
                        else {
                            tally.errors().incrementAndGet();
                            FAILURES.merge(failure, 1, Integer::sum);
                        }
                    }
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        return tallies;
    }

    // ---- API load: create and publish products while buyers search

    static void apiLoad(String base, int products, int writers, int buyers, int maxSeconds, int timeoutSeconds) throws Exception {
        var token = new String[] {SearchBench.login(base, "produsen@kriyanusa.test")};
        var brandIds = new ArrayList<String>();
        for (var slug : BRANDS) {
            var answer = post(base, token[0], "query($slug: String!) { brand(slug: $slug) { id } }", "{\"slug\":\"" + slug + "\"}");
            brandIds.add(SearchBench.first(answer.body(), "\"id\":\"([^\"]+)\""));
        }
        int before = count(base);
        var next = new AtomicInteger();
        var published = new AtomicInteger();
        var refused = new AtomicInteger();
        var firstRefusal = new String[1];
        var writing = new AtomicBoolean(true);
        var buyerTallies = new ArrayList<Tally>();
        var buyerThreads = new ArrayList<Thread>();
        var pairs = searchVariables();
        for (int b = 0; b < buyers; b++) {
            var tally = new Tally();
            buyerTallies.add(tally);
            int buyer = b;
            buyerThreads.add(Thread.ofPlatform().start(() -> {
                for (int n = buyer * 5; writing.get(); n++) {
                    long t0 = System.nanoTime();
                    String failure;
                    try {
                        failure = post(base, null, SearchBench.SEARCH, pairs.get(n % pairs.size())).failure();
                    }
                    catch (Exception e) {
                        failure = e.toString();
                    }
                    if (failure == null) {
                        tally.nanos().add(System.nanoTime() - t0);
                    }
                    else {
                        tally.errors().incrementAndGet();
                        FAILURES.merge(failure, 1, Integer::sum);
                    }
                }
            }));
        }
        long t0 = System.nanoTime();
        long stopAt = t0 + Duration.ofSeconds(maxSeconds).toNanos();
        var writerThreads = new ArrayList<Thread>();
        for (int w = 0; w < writers; w++) {
            writerThreads.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < products && System.nanoTime() < stopAt; i = next.getAndIncrement()) {
                    try {
                        if (createAndPublish(base, token, brandIds.get(i % brandIds.size()), i)) {
                            published.incrementAndGet();
                        }
                        else {
                            refused.incrementAndGet();
                        }
                    }
                    catch (Exception e) {
                        refused.incrementAndGet();
                        firstRefusal[0] = firstRefusal[0] == null ? e.toString() : firstRefusal[0];
                    }
                }
            }));
        }
        for (var thread : writerThreads) {
            thread.join();
        }
        double writeSeconds = (System.nanoTime() - t0) / 1e9;
        writing.set(false);
        for (var thread : buyerThreads) {
            thread.join();
        }
        var searches = merge(buyerTallies);
        int searchErrors = buyerTallies.stream().mapToInt(t -> t.errors().get()).sum();
        System.out.printf(Locale.ROOT, "RESULT\tAPI load: products created + published\t%d of %d in %.1f s = %.1f products/s (%.1f writes/s), %d refused%n",
                published.get(), products, writeSeconds, published.get() / writeSeconds, 2 * published.get() / writeSeconds, refused.get());
        System.out.printf(Locale.ROOT, "RESULT\tAPI load: buyer searches (page) c=%d\t%d, **%d errors**, p50 %.1f, p95 %.1f, max %.1f ms%n", buyers,
                searches.size() + searchErrors, searchErrors, pct(searches, 50) / 1e6, pct(searches, 95) / 1e6,
                searches.isEmpty() ? 0 : Collections.max(searches) / 1e6);
        printFailures();
        if (firstRefusal[0] != null) {
            System.out.println("  first refused write: " + firstRefusal[0]);
        }
        double seconds = awaitCount(base, before + published.get(), timeoutSeconds);
        System.out.printf(Locale.ROOT, "RESULT\tAPI load: index complete after the last write\t%s%n",
                seconds < 0 ? "NOT within " + timeoutSeconds + " s" : String.format(Locale.ROOT, "%.1f s (%d products)", seconds, before + published.get()));
    }

    /** One product: created as a draft, then published; false when the portal refused either step. */
    static boolean createAndPublish(String base, String[] token, String brandId, int i) throws Exception {
        var input = "{\"input\":{\"brandId\":\"" + brandId + "\",\"title\":{\"indonesian\":\"Kendi beban " + i
                + " gerabah lombok\",\"english\":\"Load jug " + i + "\"},\"description\":{\"indonesian\":\"Kendi tanah liat buatan tangan, nomor " + i
                + ".\"},\"categorySlug\":\"" + CATEGORIES[i % CATEGORIES.length] + "\",\"materials\":[\"tanah liat\"],\"price\":"
                + (20_000 + (i % 200) * 2_500) + ",\"availability\":\"READY_STOCK\",\"stockQuantity\":" + (1 + i % 30) + "}}";
        var created = authorised(base, token,
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } userErrors { code message } } }", input);
        var id = SearchBench.first(created.body(), "\"id\":\"([^\"]+)\"");
        if (!created.ok() || id == null) {
            System.out.println("  create refused: " + created.status() + " " + created.body());
            return false;
        }
        var publishedAnswer = authorised(base, token,
                "mutation($input: ProductTransitionInput!) { publishProduct(input: $input) { product { status } userErrors { code message } } }",
                "{\"input\":{\"id\":\"" + id + "\"}}");
        if (!publishedAnswer.ok() || !publishedAnswer.body().contains("\"PUBLISHED\"")) {
            System.out.println("  publish refused: " + publishedAnswer.status() + " " + publishedAnswer.body());
            return false;
        }
        return true;
    }

    /** Sends as the producer; signs in again once if the access token has expired meanwhile. */
    static Answer authorised(String base, String[] token, String query, String variables) throws Exception {
        var answer = post(base, token[0], query, variables);
        if (answer.status() == 401 || answer.body().contains("UNAUTHENTICATED")) {
            synchronized (token) {
                token[0] = SearchBench.login(base, "produsen@kriyanusa.test");
            }
            answer = post(base, token[0], query, variables);
        }
        return answer;
    }

    // ---- summary

    /** Rows: measurements; columns: label and N, in the order they ran. */
    static void table(Path tsv) throws Exception {
        var columns = new LinkedHashSet<String>();
        var rows = new LinkedHashMap<String, Map<String, String>>();
        for (var line : Files.readAllLines(tsv)) {
            var f = line.split("\t", 4);
            if (f.length < 4) {
                continue;
            }
            var column = f[0] + " N=" + f[1];
            columns.add(column);
            rows.computeIfAbsent(f[2], k -> new LinkedHashMap<>()).put(column, f[3]);
        }
        var out = new StringBuilder("| measurement |");
        columns.forEach(c -> out.append(' ').append(c).append(" |"));
        out.append("\n|---|");
        columns.forEach(c -> out.append("---|"));
        rows.forEach((measurement, values) -> {
            out.append("\n| ").append(measurement).append(" |");
            columns.forEach(c -> out.append(' ').append(values.getOrDefault(c, "")).append(" |"));
        });
        System.out.println(out);
    }

    // ---- HTTP and percentiles

    record Answer(int status, String body) {
        boolean ok() {
            return failure() == null;
        }

        /** Null for a 200 without GraphQL errors; else the status and the start of the answer. */
        String failure() {
            return status == 200 && !body.contains("\"errors\"") ? null
                    : status + " " + body.substring(0, Math.min(200, body.length())).replaceAll("\\d+", "N");
        }
    }

    /** Counted failures by kind (digits replaced), so a run shows why requests failed, not only how many. */
    static final Map<String, Integer> FAILURES = new ConcurrentHashMap<>();

    static void printFailures() {
        FAILURES.forEach((failure, n) -> System.out.println("  failed x" + n + ": " + failure));
    }

    static Answer post(String base, String token, String query, String variables) throws Exception {
        var json = "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\",\"variables\":" + variables + "}";
        var request = HttpRequest.newBuilder(URI.create(base + "/graphql")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    static List<Long> merge(List<Tally> tallies) {
        var all = new ArrayList<Long>();
        tallies.forEach(t -> all.addAll(t.nanos()));
        return all;
    }

    static double pct(List<Long> values, int p) {
        return values.isEmpty() ? Double.NaN : SearchBench.pct(values, p);
    }
}
