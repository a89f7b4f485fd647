package id.kriyanusa.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A visitor sees the seeded villages through the GraphQL API and on the home page, in both languages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class VillagesIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void graphQlListsTheSeededVillagesModelVillagesFirst() throws Exception {
        var response = new HttpTestClient(port).graphQl("{ villages { id slug name regency modelVillage modelProgrammeYear description { id en } } }");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> slugs = JsonPath.read(response.body(), "$.data.villages[*].slug");
        assertThat(slugs).hasSizeGreaterThanOrEqualTo(12).contains("semoyang", "banyumulek", "sukarara", "beleka", "pringgasela");
        assertThat(slugs.getFirst()).isEqualTo("semoyang");
        assertThat((Boolean) JsonPath.read(response.body(), "$.data.villages[0].modelVillage")).isTrue();
        assertThat((String) JsonPath.read(response.body(), "$.data.villages[0].description.en")).contains("tobacco");
        List<String> ids = JsonPath.read(response.body(), "$.data.villages[*].id");
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).doesNotContainOnlyDigits());
    }

    @Test
    void graphQlFindsAVillageBySlugAndAnswersNullForAnUnknownOne() throws Exception {
        var client = new HttpTestClient(port);
        var found = client.graphQl("{ village(slug: \"sukarara\") { name district specialities } }").body();
        assertThat((String) JsonPath.read(found, "$.data.village.district")).isEqualTo("Jonggat");
        assertThat((List<String>) JsonPath.read(found, "$.data.village.specialities")).contains("songket");

        var missing = client.graphQl("{ village(slug: \"tidak-ada\") { name } }").body();
        assertThat((Object) JsonPath.read(missing, "$.data.village")).isNull();
    }

    @Test
    void homePageShowsVillagesInIndonesianByDefaultAndInEnglishOnRequest() throws Exception {
        var client = new HttpTestClient(port);
        var indonesian = client.get("/");
        assertThat(indonesian.statusCode()).isEqualTo(200);
        assertThat(indonesian.body()).contains("lang=\"id\"", "Desa industri percontohan", "Semoyang", "Banyumulek");

        var english = client.get("/?lang=en");
        assertThat(english.body()).contains("lang=\"en\"", "Model industrial village", "Lombok's pottery centre");
    }
}
