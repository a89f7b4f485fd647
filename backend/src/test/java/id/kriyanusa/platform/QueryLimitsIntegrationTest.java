package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One request cannot ask for unbounded work: body size, depth, estimated cost and aliases
 * are capped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class QueryLimitsIntegrationTest {

    @LocalServerPort
    int port;

    String send(String document) throws Exception {
        return new HttpTestClient(port).graphQl(document).body();
    }

    static List<String> errors(String body) {
        return JsonPath.read(body, "$.errors[*].message");
    }

    @Test
    void ordinaryBrowsingFromVillagesToBrandsIsServed() throws Exception {
        var body = send(
                "{ villages(first: 12) { edges { node { name brands(first: 10) { totalCount edges { node { name village { name } } } } } } } }");
        assertThat(body).doesNotContain("\"errors\"");
        List<Integer> brandCounts = JsonPath.read(body, "$.data.villages.edges[*].node.brands.totalCount");
        assertThat(brandCounts.stream().mapToInt(Integer::intValue).sum()).isPositive();
    }

    @Test
    void tooDeepAQueryIsRefusedBeforeRunning() throws Exception {
        var nested = "{ villages(first: 1) { edges { node { " + "brands(first: 1) { edges { node { village { ".repeat(4)
                + "name" + " } } } }".repeat(4) + " } } } }";
        var body = send(nested);
        assertThat(errors(body)).anySatisfy(message -> assertThat(message).containsIgnoringCase("depth"));
        assertThat(body).doesNotContain("\"data\"");
    }

    @Test
    void aQueryWhosePagesMultiplyBeyondTheBudgetIsRefused() throws Exception {
        var body = send(
                "{ villages(first: 100) { edges { node { brands(first: 100) { edges { node { name slug tagline } } } } } } }");
        assertThat(errors(body)).anySatisfy(message -> assertThat(message).containsIgnoringCase("complexity"));
        assertThat(body).doesNotContain("\"data\"");
    }

    @Test
    void repeatingAFieldUnderManyAliasesIsRefused() throws Exception {
        var body = send("{ " + aliasedVillageCounts(31) + " }");
        assertThat(errors(body)).anySatisfy(message -> assertThat(message).contains("uses 31 aliases"));
        assertThat(body).doesNotContain("totalCount\":");
    }

    @Test
    void aliasesUpToTheLimitAreAnsweredAndCountedOnce() throws Exception {
        var body = send("{ " + aliasedVillageCounts(16) + " }");
        assertThat(body).doesNotContain("\"errors\"");
        assertThat((Integer) JsonPath.read(body, "$.data.v15.totalCount")).isPositive();
    }

    private static String aliasedVillageCounts(int aliases) {
        return IntStream.range(0, aliases)
            .mapToObj(i -> "v" + i + ": villages(first: 1) { totalCount }")
            .collect(Collectors.joining(" "));
    }

    @Test
    void requestBodiesAboveFourMegabytesAreRefusedUnread() throws Exception {
        var response = new HttpTestClient(port).graphQl("{ villages { totalCount } }",
                Map.of("padding", "x".repeat(5_000_000)), null);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void unknownFieldsAreReportedAsValidationErrors() throws Exception {
        var body = new HttpTestClient(port).graphQl("{ villages { edges { node { password } } } }", Map.of(), null)
            .body();
        assertThat(errors(body)).anySatisfy(message -> assertThat(message).contains("password"));
    }

    @Test
    void manyExpensiveSearchesInOneRequestAreRefusedBeforeAnyRuns() throws Exception {
        var search = "searchProducts(query: \"tenun\", first: 1) "
                + "{ totalCount didYouMean facets { categories { value } } }";
        var body = send(
                "{ " + IntStream.range(0, 15).mapToObj(i -> "s" + i + ": " + search).collect(Collectors.joining(" "))
                        + " }");
        assertThat((String) JsonPath.read(body, "$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
        assertThat(errors(body)).anySatisfy(message -> assertThat(message).contains("375 units of search work"));
        assertThat(body).doesNotContain("\"data\"");

        var one = send("{ " + search + " }");
        assertThat(one).doesNotContain("\"errors\"");
        assertThat((Integer) JsonPath.read(one, "$.data.searchProducts.totalCount")).isPositive();
    }

}
