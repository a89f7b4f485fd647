package id.kriyanusa.localservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A @SpringBootTest picks the initializer up without any code, as the backend's tests
 * will.
 */
@SpringBootTest(properties = { "kriyanusa.local-services.data-dir=target/test-springboottest",
        "kriyanusa.local-services.reset=true", "kriyanusa.local-services.postgres.enabled=false",
        "kriyanusa.local-services.elasticsearch.enabled=false" })
@DirtiesContext
class SpringBootTestIntegrationTest {

    @SpringBootConfiguration
    static class TestApplication {

    }

    @Value("${kriyanusa.storage.endpoint}")
    String endpoint;

    @Test
    void theTestContextGetsTheLocalS3Proxy() {
        assertThat(endpoint).startsWith("http://127.0.0.1:");
        assertThat(Support.httpGet(endpoint + "/", Duration.ofSeconds(5)).status()).isEqualTo(403);
        assertThat(LocalServices.get().s3().orElseThrow().dataDir().toString()).contains("test-springboottest");
    }

}
