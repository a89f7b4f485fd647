package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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

    @Test
    void storefrontPagesAreUsableOnAPhoneInBothLanguages() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            for (var language : new String[] { "", "lang=en" }) {
                for (var path : new String[] { "/", "/cari?q=tas+anyaman", "/desa/semoyang",
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

            browser.open("/produk/kendi-maling-polos-banyumulek");
            var second = driver.findElement(By.cssSelector("dd.tags span + span"));
            assertThat(second.getText()).isEqualTo("bakar jerami");
            var before = ((JavascriptExecutor) driver)
                .executeScript("return getComputedStyle(arguments[0], '::before').content", second);
            assertThat(before).as("nothing written between two tags").isEqualTo("none");
        }
    }

    @Test
    void aBuyerTypesAPriceLimitSeesItUnderstoodAndRemovesIt() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/cari").driver();
            driver.findElement(By.id("q")).sendKeys("gerabah di bawah 100 ribu");
            browser.submit("form.search");

            var chip = driver.findElement(By.cssSelector(".understood .chips a"));
            assertThat(chip.getText()).contains("100.000");
            var prices = driver.findElements(By.cssSelector(".cards.products .price"))
                .stream()
                .map(price -> Long.parseLong(price.getText().replaceAll("\\D", "")))
                .toList();
            assertThat(prices).isNotEmpty().allMatch(price -> price <= 100_000);
            browser.assertUsable();

            browser.tap(chip);
            assertThat(driver.findElement(By.id("q")).getAttribute("value")).isEqualTo("gerabah");
            assertThat(driver.findElements(By.cssSelector(".understood"))).isEmpty();
            assertThat(driver.findElements(By.cssSelector(".cards.products .price"))
                .stream()
                .map(price -> Long.parseLong(price.getText().replaceAll("\\D", ""))))
                .anyMatch(price -> price > 100_000);
            browser.assertUsable();
        }
    }

    @Test
    void aProducerSignsInByTypingAndReachesTheDashboard() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys("produsen@kriyanusa.test");
            driver.findElement(By.name("password")).sendKeys("kriyanusa-demo");
            browser.tap(driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")));

            assertThat(driver.getCurrentUrl()).endsWith("/dasbor");
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Koperasi Kriya Tembakau Semoyang");
            browser.assertUsable();
        }
    }

}
