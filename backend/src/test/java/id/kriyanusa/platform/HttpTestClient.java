package id.kriyanusa.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running portal over real HTTP, the way a browser or API client would. */
public final class HttpTestClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;

    private final String base;

    public HttpTestClient(int port) {
        this(port, null);
    }

    /**
     * A client at another address of the loopback network (127.0.0.0/8), as the portal
     * sees a visitor from elsewhere.
     */
    public HttpTestClient(int port, InetAddress from) {
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (from == null ? builder : builder.localAddress(from)).build();
        this.base = "http://127.0.0.1:" + port;
    }

    /**
     * A {@link WebTestClient} for the endpoint at this path over the same connection (and
     * loopback address), for Spring's testers such as {@code HttpGraphQlTester}.
     */
    public WebTestClient.Builder webTestClient(String path) {
        return WebTestClient.bindToServer(new JdkClientHttpConnector(http))
            .baseUrl(base + path)
            .responseTimeout(TIMEOUT);
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The bytes as sent, for measuring what a compressed response weighs on the wire. */
    public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT);
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> graphQl(String document) throws IOException, InterruptedException {
        return graphQl(document, Map.of(), null);
    }

    /**
     * Posts a GraphQL request as an API client would, signed in when a bearer token is
     * given.
     */
    public HttpResponse<String> graphQl(String document, Map<String, ?> variables, String bearerToken)
            throws IOException, InterruptedException {
        var body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        var request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Waits (at most 60 s) until the portal is ready for buyers: its search indices
     * exist. A context that just started checks them in the background.
     */
    public HttpResponse<String> awaitReady() {
        return Awaitility.await("the portal is ready")
            .atMost(Duration.ofSeconds(60))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(250))
            .until(() -> get("/actuator/health/readiness"), readiness -> readiness.statusCode() == 200);
    }

}
