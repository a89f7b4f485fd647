package id.kriyanusa.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.graphql.OffsetPage;
import id.kriyanusa.search.internal.Completions;
import id.kriyanusa.search.internal.IndicesBuilt;
import id.kriyanusa.search.internal.SearchAnalytics;
import id.kriyanusa.search.internal.SearchIndices;
import id.kriyanusa.search.internal.Searchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.util.UriUtils;

/**
 * Popular searches and the search box's suggestions count different searchers, not
 * searches: one client repeating a search shows it to nobody else, three clients (at
 * three addresses of the loopback network, as the portal sees visitors from elsewhere)
 * do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PopularSearchesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Completions completions;

    @Autowired
    SearchAnalytics analytics;

    @Autowired
    Searchers searchers;

    @Autowired
    ProductSearch search;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SearchIndices indices;

    /**
     * A search made before the first index is built answers "not yet" (and is not
     * recorded): run first after start-up, these tests waited for nothing.
     */
    @BeforeEach
    void awaitIndices() {
        IndicesBuilt.waitFor(indices);
    }

    @Test
    void oneClientRepeatingASearchDoesNotMakeItPopularButThreeClientsDo() throws Exception {
        // what the outside tester typed, with a price of this run's own: searches of
        // earlier runs kept in the database do not count
        var typed = "songket di bawah " + ThreadLocalRandom.current().nextInt(2_000, 9_000) + " ribu";
        var spammer = client("127.0.0.61");
        spammer.awaitReady();
        for (int i = 0; i < 30; i++) {
            assertThat(searchPage(spammer, typed).body()).as("search %d", i).contains("class=\"count\"");
        }
        completions.count(); // what the minute's count does
        assertThat(popularSearches()).doesNotContain(typed);
        assertThat(suggestedSearches(typed)).doesNotContain(typed);
        assertThat(searchPage(client("127.0.0.62"), "zqxwvut").body()).doesNotContain(encoded(typed));

        searchPage(client("127.0.0.62"), typed);
        var api = new ApiClient(client("127.0.0.63"));
        var found = api.query(SearchApi.SEARCH, Map.of("query", typed, "first", 5), null);
        assertThat(SearchApi.total(found)).as("it finds products").isPositive();
        completions.count();
        assertThat(popularSearches()).contains(typed);
        assertThat(suggestedSearches(typed)).contains(typed);
        // a search that finds nothing offers it (other test classes' searches from three
        // addresses could crowd it out of the few the page shows: none do)
        assertThat(searchPage(client("127.0.0.64"), "zqxwvut").body()).contains("Pencarian populer",
                "href=\"/cari?q=" + encoded(typed) + "\"");
    }

    @Test
    void searchesThatFoundNothingAreNotPopularHoweverManyAskedThem() throws Exception {
        var nothing = SearchApi.marker();
        for (var address : List.of("127.0.0.65", "127.0.0.66", "127.0.0.67")) {
            var client = client(address);
            client.awaitReady();
            assertThat(searchPage(client, nothing).statusCode()).isEqualTo(200);
        }
        completions.count();
        assertThat(popularSearches()).doesNotContain(nothing);
        // the department still sees them as searches that found nothing
        assertThat(analytics.top(Duration.ofDays(1), true, 100))
            .anySatisfy(stat -> assertThat(stat.query()).isEqualTo(nothing));
    }

    @Test
    void searchesMadeInProcessAreCountedForTheDepartmentButByNoSearcher() {
        var typed = "tenun ikat " + SearchApi.marker();
        for (int i = 0; i < 3; i++) {
            search.search(typed, null, null, new OffsetPage(0, 5), ProductSearchParts.COUNT, null);
        }
        completions.count();
        assertThat(analytics.top(Duration.ofDays(1), false, 1_000)).anySatisfy(
                stat -> assertThat(stat).returns(typed, SearchQueryStat::query).returns(3L, SearchQueryStat::searches));
        assertThat(jdbc.sql("select count(*) from search_query_searcher where query_text = ?")
            .param(typed)
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void theSaltsOfPastDaysAreDeletedSoNoSearcherCanBeTracedToAnAddress() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        jdbc.sql("insert into search_salt (day, salt) values (?, ?) on conflict do nothing")
            .params(today.minusDays(1), new byte[32])
            .update();
        searchPage(client("127.0.0.68"), "gerabah");
        analytics.flush();
        searchers.forgetPastDays();
        assertThat(jdbc.sql("select day from search_salt").query(LocalDate.class).list()).containsExactly(today);
    }

    // ---- helpers

    private HttpTestClient client(String address) throws Exception {
        return new HttpTestClient(port, InetAddress.getByName(address));
    }

    private static HttpResponse<String> searchPage(HttpTestClient client, String words) throws Exception {
        return client.get("/cari?q=" + encoded(words), "Accept", "text/html");
    }

    private static String encoded(String words) {
        return UriUtils.encodeQueryParam(words, StandardCharsets.UTF_8);
    }

    private List<String> popularSearches() throws Exception {
        var body = new HttpTestClient(port).graphQl("query { popularSearches(first: 20) }").body();
        return JsonPath.read(body, "$.data.popularSearches");
    }

    /** The popular searches the search box offers for what was typed. */
    private List<String> suggestedSearches(String prefix) throws Exception {
        var body = new HttpTestClient(port)
            .graphQl("query($prefix: String!) { suggest(prefix: $prefix, first: 20) { completions { text kind } } }",
                    Map.of("prefix", prefix), null)
            .body();
        return JsonPath.read(body, "$.data.suggest.completions[?(@.kind == 'POPULAR_SEARCH')].text");
    }

}
