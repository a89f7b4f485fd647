package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.internal.MediaBucket;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Proves each backing service is real: PostgreSQL stores rows, Elasticsearch analyses,
 * indexes and finds a document, the S3 server keeps bytes written through the MinIO SDK,
 * and health reports all of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class RealServicesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    MinioClient minio;

    @Autowired
    MediaBucket bucket;

    @Test
    void postgresqlStoresAndReadsRows() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL 17");
        jdbc.sql(
                "insert into village (slug, name, regency, district) values ('uji-coba', 'Uji Coba', 'Lombok Utara', 'Tanjung')")
            .update();
        try {
            assertThat(jdbc.sql("select name from village where slug = 'uji-coba'").query(String.class).single())
                .isEqualTo("Uji Coba");
        }
        finally {
            jdbc.sql("delete from village where slug = 'uji-coba'").update();
        }
    }

    @Test
    void elasticsearchIndexesAndFindsADocumentWithIndonesianAnalysis() throws Exception {
        var index = "foundation-check";
        elasticsearch.indices()
            .create(c -> c.index(index)
                .settings(s -> s.numberOfReplicas("0"))
                .mappings(m -> m.properties("title", p -> p.text(t -> t.analyzer("indonesian")))));
        try {
            elasticsearch.index(i -> i.index(index)
                .id("1")
                .document(Map.of("title", "Pembuatan kerajinan anyaman ketak"))
                .refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
            // "membuat" and "pembuatan" share the stem "buat" only when the Indonesian
            // analyser really runs.
            var hits = elasticsearch
                .search(s -> s.index(index).query(q -> q.match(m -> m.field("title").query("membuat anyaman"))),
                        Map.class)
                .hits()
                .hits();
            assertThat(hits).extracting(h -> h.id()).containsExactly("1");
        }
        finally {
            elasticsearch.indices().delete(d -> d.index(index));
        }
    }

    @Test
    void objectStorageKeepsBytesWrittenThroughTheMinioSdk() throws Exception {
        var bytes = "kendi maling dari Banyumulek".getBytes(StandardCharsets.UTF_8);
        var key = "foundation-check/" + System.nanoTime() + ".txt";
        minio.putObject(PutObjectArgs.builder()
            .bucket(bucket.name())
            .object(key)
            .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
            .contentType("text/plain")
            .build());
        try (var in = minio.getObject(GetObjectArgs.builder().bucket(bucket.name()).object(key).build())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        finally {
            minio.removeObject(RemoveObjectArgs.builder().bucket(bucket.name()).object(key).build());
        }
    }

    @Test
    void healthIsUpWithDatabaseSearchAndStorage() throws Exception {
        var client = new HttpTestClient(port);
        client.awaitReady();
        var response = client.get("/actuator/health");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var body = response.body();
        assertThat((String) JsonPath.read(body, "$.status")).isEqualTo("UP");
        for (var component : List.of("db", "elasticsearch", "storage")) {
            assertThat((String) JsonPath.read(body, "$.components." + component + ".status")).as(component)
                .isEqualTo("UP");
        }
    }

}
