package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * On machines with a Docker engine, the portal also runs on the official images that
 * production uses. Without Docker this class is skipped; the local real services cover
 * the same ground.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kriyanusa.local-services.enabled=false")
@ActiveProfiles("demo")
class OfficialImagesIntegrationTest {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17");

    @Container
    @ServiceConnection
    static ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
            "docker.elastic.co/elasticsearch/elasticsearch:9.2.2")
        .withEnv("xpack.security.enabled", "false");

    @Container
    static MinIOContainer minio = new MinIOContainer("minio/minio:RELEASE.2023-09-04T19-57-37Z");

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("kriyanusa.storage.endpoint", minio::getS3URL);
        registry.add("kriyanusa.storage.access-key", minio::getUserName);
        registry.add("kriyanusa.storage.secret-key", minio::getPassword);
    }

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndVillagesAreServed() throws Exception {
        var client = new HttpTestClient(port);
        var health = client.get("/actuator/health").body();
        for (var component : List.of("db", "elasticsearch", "storage")) {
            assertThat((String) JsonPath.read(health, "$.components." + component + ".status")).as(component)
                .isEqualTo("UP");
        }
        List<String> slugs = JsonPath.read(client.graphQl("{ villages { edges { node { slug } } } }").body(),
                "$.data.villages.edges[*].node.slug");
        assertThat(slugs).contains("semoyang");
    }

}
