package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import id.kriyanusa.platform.HttpTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A buyer searches from the search page, in English or Indonesian, with typos, and narrows the results. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class SearchPageIntegrationTest {

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void waitForTheIndex() throws Exception {
        http = new HttpTestClient(port);
        // the index is built from PostgreSQL in the background at start-up
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!page("/cari?q=gerabah").contains("href=\"/produk/") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
    }

    String page(String path) throws Exception {
        return http.get(path, "Accept", "text/html").body();
    }

    @Test
    void anEnglishQueryFindsIndonesianPotteryWithFacetsToNarrowIt() throws Exception {
        var body = page("/cari?q=pottery");
        assertThat(body).contains("href=\"/produk/", "name=\"kategori\" value=\"gerabah\"", "Banyumulek");
        assertThat(body).containsPattern("\\d+ produk");
    }

    @Test
    void aChosenFacetStaysTickedAndNarrowsTheResults() throws Exception {
        var all = page("/cari?q=tas");
        var narrowed = page("/cari?q=tas&kategori=ketak");
        assertThat(narrowed).containsPattern("value=\"ketak\" checked");
        assertThat(count(narrowed)).isPositive().isLessThan(count(all));
    }

    @Test
    void aMisspelledQueryIsAnsweredWithASuggestion() throws Exception {
        assertThat(page("/cari?q=" + URLEncoder.encode("grbah", StandardCharsets.UTF_8))).contains("Maksud Anda:", "href=\"/cari?q=gerabah\"");
    }

    @Test
    void aPriceThatIsNoNumberGetsAMessageNotAnErrorPage() throws Exception {
        var response = http.get("/cari?q=tas&hargaMin=murah", "Accept", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("periksa harga");
    }

    private static int count(String body) {
        var matcher = java.util.regex.Pattern.compile("(\\d+) produk</p>").matcher(body);
        assertThat(matcher.find()).as("the page says how many products it found").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
