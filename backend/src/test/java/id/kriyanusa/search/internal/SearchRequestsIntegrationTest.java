package id.kriyanusa.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A node that answers 503 (as one restarting after a crash does until its shards are
 * back) fails a buyer's search at once: the HTTP client's default is to wait a second and
 * send it again, which made each search of a page wait that second (4.4 s search pages in
 * the fault run).
 */
@SpringBootTest
@ActiveProfiles("demo")
class SearchRequestsIntegrationTest {

    @Autowired
    SearchRequests searches;

    @Autowired
    Rest5Client elasticsearch;

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

}
