package id.kriyanusa.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.localservices.LocalServices;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Object storage really frozen (its process stopped with SIGSTOP, so connections open but
 * nothing answers): a buyer's image request and the health check fail within the time a
 * person or a load balancer waits, not after the storage client's old one-minute limit,
 * and images are served again once storage answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StorageOutageIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void imagesFailFastWhileStorageIsFrozenAndAreServedAgainAfterwards() throws Exception {
        var client = new HttpTestClient(port);
        var api = new ApiClient(client);
        var producer = api.signUp("PRODUCER");
        var brandId = (String) api.createBrand(producer, "uji-gudang-beku").get("id");
        var logo = MediaApi.uploadForm(port, "BRAND_LOGO", brandId, "logo.jpg", "image/jpeg",
                MediaApi.uniquePhoto(400, 300), producer);
        assertThat(logo.statusCode()).as(logo.body()).isEqualTo(200);
        // stored, never served yet: no cache holds it, so serving it must ask storage
        String rendition = JsonPath.<List<String>>read(logo.body(), "$.image.renditions[?(@.format == 'JPEG')].url")
            .getFirst();

        long pid = LocalServices.get().s3().orElseThrow().pid().orElseThrow();
        signal("STOP", pid);
        try {
            // the first request waits for storage's answer a little, the next ones are
            // turned away at once
            for (int i = 0; i < 3; i++) {
                long asked = System.nanoTime();
                var image = client.get(rendition);
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("time to answer image request %d", i)
                    .isLessThan(i == 0 ? Duration.ofSeconds(3) : Duration.ofSeconds(1));
                assertThat(image.statusCode()).isEqualTo(503);
                assertThat(image.headers().firstValue("Retry-After")).isPresent();
                assertThat((String) JsonPath.read(image.body(), "$.classification")).isEqualTo("UNAVAILABLE");
            }
        }
        finally {
            signal("CONT", pid);
        }
        await("the image is served again once storage answers").atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.get(rendition).statusCode() == 200);
        assertThat(client.get(rendition).headers().firstValue("Content-Type")).hasValue("image/jpeg");
    }

    @Test
    void healthAnswersWithinOneLimitWhileStorageAndElasticsearchAreBothFrozen() throws Exception {
        var client = new HttpTestClient(port);
        long storage = LocalServices.get().s3().orElseThrow().pid().orElseThrow();
        long elasticsearch = LocalServices.get().elasticsearch().orElseThrow().pid().orElseThrow();
        signal("STOP", storage);
        signal("STOP", elasticsearch);
        try {
            Thread.sleep(2_100); // past the health endpoint's cached answer
            long asked = System.nanoTime();
            var health = client.get("/actuator/health");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("time to the health answer")
                .isLessThan(Duration.ofSeconds(2));
            assertThat((String) JsonPath.read(health.body(), "$.components.storage.status")).isEqualTo("DOWN");
            assertThat((String) JsonPath.read(health.body(), "$.components.elasticsearch.status")).isEqualTo("DOWN");
        }
        finally {
            signal("CONT", elasticsearch);
            signal("CONT", storage);
        }
        await("both services are reported UP again").atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .until(() -> client.get("/actuator/health").body(),
                    body -> "UP".equals(JsonPath.read(body, "$.components.storage.status"))
                            && "UP".equals(JsonPath.read(body, "$.components.elasticsearch.status")));
    }

    private static void signal(String signal, long pid) throws Exception {
        var process = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(process.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

}
