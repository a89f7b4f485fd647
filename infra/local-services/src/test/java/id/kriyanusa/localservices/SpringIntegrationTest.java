package id.kriyanusa.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Spring glue: the initializer from META-INF/spring.factories starts S3Proxy (the
 * quickest service) for a plain SpringApplication, publishes its coordinates, releases it
 * on close; external URLs skip a service; the failure analyzer explains a failure.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringIntegrationTest {

    @Configuration(proxyBeanMethods = false)
    static class EmptyApplication {

        @Bean
        ClientOfTheServices clientOfTheServices(Environment environment) {
            return new ClientOfTheServices(environment.getProperty("kriyanusa.storage.endpoint"));
        }

    }

    /** Like a connection pool: it still needs the service while the context closes. */
    static final class ClientOfTheServices implements DisposableBean {

        static final AtomicInteger STATUS_AT_DESTROY = new AtomicInteger();

        private final String endpoint;

        ClientOfTheServices(String endpoint) {
            this.endpoint = endpoint;
        }

        @Override
        public void destroy() {
            if (endpoint != null) {
                STATUS_AT_DESTROY.set(Support.httpGet(endpoint + "/", Duration.ofSeconds(5)).status());
            }
        }

    }

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(EmptyApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setRegisterShutdownHook(false);
        return application.run(args);
    }

    private static final String DATA_DIR = "--kriyanusa.local-services.data-dir="
            + TestSupport.targetDir("test-spring");

    @Test
    void startsTheServicesForAnApplicationAndStopsThemWithIt() {
        long pid;
        try (ConfigurableApplicationContext context = run(DATA_DIR, "--kriyanusa.local-services.reset=true",
                "--kriyanusa.local-services.postgres.enabled=false",
                "--kriyanusa.local-services.elasticsearch.enabled=false")) {
            String endpoint = context.getEnvironment().getProperty("kriyanusa.storage.endpoint");
            assertThat(endpoint).startsWith("http://127.0.0.1:");
            assertThat(context.getEnvironment().getProperty("kriyanusa.storage.access-key"))
                .isEqualTo("kriyanusa-local");
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isNull();
            assertThat(context.getEnvironment().getPropertySources().iterator().next().getName())
                .isEqualTo(LocalServicesInitializer.PROPERTY_SOURCE_NAME);
            assertThat(Support.httpGet(endpoint + "/", Duration.ofSeconds(5)).status()).isEqualTo(403);
            assertThat(context.containsBean(LocalServicesInitializer.LEASE_BEAN_NAME)).isTrue();

            // A second context shares the running S3Proxy.
            try (ConfigurableApplicationContext second = run(DATA_DIR,
                    "--kriyanusa.local-services.postgres.enabled=false",
                    "--kriyanusa.local-services.elasticsearch.enabled=false")) {
                assertThat(second.getEnvironment().getProperty("kriyanusa.storage.endpoint")).isEqualTo(endpoint);
                assertThat(LocalServices.get().references()).isEqualTo(2);
            }
            assertThat(LocalServices.get().references()).isEqualTo(1);
            ClientOfTheServices.STATUS_AT_DESTROY.set(0);
            OptionalLong running = LocalServices.get().s3().orElseThrow().pid();
            pid = running.orElseThrow();
        }
        assertThat(ClientOfTheServices.STATUS_AT_DESTROY.get())
            .as("the services are stopped after the beans that use them")
            .isEqualTo(403);
        assertThat(LocalServices.get().references()).isZero();
        assertThat(LocalServices.get().s3()).isEmpty();
        assertThat(ProcessHandle.of(pid).filter(Support::isRunning)).isEmpty();
    }

    @Test
    void externallyConfiguredServicesAreNotStarted() {
        try (ConfigurableApplicationContext context = run(DATA_DIR,
                "--spring.datasource.url=jdbc:postgresql://db.example:5432/app",
                "--spring.elasticsearch.uris=http://search.example:9200",
                "--kriyanusa.storage.endpoint=http://s3.example:9000", "--spring.mail.host=smtp.example")) {
            assertThat(context.getEnvironment()
                .getPropertySources()
                .contains(LocalServicesInitializer.PROPERTY_SOURCE_NAME)).isFalse();
            assertThat(LocalServices.get().references()).isZero();
            assertThat(LocalServices.get().s3()).isEmpty();
            assertThat(LocalServices.get().postgres()).isEmpty();
        }
        try (ConfigurableApplicationContext context = run(DATA_DIR, "--kriyanusa.local-services.enabled=false")) {
            assertThat(context.containsBean(LocalServicesInitializer.LEASE_BEAN_NAME)).isFalse();
        }
    }

    @Test
    void aFailureEndsWithApplicationFailedToStart(CapturedOutput output) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(Support.LOOPBACK, 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> run(DATA_DIR, "--kriyanusa.local-services.s3.port=" + port,
                    "--kriyanusa.local-services.postgres.enabled=false",
                    "--kriyanusa.local-services.elasticsearch.enabled=false"))
                .isInstanceOf(LocalServiceException.class);
            assertThat(output.toString()).contains("APPLICATION FAILED TO START")
                .contains("Local service S3Proxy could not start: port " + port + " on 127.0.0.1 is already in use")
                .contains("Stop the process that uses port " + port + ", or set kriyanusa.local-services.s3.port");
        }
        assertThat(LocalServices.get().references()).isZero();
    }

}
