package id.kriyanusa.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

/**
 * Failures end with one message naming the service, the cause, the log file and the fix.
 */
class FailureMessagesTest {

    @Test
    void takenPortsAreReportedPerService() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(Support.LOOPBACK, 0));
            int port = taken.getLocalPort();
            LocalServicesSettings settings = LocalServicesSettings.builder()
                .dataDir(TestSupport.targetDir("test-port-taken"))
                .postgresPort(port)
                .s3Port(port)
                .build();

            try (PostgresService pg = new PostgresService(settings)) {
                assertThatThrownBy(pg::start).isInstanceOf(LocalServiceException.class)
                    .hasMessageStartingWith("PostgreSQL: port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("kriyanusa.local-services.postgres.port");
            }
            try (S3ProxyService s3 = new S3ProxyService(settings)) {
                assertThatThrownBy(s3::start).isInstanceOf(LocalServiceException.class)
                    .hasMessageStartingWith("S3Proxy: port " + port + " on 127.0.0.1 is already in use")
                    .hasMessageContaining("kriyanusa.local-services.s3.port");
            }
            if (TestSupport.esHomeAvailable()) {
                try (ElasticsearchService es = new ElasticsearchService(
                        settings.toBuilder().elasticsearchPort(port).build())) {
                    assertThatThrownBy(es::start).isInstanceOf(LocalServiceException.class)
                        .hasMessageStartingWith("Elasticsearch: port " + port + " on 127.0.0.1 is already in use")
                        .hasMessageContaining("kriyanusa.local-services.elasticsearch.port");
                }
            }
        }
    }

    @Test
    void aChildJvmThatDiesAtStartIsReportedWithItsLog() {
        LocalServicesSettings settings = LocalServicesSettings.builder()
            .dataDir(TestSupport.targetDir("test-child-dies"))
            .s3Heap("not-a-size")
            .build();
        try (S3ProxyService s3 = new S3ProxyService(settings)) {
            assertThatThrownBy(s3::start).isInstanceOf(LocalServiceException.class)
                .hasMessageStartingWith("S3Proxy: the S3Proxy process exited with code 1")
                .hasMessageContaining("Invalid maximum heap size")
                .hasMessageContaining(settings.logsDir().resolve("s3proxy.log").toString());
        }
        assertThat(TestSupport.processesMentioning(settings.dataDir())).isEmpty();
    }

    @Test
    void aMissingElasticsearchHomeSaysHowToBuildIt() {
        LocalServicesSettings settings = LocalServicesSettings.builder()
            .dataDir(TestSupport.targetDir("test-no-es-home"))
            .elasticsearchHome(TestSupport.targetDir("no-such-es-home"))
            .build();
        try (ElasticsearchService es = new ElasticsearchService(settings)) {
            assertThatThrownBy(es::start).isInstanceOf(LocalServiceException.class)
                .hasMessageStartingWith("Elasticsearch: no Elasticsearch home at ")
                .hasMessageContaining("./mvnw -pl backend -am");
        }
    }

}
