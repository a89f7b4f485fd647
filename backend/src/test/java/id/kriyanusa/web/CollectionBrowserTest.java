package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator on a 360 px phone builds a collection by typing and tapping: creates it for
 * Sukarara, searches for weaving, adds two pieces, moves one down and publishes it; a
 * buyer then finds it on the home page and opens it, in both languages. Every page passes
 * axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class CollectionBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCuratorBuildsACollectionOnAPhoneAndABuyerOpensIt() throws Exception {
        var title = "Songket Pilihan " + ApiClient.unique("uji").substring(4, 12);
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(ApiClient.CURATOR);
            driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
            browser.submit("main form");
            browser.tap(driver.findElement(By.linkText("Kelola")));
            browser.tap(driver.findElement(By.linkText("Koleksi")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Koleksi kurator");
            browser.assertUsable();

            driver.findElement(By.id("titleId")).sendKeys(title);
            driver.findElement(By.id("storyId")).sendKeys("Songket tangan perempuan Sukarara.");
            new Select(driver.findElement(By.id("villageSlug"))).selectByValue("sukarara");
            browser.submit("main form.stacked");
            assertThat(text(driver)).contains("Koleksi dibuat");
            browser.assertUsable();

            // the search index is built in the background at start-up
            new WebDriverWait(driver, Duration.ofSeconds(90)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
                var box = d.findElement(By.id("q"));
                box.clear();
                box.sendKeys("tenun");
                browser.submit("form.search");
                return d.findElements(By.xpath("//button[normalize-space()='Tambah']")).size() >= 2;
            });
            browser.assertUsable();
            var first = driver.findElements(By.cssSelector("#cari .row-title")).get(0).getText();
            browser.tap(driver.findElements(By.xpath("//button[normalize-space()='Tambah']")).get(0));
            assertThat(text(driver)).contains("Produk ditambahkan ke koleksi");
            var second = driver
                .findElement(By.xpath("//li[.//button[normalize-space()='Tambah']]//*[@class='row-title']"))
                .getText();
            browser.tap(driver.findElements(By.xpath("//button[normalize-space()='Tambah']")).get(0));
            assertThat(chosen(driver)).containsExactly(first, second);

            browser.tap(driver.findElement(By.xpath("//ol[@id='produk']/li[1]//button[normalize-space()='Turun']")));
            assertThat(text(driver)).contains("Produk dipindah ke bawah");
            assertThat(chosen(driver)).containsExactly(second, first);
            browser.assertUsable();
            browser.tap(driver.findElement(By.xpath("//button[normalize-space()='Terbitkan koleksi']")));
            assertThat(text(driver)).contains("Koleksi terbit dan tampil untuk pembeli");
            browser
                .open(driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "") + "?lang=en")
                .assertUsable();
            browser.tap(driver.findElement(By.cssSelector("header form[action*='/keluar'] button[type=submit]")));

            // a buyer, signed out, finds it on the home page
            browser.open("/?lang=id");
            browser.tap(driver.findElement(By.linkText(title)));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(title);
            assertThat(driver.findElements(By.cssSelector(".card.product h3")).stream().map(WebElement::getText))
                .containsExactly(second, first);
            assertThat(text(driver)).contains("Songket tangan perempuan Sukarara.").doesNotContain("Belum terbit");
            browser.assertUsable();
            browser.open("/desa/sukarara");
            assertThat(driver.findElement(By.linkText(title)).isDisplayed()).isTrue();
            browser.assertUsable();
            browser.open("/?lang=en").assertUsable();
            assertThat(text(driver)).contains("Curators' collections", title);
        }
    }

    private static List<String> chosen(WebDriver driver) {
        return driver.findElements(By.cssSelector("#produk .row-title > a")).stream().map(WebElement::getText).toList();
    }

    /** Taps and waits for the next page, however slow the machine. */

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
