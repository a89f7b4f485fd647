package id.kriyanusa.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Programme participants written without their events, as the demo's Bimtek when its data
 * is seeded again, reach the department's figures at the next start, and those gone
 * without theirs leave them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class InsightsBackfillIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InsightsBackfill backfill;

    @Test
    void participantsWrittenWithoutTheirEventsAreCountedAtTheNextStart() throws Exception {
        var before = semoyang();
        var participant = jdbc.sql("""
                insert into programme_participant (programme_id, consent, name, gender, age_band)
                select id, true, 'Baiq Tanpa Kejadian', 'FEMALE', 'AGED_16_TO_30' from programme
                where title_id = 'Bimtek Diversifikasi Produk Tembakau: Kerajinan' returning id""")
            .query(Long.class)
            .single();
        assertThat(semoyang()).as("no event, not counted yet").isEqualTo(before);

        backfill.countParticipants();
        assertThat(semoyang()).containsEntry("participants", before.get("participants") + 1)
            .containsEntry("women", before.get("women") + 1)
            .containsEntry("youth", before.get("youth") + 1);
        backfill.countParticipants();
        assertThat(semoyang()).as("counted once").containsEntry("participants", before.get("participants") + 1);

        jdbc.sql("delete from programme_participant where id = ?").param(participant).update();
        backfill.countParticipants();
        assertThat(semoyang()).isEqualTo(before);
    }

    private Map<String, Integer> semoyang() throws Exception {
        var api = new ApiClient(port);
        var body = api.query("{ outcomes { villages { village { slug } figures { participants women youth } } } }",
                Map.of(), api.signIn(ApiClient.CURATOR));
        List<Map<String, Integer>> figures = JsonPath.read(body,
                "$.data.outcomes.villages[?(@.village.slug == 'semoyang')].figures");
        assertThat(figures).as(body).hasSize(1);
        return figures.getFirst();
    }

}
