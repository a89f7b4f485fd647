package id.kriyanusa.search.internal;

import java.time.Duration;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import id.kriyanusa.platform.BoundedHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reported as `elasticsearch` in /actuator/health in place of Boot's, whose request waits
 * for the client's 10 s socket timeout when the node is frozen: the cluster's health,
 * answered within 1 s.
 */
@Component("elasticsearch")
class ElasticsearchHealthIndicator extends BoundedHealthIndicator {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Rest5Client client;

    ElasticsearchHealthIndicator(Rest5Client client) {
        super(Duration.ofSeconds(1));
        this.client = client;
    }

    @Override
    protected Health check() throws Exception {
        var response = ElasticsearchAnswers.accepted(client.performRequest(new Request("GET", "/_cluster/health")));
        try (var content = response.getEntity().getContent()) {
            var cluster = JSON.readTree(content);
            var status = cluster.path("status").asString();
            var health = "red".equals(status) ? Health.outOfService() : Health.up();
            return health.withDetail("cluster_name", cluster.path("cluster_name").asString())
                .withDetail("status", status)
                .withDetail("number_of_nodes", cluster.path("number_of_nodes").asInt())
                .build();
        }
    }

}
