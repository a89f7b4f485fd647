package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import id.kriyanusa.localservices.LocalServices;
import id.kriyanusa.search.SearchIndexName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

/**
 * How long a buyer's searches wait on a node that is restarting or stalled. A node that
 * answers 503 (as one restarting after a crash does until its shards are back) fails a
 * search at once: the HTTP client's default is to wait a second and send it again, which
 * made each search of a page wait that second (4.4 s search pages in the fault run). And
 * searches that share one time limit (a search and its relaxed or corrected follow-ups)
 * wait only for what is left of it, not each for the whole limit.
 */
@SpringBootTest
@ActiveProfiles("demo")
@ExtendWith(OutputCaptureExtension.class)
class SearchRequestsIntegrationTest {

    @Autowired
    SearchRequests searches;

    @Autowired
    Rest5Client elasticsearch;

    @Autowired
    SearchIndices indices;

    @Value("${kriyanusa.search.query-timeout}")
    Duration limit;

    static final Map<String, Object> EVERYTHING = Map.of("query", Map.of("match_all", Map.of()), "size", 1);

    @Test
    void aSearchOfAnIndexWhoseShardsAreNotBackFailsAtOnce() throws Exception {
        // a real index whose only shard can be placed nowhere: Elasticsearch answers its
        // searches 503
        var create = new Request("PUT", "/shards-not-back?wait_for_active_shards=0");
        create.setJsonEntity("""
                {"settings": {"number_of_shards": 1, "number_of_replicas": 0,
                  "index.routing.allocation.require._name": "no-such-node"}}""");
        elasticsearch.performRequest(create);
        try {
            var everything = Map.<String, Object>of("query", Map.of("match_all", Map.of()));
            // the first request of a fresh client also connects and loads classes
            assertThatThrownBy(() -> searches.search("shards-not-back", everything)).hasMessageContaining("503");
            for (int search = 0; search < 2; search++) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> searches.search("shards-not-back", everything))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("503");
                // the client's own retry would come a second later
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(900));
            }
        }
        finally {
            elasticsearch.performRequest(new Request("DELETE", "/shards-not-back"));
        }
    }

    @Test
    void aQueryThatSomeShardsCannotRunIsLoggedNotJustAnsweredWithLess(CapturedOutput output) throws Exception {
        // two indices behind one alias: "weight" is text in one and a number in the
        // other,
        // so a term query for "heavy" fails on the second's shard and Elasticsearch
        // answers
        // 200 with the first's products
        for (var index : Map.of("weights-as-text", "keyword", "weights-as-numbers", "long").entrySet()) {
            var create = new Request("PUT", "/" + index.getKey());
            create.setJsonEntity("""
                    {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
                     "mappings": {"properties": {"weight": {"type": "%s"}}},
                     "aliases": {"weights": {}}}""".formatted(index.getValue()));
            elasticsearch.performRequest(create);
        }
        try {
            var heavy = Map.<String, Object>of("query", Map.of("term", Map.of("weight", "heavy")));
            var answer = searches.search("weights", heavy);
            assertThat(answer.path("_shards").path("failed").asInt()).isEqualTo(1);
            assertThat(output).contains("A search of weights failed on 1 of 2 shards").contains("heavy");
        }
        finally {
            elasticsearch.performRequest(new Request("DELETE", "/weights-as-text,weights-as-numbers"));
        }
    }

    @Test
    void whatTheNodeRefusesFailsInsteadOfLookingDone() {
        // the low-level client answers 4xx like 200: a refused query read as one that
        // found nothing, a refused index as one created
        var refused = Map.<String, Object>of("query", Map.of("no_such_query", Map.of()));
        assertThatThrownBy(() -> searches.search(SearchIndexName.PRODUCTS.alias(), refused))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("400");
        assertThatThrownBy(() -> indices.of(SearchIndexName.PRODUCTS).index().loadInBulk("products-v999"))
            .isInstanceOf(UncheckedIOException.class)
            .hasMessageContaining("404");
        // an alias that names no index yet (a fresh installation) is a search without
        // an answer, not a failure
        assertThat(searches.search("no-index-yet", EVERYTHING)).isNull();
    }

    @Test
    void aSearchAfterItsRequestUsedTheTimeLimitFailsWithoutBeingSent() {
        var products = SearchIndexName.PRODUCTS.alias();
        assertThat(searches.search(products, EVERYTHING)).isNotNull();
        long started = System.nanoTime();
        assertThatThrownBy(() -> searches.sharingOneTimeLimit(() -> {
            // the earlier searches of the request took all of its time
            sleep(limit);
            return searches.search(products, EVERYTHING);
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("used their");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit.plusSeconds(1));
        // outside such a request, searches have their whole limit again
        assertThat(searches.search(products, EVERYTHING)).isNotNull();
    }

    @Test
    void aFollowUpSearchOnAStalledNodeWaitsOnlyForWhatIsLeftOfTheLimit() throws Exception {
        var products = SearchIndexName.PRODUCTS.alias();
        assertThat(searches.search(products, EVERYTHING)).isNotNull();
        long pid = LocalServices.get().elasticsearch().orElseThrow().pid().orElseThrow();
        var firstSearchTook = limit.minusMillis(800);
        long started = System.nanoTime();
        signal("STOP", pid);
        try {
            assertThatThrownBy(() -> searches.sharingOneTimeLimit(() -> {
                sleep(firstSearchTook);
                return searches.search(products, EVERYTHING);
            })).isInstanceOf(UncheckedIOException.class);
        }
        finally {
            signal("CONT", pid);
        }
        // on its own limit it would have waited firstSearchTook + limit
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit.plusMillis(1200));
        // once the node answers again, searches go through again
        await().atMost(Duration.ofSeconds(30))
            .ignoreExceptions()
            .untilAsserted(() -> assertThat(searches.search(products, EVERYTHING)).isNotNull());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        var process = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(process.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

}
