package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kriyanusa.KriyanusaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Production runs without the local services: a portal whose database setting is missing
 * (or misspelt) must refuse to start and say what to set, never serve from an empty
 * stand-in database.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionStartupTest {

    @Test
    void refusesToStartWithoutADatabaseAndSaysWhatToSet(CapturedOutput output) {
        var production = new SpringApplicationBuilder(KriyanusaApplication.class).properties(
                // as in production: no local services, storage and search configured, the
                // database forgotten
                "kriyanusa.local-services.enabled=false", "server.port=0",
                "spring.elasticsearch.uris=http://127.0.0.1:1", "kriyanusa.storage.endpoint=http://127.0.0.1:1",
                "kriyanusa.storage.access-key=production", "kriyanusa.storage.secret-key=production-secret");

        assertThatThrownBy(production::run).isInstanceOf(Exception.class);

        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Kriyanusa has no PostgreSQL database configured")
            .contains("SPRING_DATASOURCE_URL")
            .doesNotContain("embedded database");
    }

}
