package id.kriyanusa.localservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real processes, no Spring: each service starts once for the class through
 * {@link LocalServices}, is used, then stopped; afterwards no process of it may be left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalServicesTest {

    private final Path dataDir = TestSupport.targetDir("test-services");

    private final boolean withElasticsearch = TestSupport.esHomeAvailable();

    private LocalServicesSettings settings;

    private LocalServices.Lease lease;

    private final List<Long> pids = new ArrayList<>();

    @BeforeAll
    void startServices() {
        settings = LocalServicesSettings.builder()
            .dataDir(dataDir)
            .reset(true)
            .elasticsearchEnabled(withElasticsearch)
            .build();
        lease = LocalServices.get().acquire(settings);
        for (LocalService service : lease.services()) {
            long pid = service.pid().orElseThrow();
            pids.add(pid);
            System.out.printf("%s pid %d RSS %d MiB%n", service.name(), pid, TestSupport.rssMiB(pid));
        }
    }

    @AfterAll
    void stopServices() {
        if (lease != null) {
            lease.close();
        }
        LocalServices.get().stopAll();
    }

    @Test
    @Order(1)
    void postgresAnswersOverJdbc() throws Exception {
        PostgresService pg = LocalServices.get().postgres().orElseThrow();
        assertThat(lease.properties()).containsEntry("spring.datasource.url", pg.url());
        assertThat(pg.url()).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/kriyanusa");
        try (Connection connection = DriverManager.getConnection(pg.url(), pg.username(), pg.password());
                Statement statement = connection.createStatement();
                ResultSet rs = statement
                    .executeQuery("select version(), current_user, current_database(), upper('tenun ikat sasak é'), "
                            + "inet_server_addr()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("PostgreSQL 17.");
            assertThat(rs.getString(2)).isEqualTo("kriyanusa");
            assertThat(rs.getString(3)).isEqualTo("kriyanusa");
            assertThat(rs.getString(4)).isEqualTo("TENUN IKAT SASAK É");
            assertThat(rs.getString(5)).isEqualTo("127.0.0.1");
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).hasContent("17");
        assertThat(dataDir.resolve("logs/postgres.log")).exists();
    }

    @Test
    @Order(2)
    void s3ProxyAnswersUnsignedRequestsWith403() {
        S3ProxyService s3 = LocalServices.get().s3().orElseThrow();
        assertThat(lease.properties()).containsEntry("kriyanusa.storage.endpoint", s3.url())
            .containsEntry("kriyanusa.storage.access-key", "kriyanusa-local")
            .containsEntry("kriyanusa.storage.secret-key", "kriyanusa-local-secret");
        assertThat(s3.url()).startsWith("http://127.0.0.1:");
        Support.HttpResponse response = Support.httpGet(s3.url() + "/", Duration.ofSeconds(5));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("AccessDenied");
        assertThat(dataDir.resolve("s3/buckets")).isDirectory();
        assertThat(dataDir.resolve("logs/s3proxy.log")).exists();
    }

    @Test
    @Order(2)
    void greenMailCatchesMailSentOverSmtp() throws Exception {
        GreenMailService mail = LocalServices.get().mail().orElseThrow();
        assertThat(lease.properties()).containsEntry("spring.mail.host", "127.0.0.1")
            .containsEntry("spring.mail.port", Integer.toString(mail.port()))
            .containsEntry(GreenMailService.API_PROPERTY, mail.url());
        try (var smtp = new java.net.Socket("127.0.0.1", mail.port());
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(smtp.getInputStream()));
                var out = new java.io.PrintWriter(smtp.getOutputStream(), true)) {
            out.print("HELO kriyanusa\r\nMAIL FROM:<noreply@kriyanusa.test>\r\nRCPT TO:<siti@contoh.id>\r\nDATA\r\n"
                    + "Subject: Salam dari Sukarara\r\n\r\nTenun sudah siap.\r\n.\r\nQUIT\r\n");
            out.flush();
            assertThat(in.lines().map(line -> line.substring(0, 3)).toList()).endsWith("354", "250", "221");
        }
        Support.HttpResponse inbox = Support.httpGet(mail.url() + "/api/user/siti@contoh.id/messages/INBOX",
                Duration.ofSeconds(5));
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("Salam dari Sukarara", "Tenun sudah siap.");
        assertThat(dataDir.resolve("logs/greenmail.log")).exists();
    }

    @Test
    @Order(3)
    void elasticsearchAnswersRoot() {
        Assumptions.assumeTrue(withElasticsearch, "no ES home at " + BuildDefaults.defaultElasticsearchHome()
                + ": build infra/elasticsearch-node first; Elasticsearch part skipped");
        ElasticsearchService es = LocalServices.get().elasticsearch().orElseThrow();
        assertThat(lease.properties()).containsEntry("spring.elasticsearch.uris", es.url());
        Support.HttpResponse response = Support.httpGet(es.url() + "/", Duration.ofSeconds(10));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("kriyanusa-local");
        assertThat(dataDir.resolve("elasticsearch/config/elasticsearch.yml")).content()
            .contains("http.port: " + es.port())
            .contains("network.host: 127.0.0.1");
        assertThat(dataDir.resolve("logs/elasticsearch.log")).content().contains(ElasticsearchService.STARTED);
    }

    @Test
    @Order(4)
    void aKilledElasticsearchNodeIsStartedAgainOnTheSamePort() throws InterruptedException {
        Assumptions.assumeTrue(withElasticsearch, "no ES home: Elasticsearch part skipped");
        ElasticsearchService es = LocalServices.get().elasticsearch().orElseThrow();
        long killed = es.pid().orElseThrow();
        String url = es.url();

        ProcessHandle.of(killed).orElseThrow().destroyForcibly();

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline && !(es.pid().isPresent() && es.pid().getAsLong() != killed
                && Support.httpGet(url + "/", Duration.ofSeconds(2)).status() == 200)) {
            Thread.sleep(250);
        }
        assertThat(es.pid().orElse(killed)).as("a new node process").isNotEqualTo(killed);
        assertThat(Support.httpGet(url + "/", Duration.ofSeconds(10)).status()).as("answers at " + url).isEqualTo(200);
        assertThat(es.url()).isEqualTo(url);
        assertThat(dataDir.resolve("logs/elasticsearch.log")).content().contains(ElasticsearchService.STARTED);
    }

    @Test
    @Order(5)
    void aSecondAcquireSharesTheRunningServices() {
        String pgUrl = LocalServices.get().postgres().orElseThrow().url();
        try (LocalServices.Lease second = LocalServices.get().acquire(settings)) {
            assertThat(LocalServices.get().references()).isEqualTo(2);
            assertThat(second.properties()).isEqualTo(lease.properties());
        }
        assertThat(LocalServices.get().references()).isEqualTo(1);
        assertThat(LocalServices.get().postgres().orElseThrow().url()).isEqualTo(pgUrl);
        assertThat(LocalServices.get().postgres().orElseThrow().isRunning()).isTrue();
    }

    @Test
    @Order(6)
    void theLastReleaseStopsEveryProcess() {
        List<LocalService> services = lease.services();
        lease.close();
        lease = null;
        assertThat(LocalServices.get().references()).isZero();
        assertThat(LocalServices.get().postgres()).isEmpty();
        for (LocalService service : services) {
            assertThat(service.isRunning()).as(service.name()).isFalse();
        }
        for (long pid : pids) {
            assertThat(ProcessHandle.of(pid).filter(Support::isRunning)).as("pid " + pid).isEmpty();
        }
        assertThat(TestSupport.processesMentioning(dataDir)).isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(Support::isRunning).toList()).isEmpty();
    }

    @Test
    @Order(7)
    void aDamagedPostgresDataFolderGivesOneClearMessage() throws Exception {
        Files.writeString(dataDir.resolve("postgres/PG_VERSION"), "garbage\n");
        LocalServicesSettings keep = settings.toBuilder().reset(false).build();
        long started = System.nanoTime();
        try (PostgresService pg = new PostgresService(keep)) {
            assertThatThrownBy(pg::start).isInstanceOf(LocalServiceException.class)
                .hasMessageContaining("PostgreSQL")
                .hasMessageContaining("PG_VERSION")
                .hasMessageContaining(dataDir.resolve("logs/postgres.log").toString())
                .hasMessageContaining("kriyanusa.local-services.reset=true")
                .satisfies(e -> System.out.println("Damaged data folder: " + e.getMessage()));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        assertThat(TestSupport.processesMentioning(dataDir)).isEmpty();
    }

    @Test
    @Order(8)
    void aDamagedElasticsearchDataFolderGivesOneClearMessage() throws Exception {
        Assumptions.assumeTrue(withElasticsearch, "no ES home: Elasticsearch part skipped");
        try (var state = Files.newDirectoryStream(dataDir.resolve("elasticsearch/data/_state"), "segments_*")) {
            for (Path segments : state) {
                Files.writeString(segments, "garbage\n");
            }
        }
        LocalServicesSettings keep = settings.toBuilder().reset(false).build();
        try (ElasticsearchService es = new ElasticsearchService(keep)) {
            assertThatThrownBy(es::start).isInstanceOf(LocalServiceException.class)
                .hasMessageStartingWith("Elasticsearch: the node failed to start: ")
                .hasMessageContaining(dataDir.resolve("logs/elasticsearch.log").toString())
                .hasMessageContaining("kriyanusa.local-services.reset=true")
                .satisfies(e -> System.out.println("Damaged ES data folder: " + e.getMessage()));
        }
        assertThat(TestSupport.processesMentioning(dataDir)).isEmpty();
    }

}
