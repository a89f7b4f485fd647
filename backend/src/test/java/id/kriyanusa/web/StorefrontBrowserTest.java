package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.search.internal.IndicesBuilt;
import id.kriyanusa.search.internal.SearchIndices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages a buyer and a producer meet first, on a 360 px phone in headless Chromium, in
 * Indonesian and English: each passes axe-core without a serious or critical violation
 * and fits the screen; signing in works by typing and tapping, without JavaScript.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StorefrontBrowserTest {

    @LocalServerPort
    int port;

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
    void storefrontPagesAreUsableOnAPhoneInBothLanguages() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            for (var language : new String[] { "", "lang=en" }) {
                for (var path : new String[] { "/", "/cari?q=tas+anyaman", "/cari?q=kipas+lombok", "/desa/semoyang",
                        "/merek/koperasi-kriya-tembakau-semoyang", "/masuk" }) {
                    var separator = path.contains("?") ? "&" : "?";
                    browser.open(language.isEmpty() ? path : path + separator + language).assertUsable();
                }
            }
        }
    }

    @Test
    void theHeaderSearchIsWideAndReadableAndTagsStandApart() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/").driver();
            var search = driver.findElement(By.cssSelector(".header-search input"));
            assertThat(search.getSize().getWidth()).as("header search width at 360 px").isGreaterThan(250);
            // below 16 px, phones zoom the page in when the field is tapped
            assertThat(search.getCssValue("font-size")).isEqualTo("16px");
            var button = driver.findElement(By.cssSelector(".header-search button[type=submit]"));
            assertThat(button.getText()).isEqualTo("Cari");
            assertThat(button.getRect().getX() + button.getRect().getWidth()).as("the button at 360 px")
                .isLessThanOrEqualTo(360);
            search.sendKeys("kendi");
            browser.tap(button);
            assertThat(driver.getCurrentUrl()).contains("/cari?q=kendi");
            browser.open("/?lang=en");
            button = driver.findElement(By.cssSelector(".header-search button[type=submit]"));
            assertThat(button.getText()).isEqualTo("Search");
            assertThat(button.getRect().getX() + button.getRect().getWidth()).isLessThanOrEqualTo(360);
            assertThat(driver.findElement(By.cssSelector(".header-search input[type=search]")).getSize().getWidth())
                .isGreaterThan(200);
            browser.assertUsable();

            browser.open("/produk/kendi-maling-polos-banyumulek");
            var second = driver.findElement(By.cssSelector("dd.tags span + span"));
            assertThat(second.getText()).isEqualTo("bakar jerami");
            var before = ((JavascriptExecutor) driver)
                .executeScript("return getComputedStyle(arguments[0], '::before').content", second);
            assertThat(before).as("nothing written between two tags").isEqualTo("none");
        }
    }

    /**
     * A keyboard user's first Tab offers to skip the header, shown when focused; taking
     * it, the next Tab is in the page's own content (a search result, not the header's
     * links).
     */
    @Test
    void theFirstTabSkipsTheHeader() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/cari?q=kendi&lang=en").driver();
            driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
            var skip = driver.switchTo().activeElement();
            assertThat(skip.getText()).isEqualTo("Skip to content");
            assertThat(skip.getLocation().getX()).as("shown when focused").isGreaterThanOrEqualTo(0);
            skip.sendKeys(Keys.ENTER);
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            var next = driver.switchTo().activeElement();
            assertThat((Boolean) ((JavascriptExecutor) driver)
                .executeScript("return arguments[0].closest('main') !== null", next)).as(next.getText()).isTrue();
        }
    }

    @Test
    void aLongNameInTheHeaderIsCutShortAndSigningOutStaysOnOneLine() throws Exception {
        var email = ApiClient.unique("baiq") + "@contoh.id";
        var name = "Baiq Nurul Hidayati Kusumawardhani Lestari";
        // from an address of its own: sign-ups are limited per address
        var signedUp = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.36.1"))).mutate("""
                mutation($input: RegisterInput!) { register(input: $input) { userErrors { code } } }""",
                Map.of("email", email, "password", "tenun-sukarara-2026", "displayName", name, "role", "BUYER"), null);
        assertThat(signedUp).contains("\"userErrors\":[]");
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(email);
            driver.findElement(By.name("password")).sendKeys("tenun-sukarara-2026");
            browser.submit("main form");
            assertThat(driver.getCurrentUrl()).as(() -> driver.findElement(By.tagName("main")).getText())
                .doesNotContain("/masuk");
            for (var page : new String[] { "/", "/?lang=en" }) {
                browser.open(page);
                var account = driver.findElement(By.cssSelector(".account-name"));
                assertThat(account.getAttribute("title")).isEqualTo(name);
                assertThat(lines(driver, account)).as("the name's lines on %s", page).isEqualTo(1);
                assertThat(lines(driver, driver.findElement(By.cssSelector(".account button"))))
                    .as("the sign-out button's lines on %s", page)
                    .isEqualTo(1);
                browser.assertUsable();
            }
        }
    }

    /**
     * A word longer than the phone is wide (an address pasted into a tagline, a story
     * typed without spaces) breaks rather than widening the brand page.
     */
    @Test
    void aLongUnbrokenWordInABrandsTextsWrapsOnAPhone() throws Exception {
        var api = new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.36.2")));
        var token = api.signUp(ApiClient.unique("panjang") + "@contoh.id", "BUYER");
        var slug = ApiClient.unique("panjang");
        var word = "https://contoh.id/" + "anyaman".repeat(19);
        var created = api.mutate(
                "mutation($input: CreateBrandInput!) { createBrand(input: $input) { brand { id } userErrors { code } } }",
                ApiClient.readyForVerification(Map.of("name", "Kelompok " + slug, "slug", slug, "legalForm",
                        "KELOMPOK_PENGRAJIN", "villageSlug", "banyumulek", "tagline", word, "story",
                        ApiClient.text("Kami menganyam " + word, "We weave " + word))),
                token);
        String id = JsonPath.read(created, "$.data.createBrand.brand.id");
        api.submitAndVerify(id, token);
        try (var browser = BrowserSession.phone(port)) {
            for (var page : new String[] { "/merek/" + slug, "/merek/" + slug + "?lang=en" }) {
                var driver = browser.open(page).driver();
                assertThat(driver.findElement(By.tagName("main")).getText()).contains("anyamananyaman");
                browser.assertUsable();
            }
        }
    }

    /** How many lines an element's text takes on the screen. */
    private static long lines(WebDriver driver, WebElement element) {
        return (Long) ((JavascriptExecutor) driver).executeScript("""
                const range = document.createRange();
                range.selectNodeContents(arguments[0]);
                // pieces of text on one line (the visible part, the ellipsis) share their top
                return new Set([...range.getClientRects()].map(piece => Math.round(piece.top))).size;""", element);
    }

    @Test
    void aBuyerTypesAPriceLimitSeesItUnderstoodAndRemovesIt() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var chip = searchAndReadTheChip(browser, "/cari", "gerabah di bawah 100 ribu");
            var driver = browser.driver();
            assertThat(chip.getText()).contains("100.000");
            var prices = driver.findElements(By.cssSelector(".cards.products .price"))
                .stream()
                .map(price -> Long.parseLong(price.getText().replaceAll("\\D", "")))
                .toList();
            assertThat(prices).isNotEmpty().allMatch(price -> price <= 100_000);
            browser.assertUsable();

            removeTheChip(browser, chip, "gerabah");
            assertThat(driver.findElements(By.cssSelector(".cards.products .price"))
                .stream()
                .map(price -> Long.parseLong(price.getText().replaceAll("\\D", ""))))
                .anyMatch(price -> price > 100_000);
            browser.assertUsable();
        }
    }

    @Test
    void aBuyerLooksForPotteryNearATownAndWidensTheSearch() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var chip = searchAndReadTheChip(browser, "/cari", "gerabah dekat Mataram");
            var driver = browser.driver();
            assertThat(chip.getText()).contains("Dekat Mataram", "15 km");
            // Penujak's potters work 25 km from the city
            assertThat(wherePeopleMake(driver)).isNotEmpty().noneMatch(place -> place.contains("Penujak"));
            long near = count(driver);
            browser.assertUsable();

            removeTheChip(browser, chip, "gerabah");
            assertThat(count(driver)).isGreaterThan(near);
        }
    }

    @Test
    void aBuyerWhoFindsNothingNearAVillageTapsTheNextDistance() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            for (var language : List.of("", "&lang=en")) {
                browser.open("/cari?q=zqxwvut&dekat=banyumulek&radius=10" + language).assertUsable();
                browser.tap(browser.driver().findElement(By.cssSelector(".empty a[href*='radius=25']")));
                assertThat(browser.driver().getCurrentUrl()).contains("radius=25");
                assertThat(browser.driver().findElement(By.cssSelector("#radius option[value='25']")).isSelected())
                    .isTrue();
            }
            // prices that exclude each other are named, with both limits to remove
            browser.open("/cari?q=kendi+di+atas+200+ribu+di+bawah+50+ribu").assertUsable();
            assertThat(browser.driver().findElement(By.cssSelector(".empty [role=alert]")).getText())
                .contains("Harga terendah yang Anda minta");
            assertThat(browser.driver().findElements(By.cssSelector(".understood .chips a"))).hasSize(2);
        }
    }

    /**
     * "Harga 50 ribuan" is a price, fifty-something thousand: one chip naming both
     * limits, the products in that range, and the chip takes the price away.
     */
    @Test
    void aBuyerTypesAnApproximatePriceSeesItAsARangeAndRemovesIt() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var chip = searchAndReadTheChip(browser, "/cari", "gerabah harga 50 ribuan");
            var driver = browser.driver();
            assertThat(driver.findElements(By.cssSelector(".understood .chips a")).stream().map(WebElement::getText))
                .containsExactly("Harga ≥ Rp 50.000, Harga ≤ Rp 59.999 ✕");
            assertThat(prices(driver)).isNotEmpty().allMatch(price -> price >= 50_000 && price <= 59_999);
            browser.assertUsable();

            removeTheChip(browser, chip, "gerabah");
            assertThat(prices(driver)).anyMatch(price -> price < 50_000 || price > 59_999);
        }
    }

    /**
     * Nothing found near a place typed in the words: the next distance is one tap away,
     * and the words then say it. Sembalun has no weavers within 15 km; Pringgasela's are
     * 23 km away.
     */
    @Test
    void aBuyerWhoFindsNothingNearAPlaceTypedTapsTheNextDistance() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            for (var language : List.of("", "?lang=en")) {
                var chip = searchAndReadTheChip(browser, "/cari" + language, "tenun dekat Sembalun");
                var driver = browser.driver();
                assertThat(chip.getText()).contains("15 km");
                assertThat(count(driver)).isZero();
                browser.assertUsable();
                var wider = driver.findElement(By.cssSelector(".empty a[href*='25%20km']"));
                assertThat(wider.getText())
                    .isEqualTo(language.isEmpty() ? "Cari lebih jauh, dalam 25 km" : "Search further, within 25 km");
                browser.tap(wider);
                assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo(
                        language.isEmpty() ? "tenun dekat Sembalun dalam 25 km" : "tenun dekat Sembalun within 25 km");
                assertThat(driver.findElement(By.cssSelector(".understood .chips a")).getText()).contains("25 km");
                assertThat(wherePeopleMake(driver)).isNotEmpty().allMatch(place -> place.contains("Pringgasela"));
            }
        }
    }

    @Test
    void aVisitorLooksForSongketNearTheResortInEnglishAndWidensTheSearch() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            // Mandalika has no village of the portal; Rembitan's weavers are 6 km away,
            // Sukarara's 24
            var chip = searchAndReadTheChip(browser, "/cari?lang=en", "songket near Mandalika");
            var driver = browser.driver();
            assertThat(chip.getText()).contains("Near Mandalika", "15 km");
            assertThat(wherePeopleMake(driver)).isNotEmpty().allMatch(place -> place.contains("Rembitan"));
            long near = count(driver);
            browser.assertUsable();

            removeTheChip(browser, chip, "songket");
            assertThat(count(driver)).isGreaterThan(near);
            assertThat(wherePeopleMake(driver)).anyMatch(place -> place.contains("Sukarara"));
        }
    }

    /**
     * On a phone, a search whose words name a place and a price shows what they were read
     * as and the first products on the first screen; the brands and villages matching the
     * same words come after the products.
     */
    @Test
    void aBuyerSeesTheFirstProductsOnAPhonesFirstScreen() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            for (var language : List.of("", "&lang=en")) {
                var driver = browser.open("/cari?q=sogket+dari+sukarara+di+bawah+1+juta" + language).driver();
                var screen = ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerHeight"))
                    .intValue();
                var chips = driver.findElement(By.cssSelector(".understood .chips"));
                var products = driver.findElements(By.cssSelector(".cards.products .card"));
                assertThat(products).isNotEmpty();
                assertThat(chips.getRect().getY()).as("the chips' top on a %d px screen", screen).isLessThan(screen);
                assertThat(products.getFirst().getRect().getY())
                    .as("the first product's top, and the top of its picture, on a %d px screen", screen)
                    .isLessThan(screen - 40);
                var box = driver.findElement(By.cssSelector("form.search input[type=search]"));
                var button = driver.findElement(By.cssSelector("form.search > button[type=submit]"));
                assertThat(button.getRect().getY()).as("the search button beside the box, not below it")
                    .isLessThan(box.getRect().getY() + box.getRect().getHeight());
                var strips = driver.findElement(By.cssSelector(".strips"));
                assertThat(strips.getText()).contains("Sukarara");
                assertThat(strips.getRect().getY()).as("the brands and villages after the products")
                    .isGreaterThan(products.getLast().getRect().getY());
                browser.assertUsable();
            }
        }
    }

    /**
     * Searches from the search page at {@code path} as a buyer types and reads the
     * condition understood.
     */
    private static WebElement searchAndReadTheChip(BrowserSession browser, String path, String query) {
        var driver = browser.open(path).driver();
        driver.findElement(By.id("q")).sendKeys(query);
        browser.submit("form.search");
        return driver.findElement(By.cssSelector(".understood .chips a"));
    }

    /** Taps the chip: the search runs again with the words left. */
    private static void removeTheChip(BrowserSession browser, WebElement chip, String wordsLeft) {
        browser.tap(chip);
        assertThat(browser.driver().findElement(By.id("q")).getAttribute("value")).isEqualTo(wordsLeft);
        assertThat(browser.driver().findElements(By.cssSelector(".understood"))).isEmpty();
    }

    /** Where the products the results page lists are made, as their cards say. */
    private static List<String> wherePeopleMake(WebDriver driver) {
        return driver.findElements(By.cssSelector(".cards.products .meta")).stream().map(WebElement::getText).toList();
    }

    /** The prices of the products the results page lists, in rupiah. */
    private static List<Long> prices(WebDriver driver) {
        return driver.findElements(By.cssSelector(".cards.products .price"))
            .stream()
            .map(price -> Long.parseLong(price.getText().replaceAll("\\D", "")))
            .toList();
    }

    /** The number of products the results page says it found. */
    private static long count(WebDriver driver) {
        return Long.parseLong(driver.findElement(By.cssSelector(".count")).getText().replaceAll("\\D", ""));
    }

    @Test
    void aProducerSignsInByTypingAndReachesTheDashboard() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys("produsen@kriyanusa.test");
            driver.findElement(By.name("password")).sendKeys("kriyanusa-demo");
            browser
                .tap(driver.findElement(By.cssSelector("main form button[type=submit], main form input[type=submit]")));

            assertThat(driver.getCurrentUrl()).endsWith("/dasbor");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Koperasi Kriya Tembakau Semoyang");
            browser.assertUsable();
        }
    }

}
