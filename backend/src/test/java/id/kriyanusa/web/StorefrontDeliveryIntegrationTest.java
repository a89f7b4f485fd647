package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * How the storefront travels: compressed, with a stylesheet phones keep for a year, a
 * language switch that keeps the search, and what search engines and link previews read
 * (canonical and alternate-language addresses, a description and an image per page,
 * robots.txt).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StorefrontDeliveryIntegrationTest {

    static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/kriyanusa-[0-9a-f]{32}\\.css)\"");

    static final Pattern FAVICON = Pattern
        .compile("<link rel=\"icon\" type=\"image/svg\\+xml\" href=\"(/favicon-[0-9a-f]{32}\\.svg)\">");

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
    }

    @Test
    void pagesTravelCompressedWithAStylesheetKeptForAYear() throws Exception {
        var home = api.http().get("/", "Accept-Encoding", "gzip");
        assertThat(home.headers().firstValue("Content-Encoding")).contains("gzip");

        var stylesheet = STYLESHEET.matcher(api.http().get("/").body());
        assertThat(stylesheet.find()).as("a stylesheet address carrying its content's hash").isTrue();
        var css = api.http().get(stylesheet.group(1), "Accept-Encoding", "gzip");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("max-age=31536000", "immutable").doesNotContain("no-store"));
    }

    @Test
    void theFaviconIsThereAndKeptForAYear() throws Exception {
        var favicon = FAVICON.matcher(api.http().get("/produk/kendi-maling-polos-banyumulek").body());
        assertThat(favicon.find()).as("a favicon address carrying its content's hash").isTrue();
        var icon = api.http().get(favicon.group(1));
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type"))
            .hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
        assertThat(icon.headers().firstValue("Cache-Control"))
            .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000", "immutable"));
    }

    /** What an integrator's client receives from the API, when it accepts gzip. */
    @Test
    void theApiAnswersCompressed() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
            .header("Content-Type", "application/json")
            .header("Accept", "application/graphql-response+json")
            .header("Accept-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofString(
                    "{\"query\": \"{ products(first: 20) { edges { node { slug title { indonesian english } } } } }\"}"))
            .build();
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/graphql-response+json");
            assertThat(response.headers().firstValue("Content-Encoding")).contains("gzip");
            var json = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(json).startsWith("{\"data\":{\"products\":");
        }
    }

    /**
     * What a buyer's phone downloads, compressed, before images: the stylesheet once
     * (then cached) and five pages.
     */
    @Test
    void aFivePageWalkOnAPhoneStaysLight() throws Exception {
        // run first in a fresh JVM, the walk would search while the indices are built
        api.http().awaitReady();
        var stylesheet = STYLESHEET.matcher(api.http().get("/").body());
        assertThat(stylesheet.find()).isTrue();
        var css = compressed(stylesheet.group(1));
        var walk = css;
        var product = 0;
        for (var path : List.of("/", "/cari?q=kendi", "/produk/kendi-maling-polos-banyumulek",
                "/merek/gerabah-banyumulek-lestari", "/desa/banyumulek")) {
            var page = compressed(path);
            System.out.printf("compressed %s: %d bytes%n", path, page);
            walk += page;
            product = path.startsWith("/produk/") ? page : product;
        }
        System.out.printf("compressed stylesheet %d bytes, five-page walk %d bytes%n", css, walk);
        assertThat(product + css).as("product page with its stylesheet").isLessThanOrEqualTo(15 * 1024);
        assertThat(walk).as("five pages and the stylesheet").isLessThanOrEqualTo(60 * 1024);
    }

    private int compressed(String path) throws Exception {
        var response = api.http().getBytes(path, "Accept-Encoding", "gzip", "Accept", "text/html,*/*");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Encoding")).as(path).contains("gzip");
        return response.body().length;
    }

    @Test
    void switchingLanguageKeepsTheSearchAndItsFilters() throws Exception {
        var search = api.http().get("/cari?q=tas+anyaman&desa=semoyang").body();
        assertThat(search).contains("href=\"/cari?q=tas+anyaman&amp;desa=semoyang&amp;lang=en\"");
    }

    @Test
    void theLanguageIsPartOfTheAddressAndEnglishPagesStayEnglish() throws Exception {
        var english = api.http().get("/produk/kendi-maling-polos-banyumulek?lang=en");
        assertThat(english.body())
            .contains("href=\"/merek/gerabah-banyumulek-lestari?lang=en\"",
                    "<input type=\"hidden\" name=\"lang\" value=\"en\">")
            .containsPattern("href=\"/css/kriyanusa-[0-9a-f]{32}\\.css\"");
        assertThat(english.headers().allValues("Set-Cookie")).as("no language cookie").isEmpty();
        assertThat(api.http().get("/produk/kendi-maling-polos-banyumulek").body()).contains("lang=\"id\"");

        var visitor = new FormBrowser(port);
        visitor.get("/masuk?lang=en");
        var signedIn = visitor.post("/masuk?lang=en",
                Map.of("email", ApiClient.PRODUCER, "password", ApiClient.DEMO_PASSWORD));
        assertThat(signedIn.headers().firstValue("Location"))
            .hasValueSatisfying(to -> assertThat(to).endsWith("/dasbor?lang=en"));
    }

    @Test
    void aProductPageNamesItsAddressesAndPreviewsWhenShared() throws Exception {
        var page = api.http().get("/produk/kendi-maling-polos-banyumulek?lang=en").body();
        var base = "http://127.0.0.1:" + port;
        // Each language version names itself canonical and points to the other (as search
        // engines ask).
        assertThat(page).contains(
                "<link rel=\"canonical\" href=\"" + base + "/produk/kendi-maling-polos-banyumulek?lang=en\">",
                "hreflang=\"id\" href=\"" + base + "/produk/kendi-maling-polos-banyumulek\"",
                "<meta property=\"og:title\" content=\"Kendi maling water jug, plain\">",
                "<meta name=\"description\" content=\"The Lombok jug you fill through a hole in its base");
        assertThat(api.http().get("/desa/semoyang").body())
            .contains("<meta property=\"og:title\" content=\"Semoyang\">");
    }

    @Test
    void theWhatsAppMessageCarriesTheProductsPriceAndLink() throws Exception {
        var page = api.http().get("/produk/kendi-maling-polos-banyumulek").body();
        var button = Pattern.compile("rel=\"nofollow\"\\s+href=\"(/produk/[^\"]+/whatsapp)\"").matcher(page);
        assertThat(button.find()).as("the button goes through the portal, which counts the tap").isTrue();
        var tap = api.http().get(button.group(1));
        assertThat(tap.statusCode()).isEqualTo(303);
        var link = tap.headers().firstValue("Location").orElseThrow();
        assertThat(link).startsWith("https://wa.me/62");
        var message = URLDecoder.decode(link, StandardCharsets.UTF_8);
        assertThat(message).containsPattern("\\(Rp \\d{1,3}(\\.\\d{3})*\\)")
            .endsWith("http://127.0.0.1:" + port + "/produk/kendi-maling-polos-banyumulek");
    }

    @Test
    void robotsKeepSearchEnginesOutOfTheWorkspaceAndConsole() throws Exception {
        var robots = api.http().get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.body())
            .contains("Disallow: /dasbor", "Disallow: /kelola", "Disallow: /akun", "Disallow: /produk/*/whatsapp",
                    "Disallow: /merek/*/whatsapp", "Disallow: /pesan")
            .doesNotContain("Disallow: /produk\n", "Disallow: /merek\n");
    }

}
