package id.kriyanusa.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * One client repeating searches spends its own budget of search work per minute (here
 * lowered to 60 units, two full searches and a bit), and is told when to come back;
 * another client is served as before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kriyanusa.graphql.limits.cost-per-minute=60")
@ActiveProfiles("demo")
class SearchBudgetIntegrationTest {

    static final String FULL_SEARCH = "{ searchProducts(query: \"gerabah\", first: 5) { totalCount didYouMean "
            + "facets { categories { value } } } }";

    @LocalServerPort
    int port;

    @Test
    void aClientThatSpentItsSearchBudgetWaitsWhileOthersAreServed() throws Exception {
        var greedy = new HttpTestClient(port, InetAddress.getByName("127.0.0.21"));
        greedy.awaitReady();
        assertThat(greedy.graphQl(FULL_SEARCH).body()).as("first search").doesNotContain("\"errors\"");
        assertThat(greedy.graphQl(FULL_SEARCH).body()).as("second search").doesNotContain("\"errors\"");

        var refused = greedy.graphQl(FULL_SEARCH).body();
        assertThat((String) JsonPath.read(refused, "$.errors[0].extensions.classification")).isEqualTo("RATE_LIMITED");
        assertThat((Boolean) JsonPath.read(refused, "$.errors[0].extensions.retryable")).isTrue();
        assertThat((Integer) JsonPath.read(refused, "$.errors[0].extensions.retryAfterSeconds")).isBetween(1, 60);

        var other = new HttpTestClient(port, InetAddress.getByName("127.0.0.22")).graphQl(FULL_SEARCH, Map.of(), null)
            .body();
        assertThat(other).as("another address").doesNotContain("\"errors\"");
        assertThat((Integer) JsonPath.read(other, "$.data.searchProducts.totalCount")).isPositive();
    }

    @Test
    void aBuyerWhoseNetworkSpentItsBudgetIsToldToWaitNotThatSearchIsDown() throws Exception {
        var buyer = new HttpTestClient(port, InetAddress.getByName("127.0.0.23"));
        buyer.awaitReady();
        var page = buyer.get("/cari?q=gerabah", "Accept", "text/html");
        for (int load = 0; load < 10 && page.statusCode() == 200; load++) {
            page = buyer.get("/cari?q=gerabah", "Accept", "text/html");
        }
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(page.headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        assertThat(page.body()).contains("Terlalu banyak pencarian dari jaringan Anda")
            .doesNotContain("tidak dapat dipakai")
            .contains("value=\"gerabah\"");
    }

}
