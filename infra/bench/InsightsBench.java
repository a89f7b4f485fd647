import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Latency of the department's figures as a signed-in curator sees them: the console page /kelola/angka (a browser
 * session: cookie + the sign-in form) and the `outcomes` query with the page's whole selection (a bearer token), each
 * warmed up with WARM_UP requests, then REQUESTS requests from CONCURRENCY client threads. Prints p50 / p95 / p99 /
 * max; and the same for the console's list of programmes, a page of the same layout with little to count, for
 * comparison. Given the portal's process id (Linux), also the portal's CPU time per measured request, which depends far
 * less than the latencies on what else the shared machine runs.
 *
 * java infra/bench/InsightsBench.java http://127.0.0.1:18494 200 4 [portal pid]
 */
public class InsightsBench {

    /** Requests of each kind before measuring, so that the portal runs compiled code (as a server that has run). */
    static final int WARM_UP = 300;

    /** The portal's process, or null. */
    static Path portalStat;

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    static final String OUTCOMES = """
            { outcomes {
                villages(sort: PRODUCTS_PUBLISHED) { village { id slug name regency modelVillage } figures { ...f } }
                regencies { name villages figures { ...f } }
                modelVillages { name villages figures { ...f } }
                months { month productsPublished brandsVerified inquiries whatsAppTaps }
                categories { category { slug } productsPublished inquiries inquiriesAnswered whatsAppTaps }
                programmes { programme { id } participants women youth goalsDone goalsDue }
                unansweredSearches(days: 30, first: 20) { query searches zeroResultSearches lastSearchedAt } } }
            fragment f on OutcomeFigures { brandsRegistered brandsVerified productsPublished inquiries inquiriesAnswered
                whatsAppTaps goalsDone goalsDue participants women youth artisans artisansWomen artisansYouth }""";

    public static void main(String[] args) throws Exception {
        var base = args[0];
        int requests = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        portalStat = args.length > 3 ? Path.of("/proc", args[3], "stat") : null;
        var http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
        // the API client holds no page session: a bearer request that sends the page's session cookie along ends that
        // session (every page request after the warm-up of the query was a 302 to the sign-in page)
        var api = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

        var signInPage = http.send(get(base + "/masuk"), HttpResponse.BodyHandlers.ofString()).body();
        var csrf = CSRF.matcher(signInPage);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on /masuk");
        }
        var form = "email=kurator%40kriyanusa.test&password=kriyanusa-demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/masuk"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("sign-in form answered " + signedIn.statusCode());
        }
        var login = graphQl(api, base, null, "mutation { login(input: { email: \"kurator@kriyanusa.test\", "
                + "password: \"kriyanusa-demo\" }) { session { accessToken } } }");
        var token = login.replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1");

        var page = http.send(get(base + "/kelola/angka"), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("<svg")) {
            throw new IllegalStateException("/kelola/angka answered " + page.statusCode());
        }
        var figures = graphQl(api, base, token, OUTCOMES);
        if (figures.contains("\"errors\"")) {
            throw new IllegalStateException(figures.substring(0, Math.min(500, figures.length())));
        }
        System.out.printf("page %d bytes, outcomes %d bytes%n", page.body().length(), figures.length());

        Callable<Integer> pageCall = () -> http.send(get(base + "/kelola/angka"), HttpResponse.BodyHandlers.ofString())
            .statusCode();
        Callable<Integer> apiCall = () -> graphQl(api, base, token, OUTCOMES).contains("\"errors\"") ? 500 : 200;
        run("warm-up /kelola/angka", pageCall, WARM_UP, concurrency, false);
        run("warm-up outcomes", apiCall, WARM_UP, concurrency, false);
        // the list of programmes: a console page of the same layout with little to count, for comparison
        Callable<Integer> listCall = () -> http
            .send(get(base + "/kelola/program"), HttpResponse.BodyHandlers.ofString())
            .statusCode();
        run("warm-up /kelola/program", listCall, WARM_UP, concurrency, false);
        run("GET /kelola/program (comparison)", listCall, requests, concurrency, true);
        run("GET /kelola/angka", pageCall, requests, concurrency, true);
        run("POST /graphql outcomes", apiCall, requests, concurrency, true);
    }

    static void run(String what, Callable<Integer> call, int requests, int concurrency, boolean print)
            throws Exception {
        var nanos = Collections.synchronizedList(new ArrayList<Long>());
        var cpuBefore = portalCpuMillis();
        var left = new AtomicInteger(requests);
        var failures = new AtomicInteger();
        var firstFailure = new java.util.concurrent.atomic.AtomicReference<String>();
        try (var pool = Executors.newFixedThreadPool(concurrency)) {
            for (var t = 0; t < concurrency; t++) {
                pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        var start = System.nanoTime();
                        try {
                            var status = call.call();
                            if (status != 200) {
                                failures.incrementAndGet();
                                firstFailure.compareAndSet(null, "status " + status);
                            }
                        }
                        catch (Exception e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        }
                        nanos.add(System.nanoTime() - start);
                    }
                    return null;
                });
            }
        }
        if (!print) {
            return;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s n=%d c=%d  p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms  failures %d%n",
                what, sorted.size(), concurrency, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.getLast() / 1e6, failures.get());
        if (portalStat != null) {
            System.out.printf(Locale.ROOT, "  portal CPU %.1f ms per request%n",
                    (portalCpuMillis() - cpuBefore) / (double) requests);
        }
        if (firstFailure.get() != null) {
            System.out.println("  first failure: " + firstFailure.get());
        }
    }

    /** User + system time of the portal's threads (/proc/<pid>/stat fields 14 and 15, in 10 ms ticks). */
    static long portalCpuMillis() throws Exception {
        if (portalStat == null) {
            return 0;
        }
        var stat = Files.readString(portalStat);
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    static HttpRequest get(String uri) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html").GET().build();
    }

    static String graphQl(HttpClient http, String base, String token, String query) throws Exception {
        var json = "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + "\"}";
        var request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

}
