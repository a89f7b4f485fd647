package id.kriyanusa.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.localservices.LocalServices;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Object storage really frozen (its process stopped with SIGSTOP, so connections open but
 * nothing answers): a buyer's image request and the health check fail within the time a
 * person or a load balancer waits, not after the storage client's old one-minute limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StorageOutageIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void imagesAndHealthAnswerQuicklyWhileStorageIsFrozen() throws Exception {
        var client = new HttpTestClient(port);
        // a rendition no cache holds, so serving it must ask storage
        var rendition = "/media/" + "ab".repeat(32) + ".jpg";
        assertThat(client.get(rendition).statusCode()).as("storage answers: unknown rendition").isEqualTo(404);

        long pid = LocalServices.get().s3().orElseThrow().pid().orElseThrow();
        signal("STOP", pid);
        try {
            long asked = System.nanoTime();
            var image = client.get(rendition);
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("time to the image's answer")
                .isLessThan(Duration.ofMillis(3500));
            assertThat(image.statusCode()).isEqualTo(503);
            assertThat(image.headers().firstValue("Retry-After")).isPresent();

            Thread.sleep(2_100); // past the health endpoint's cached answer
            asked = System.nanoTime();
            var health = client.get("/actuator/health");
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("time to the health answer")
                .isLessThan(Duration.ofSeconds(2));
            assertThat((String) JsonPath.read(health.body(), "$.components.storage.status")).isEqualTo("DOWN");
        }
        finally {
            signal("CONT", pid);
        }
        assertThat(client.get(rendition).statusCode()).as("storage answers again").isEqualTo(404);
    }

    private static void signal(String signal, long pid) throws Exception {
        var process = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(process.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

}
