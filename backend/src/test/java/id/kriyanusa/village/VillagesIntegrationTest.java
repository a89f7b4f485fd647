package id.kriyanusa.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A visitor sees the seeded villages through the GraphQL API and on the home page, in
 * both languages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class VillagesIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void graphQlListsTheSeededVillagesModelVillagesFirst() throws Exception {
        var response = new HttpTestClient(port).graphQl(
                "{ villages(first: 100) { totalCount edges { node { id slug name regency modelVillage modelProgrammeYear description { indonesian english } } } } }");

        assertThat(response.statusCode()).isEqualTo(200);
        List<String> slugs = JsonPath.read(response.body(), "$.data.villages.edges[*].node.slug");
        assertThat(slugs).hasSizeGreaterThanOrEqualTo(12)
            .contains("semoyang", "banyumulek", "sukarara", "beleka", "pringgasela");
        assertThat((Integer) JsonPath.read(response.body(), "$.data.villages.totalCount")).isEqualTo(slugs.size());
        // other tests may add villages: what holds is that model villages, Semoyang among
        // them, come first
        List<Boolean> model = JsonPath.read(response.body(), "$.data.villages.edges[*].node.modelVillage");
        assertThat(model.indexOf(false)).isGreaterThan(slugs.indexOf("semoyang"));
        assertThat(model.subList(model.indexOf(false), model.size())).doesNotContain(true);
        assertThat((String) JsonPath.read(response.body(),
                "$.data.villages.edges[%d].node.description.english".formatted(slugs.indexOf("semoyang"))))
            .contains("tobacco");
        List<String> ids = JsonPath.read(response.body(), "$.data.villages.edges[*].node.id");
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).doesNotMatch("\\d+"));
    }

    @Test
    void clientsPageThroughVillagesWithCursorsAndFilters() throws Exception {
        var client = new HttpTestClient(port);
        var first = client
            .graphQl("{ villages(first: 5) { edges { node { slug } } pageInfo { hasNextPage endCursor } } }")
            .body();
        List<String> firstPage = JsonPath.read(first, "$.data.villages.edges[*].node.slug");
        assertThat(firstPage).hasSize(5);
        assertThat((Boolean) JsonPath.read(first, "$.data.villages.pageInfo.hasNextPage")).isTrue();

        String cursor = JsonPath.read(first, "$.data.villages.pageInfo.endCursor");
        var second = client.graphQl("{ villages(first: 5, after: \"" + cursor + "\") { edges { node { slug } } } }")
            .body();
        List<String> secondPage = JsonPath.read(second, "$.data.villages.edges[*].node.slug");
        assertThat(secondPage).hasSize(5).doesNotContainAnyElementsOf(firstPage);

        var lombokTengah = client
            .graphQl("{ villages(filter: { regencies: [\"Lombok Tengah\"] }) { edges { node { regency } } } }")
            .body();
        List<String> regencies = JsonPath.read(lombokTengah, "$.data.villages.edges[*].node.regency");
        assertThat(regencies).isNotEmpty().containsOnly("Lombok Tengah");
    }

    @Test
    void pagesLargerThanOneHundredAreRefusedWithAClassifiedError() throws Exception {
        var body = new HttpTestClient(port).graphQl("{ villages(first: 500) { totalCount } }").body();
        assertThat((String) JsonPath.read(body, "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat((String) JsonPath.read(body, "$.errors[0].message")).contains("100");
    }

    @Test
    void negativePagesAndMalformedCursorsAreRefusedWithAClassifiedError() throws Exception {
        var client = new HttpTestClient(port);
        var negative = client.graphQl("{ villages(first: -1) { totalCount } }").body();
        assertThat((String) JsonPath.read(negative, "$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat((String) JsonPath.read(negative, "$.errors[0].message")).contains("100");
        // not base64, and a cursor of the earlier format ("pos:4")
        for (var cursor : List.of("%%%", "cG9zOjQ")) {
            var malformed = client.graphQl("{ villages(after: \"" + cursor + "\") { totalCount } }").body();
            assertThat((String) JsonPath.read(malformed, "$.errors[0].extensions.classification"))
                .isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void aPageKnowsItsNeighboursAndTheTotalEvenPastTheEnd() throws Exception {
        var client = new HttpTestClient(port);
        var query = "query($after: String) { villages(first: 5, after: $after) { totalCount "
                + "pageInfo { hasPreviousPage hasNextPage startCursor endCursor } edges { cursor } } }";
        var first = client.graphQl(query, Map.of(), null).body();
        long total = ((Number) JsonPath.read(first, "$.data.villages.totalCount")).longValue();
        assertThat((Boolean) JsonPath.read(first, "$.data.villages.pageInfo.hasPreviousPage")).isFalse();
        String endCursor = JsonPath.read(first, "$.data.villages.pageInfo.endCursor");
        assertThat((String) JsonPath.read(first, "$.data.villages.edges[4].cursor")).isEqualTo(endCursor);

        var second = client.graphQl(query, Map.of("after", endCursor), null).body();
        assertThat((Boolean) JsonPath.read(second, "$.data.villages.pageInfo.hasPreviousPage")).isTrue();
        assertThat(((Number) JsonPath.read(second, "$.data.villages.totalCount")).longValue()).isEqualTo(total);

        var none = client.graphQl("{ villages(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage } } }")
            .body();
        assertThat((List<Object>) JsonPath.read(none, "$.data.villages.edges")).isEmpty();
        assertThat(((Number) JsonPath.read(none, "$.data.villages.totalCount")).longValue()).isEqualTo(total);
    }

    @Test
    void graphQlFindsAVillageBySlugAndAnswersNullForAnUnknownOne() throws Exception {
        var client = new HttpTestClient(port);
        var found = client.graphQl("{ village(slug: \"sukarara\") { name district specialities } }").body();
        assertThat((String) JsonPath.read(found, "$.data.village.district")).isEqualTo("Jonggat");
        assertThat((List<String>) JsonPath.read(found, "$.data.village.specialities")).contains("songket");

        String id = JsonPath.read(client.graphQl("{ village(slug: \"sukarara\") { id } }").body(), "$.data.village.id");
        var byId = client.graphQl("{ node(id: \"" + id + "\") { ... on Village { name } } }").body();
        assertThat((String) JsonPath.read(byId, "$.data.node.name")).isEqualTo("Sukarara");

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
        assertThat(english.body()).contains("lang=\"en\"", "Model industrial village",
                "pottery centre: kendi maling water jugs");
    }

}
