package id.kriyanusa.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import co.elastic.clients.transport.rest5_client.low_level.Cancellable;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseListener;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends visitors' searches to Elasticsearch as the JSON the query builders write and
 * reads the answers as a JSON tree, through the low-level client: the typed client would
 * parse the body into its model, write it out again and build a typed response with every
 * aggregation, which cost more than the few values read from it.
 * <p>
 * A search waits at most {@code kriyanusa.search.query-timeout} in all, then is
 * cancelled: when the node hangs, the indexing listeners hold the client's connections
 * for its longer socket timeout and a search would queue behind them, so a per-request
 * socket setting is not enough; the visitor is told within seconds that search is
 * unavailable. A search left unanswered opens a circuit breaker (Resilience4j) for the
 * next {@code query-timeout}: meanwhile searches first ask the node for its name, with a
 * short limit; if it answers, the breaker closes and they are sent (one slow search, or a
 * node back from a pause, does not turn the searches after it away); if not, they fail at
 * once instead of each waiting for the same silent node (a results page asks for
 * products, brands and villages, and would otherwise wait three times over before saying
 * so).
 * <p>
 * Searches go through a client of their own, built with the same settings as the one
 * Spring Boot makes, with its own connection pool: the indexing listeners and an admin's
 * reindex use the other, so a burst of writes never makes a buyer's search wait for a
 * connection (issue 17 measured 5 failed searches while 10,000 products were loaded).
 * <p>
 * A search and the searches that follow from it (a relaxed match, a spelling check) share
 * one time limit ({@link #sharingOneTimeLimit}): a node warming up after a restart
 * answered each of them slowly but within its own limit, and a page waited for all of
 * them in turn (4.6 s in the fault run).
 */
@Component
public class SearchRequests implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchRequests.class);

    /** How long a node that left a search unanswered gets to show it answers again. */
    private static final Duration ANSWERS_AGAIN_WITHIN = Duration.ofMillis(250);

    private final Rest5Client client;

    private final JsonMapper json;

    private final Duration timeout;

    private final CircuitBreaker unanswered;

    /**
     * When the searches of the current {@link #sharingOneTimeLimit} must have answered.
     */
    private final ThreadLocal<Long> deadline = new ThreadLocal<>();

    SearchRequests(Rest5ClientBuilder clients, JsonMapper json,
            @Value("${kriyanusa.search.query-timeout:2s}") Duration timeout) {
        this.client = clients.build();
        this.json = json;
        this.timeout = timeout;
        // one unanswered search opens it; other failures (the node answered) do not
        this.unanswered = CircuitBreaker.of("elasticsearch-searches",
                CircuitBreakerConfig.custom()
                    .slidingWindow(1, 1, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                    .failureRateThreshold(100)
                    .recordException(SearchRequests::unanswered)
                    .waitDurationInOpenState(timeout)
                    .permittedNumberOfCallsInHalfOpenState(1)
                    .build());
    }

    /**
     * The answer to a search of the index behind {@code alias}, or null while no index is
     * behind it yet.
     */
    public JsonNode search(String alias, Map<String, Object> body) {
        if (timeLeft() <= 0) {
            throw new UncheckedIOException(
                    new SocketTimeoutException("The searches of this request have used their " + timeout + " already"));
        }
        try {
            return unanswered.executeSupplier(() -> ask(alias, body));
        }
        catch (CallNotPermittedException open) {
            if (!answersAgain(alias)) {
                throw stillSilent();
            }
            unanswered.transitionToClosedState();
            try {
                return unanswered.executeSupplier(() -> ask(alias, body));
            }
            catch (CallNotPermittedException openedAgain) {
                throw stillSilent();
            }
        }
    }

    /**
     * Runs {@code searches} with one time limit for all the searches they send, counted
     * from now; searches sent when it has run out fail at once. Within another such call,
     * the outer limit holds.
     */
    public <T> T sharingOneTimeLimit(Supplier<T> searches) {
        if (deadline.get() != null) {
            return searches.get();
        }
        deadline.set(System.nanoTime() + timeout.toNanos());
        try {
            return searches.get();
        }
        finally {
            deadline.remove();
        }
    }

    /**
     * Whether searches sent now still have time to be answered, within
     * {@link #sharingOneTimeLimit}: worth asking before a search that only improves an
     * answer already found.
     */
    public boolean haveTimeLeft() {
        return timeLeft() > 0;
    }

    /** Nanoseconds a search sent now may wait for its answer. */
    private long timeLeft() {
        var until = deadline.get();
        return until == null ? timeout.toNanos() : Math.min(timeout.toNanos(), until - System.nanoTime());
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static UncheckedIOException stillSilent() {
        return new UncheckedIOException(new SocketTimeoutException(
                "Elasticsearch left a search unanswered just now and still does not answer"));
    }

    private JsonNode ask(String alias, Map<String, Object> body) {
        var request = new Request("POST", "/" + alias + "/_search");
        var sentBody = json.writeValueAsString(body);
        // DEBUG shows each search as sent, to read with the index's _explain why a
        // product
        // ranks where it does
        log.debug("Search of {}: {}", alias, sentBody);
        request.setJsonEntity(sentBody);
        var answer = new CompletableFuture<Response>();
        var sent = send(request, answer);
        try {
            var response = answer.get(timeLeft(), TimeUnit.NANOSECONDS);
            // a search answers 404 only when the alias names no index (a fresh
            // installation's first build)
            if (response.getStatusCode() == 404) {
                return null;
            }
            try (var content = ElasticsearchAnswers.accepted(response).getEntity().getContent()) {
                return warnedOfFailedShards(alias, json.readTree(content));
            }
        }
        catch (TimeoutException e) {
            sent.cancel();
            throw new UncheckedIOException(
                    new SocketTimeoutException("No answer from Elasticsearch within " + timeout));
        }
        catch (ExecutionException e) {
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while searching", e);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The answer, after a warning when some shards failed: Elasticsearch then answers 200
     * with what the others found, and a query a shard cannot run (a script, a field of
     * the wrong type) would only look like a search that finds less.
     */
    private static JsonNode warnedOfFailedShards(String alias, JsonNode answer) {
        var shards = answer.path("_shards");
        if (shards.path("failed").asInt() > 0) {
            log.warn("A search of {} failed on {} of {} shards: {}", alias, shards.path("failed").asInt(),
                    shards.path("total").asInt(), shards.path("failures").path(0).path("reason"));
        }
        return answer;
    }

    /**
     * Whether the node, which left a search unanswered, says at once that the index
     * behind {@code alias} can be searched; if so, searches resume. A node restarting
     * after a crash answers its name before its shards are back, and searches sent then
     * hang until the time limit (5 s search pages in the fault run), so the index's
     * health is asked, not the node's name.
     */
    private boolean answersAgain(String alias) {
        var answer = new CompletableFuture<Response>();
        var sent = send(new Request("GET", "/_cluster/health/" + alias + "?filter_path=status"), answer);
        try (var content = ElasticsearchAnswers
            .accepted(answer.get(ANSWERS_AGAIN_WITHIN.toMillis(), TimeUnit.MILLISECONDS))
            .getEntity()
            .getContent()) {
            return !"red".equals(json.readTree(content).path("status").asString());
        }
        catch (IOException e) {
            return false;
        }
        catch (TimeoutException | ExecutionException e) {
            sent.cancel();
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean unanswered(Throwable failure) {
        return failure instanceof UncheckedIOException io && io.getCause() instanceof SocketTimeoutException;
    }

    private Cancellable send(Request request, CompletableFuture<Response> answer) {
        return client.performRequestAsync(request, new ResponseListener() {

            @Override
            public void onSuccess(Response response) {
                answer.complete(response);
            }

            @Override
            public void onFailure(Exception failure) {
                answer.completeExceptionally(failure);
            }
        });
    }

}
