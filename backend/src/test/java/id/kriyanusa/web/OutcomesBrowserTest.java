package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator on a 360 px phone follows the console's "Angka" link to the figures, scrolls
 * the villages table sideways with the villages' names staying in place, orders the
 * villages by products published without any script, tells the categories' totals from
 * the rows they add up, is told each table moves sideways (and moves it by keyboard), and
 * meets no serious or critical axe-core violation in either language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class OutcomesBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCuratorReadsTheFiguresOnAPhone() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys("kurator@kriyanusa.test");
            driver.findElement(By.name("password")).sendKeys("kriyanusa-demo");
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));
            browser.open("/kelola/verifikasi");
            browser.tap(driver.findElement(By.linkText("Angka")));

            assertThat(driver.getCurrentUrl()).endsWith("/kelola/angka");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Angka desa industri");
            assertThat(driver.findElement(By.cssSelector("figure svg title")).getAttribute("textContent"))
                .isEqualTo("Produk yang dilihat pembeli, per kabupaten");
            browser.assertUsable();

            // scrolled sideways, the villages table keeps each row's name in place, over
            // an
            // opaque background
            var table = driver.findElement(By.id("villages"));
            var scrolled = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                    var region = arguments[0].parentElement, name = arguments[0].querySelector('tbody th');
                    region.scrollLeft = 300;
                    return [region.scrollLeft, name.getBoundingClientRect().left - region.getBoundingClientRect().left,
                        getComputedStyle(name).backgroundColor];""", table);
            assertThat(((Number) scrolled.get(0)).intValue()).as("scrolled sideways").isPositive();
            assertThat(((Number) scrolled.get(1)).doubleValue()).as("the name column's offset").isBetween(-1.0, 1.0);
            assertThat((String) scrolled.get(2)).as("the name column's background").startsWith("rgb(");
            browser.assertUsable();
            aClerkSeesWhichCategoryRowsAreTotals(driver);
            eachTableSaysItScrollsAndKeepsItsCaptionWhole(driver);
            browser.tap(driver.findElement(By.linkText("produk dilihat pembeli")));
            assertThat(driver.getCurrentUrl()).contains("urut=PRODUCTS_SEEN_BY_BUYERS");
            browser.assertUsable();
            browser.open("/kelola/angka?lang=en").assertUsable();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Industrial village figures");
            assertThat(driver.findElement(By.cssSelector("#categories [data-category=kriya-tembakau] th")).getText())
                .isEqualTo("Tobacco Crafts (total)");
            assertThat(driver.findElement(By.className("scroll-hint")).getText())
                .isEqualTo("Swipe the table sideways to see more columns →");
        }
    }

    /**
     * A main category's bold row adds up the indented ones under it: its name says
     * "(jumlah)", and a note, which screen readers get as the table's description, says
     * to add up the bold rows only.
     */
    private static void aClerkSeesWhichCategoryRowsAreTotals(WebDriver driver) {
        var table = driver.findElement(By.id("categories"));
        assertThat(table.findElement(By.cssSelector("[data-category=kriya-tembakau] th")).getText())
            .isEqualTo("Kriya Tembakau (jumlah)");
        assertThat(table.findElement(By.cssSelector("[data-category=eco-print] th")).getText())
            .isEqualTo("Eco-print Daun Tembakau");
        var note = driver.findElement(By.id(table.getDomAttribute("aria-describedby")));
        assertThat(note.isDisplayed()).isTrue();
        assertThat(note.getText()).startsWith("Baris tebal adalah jumlah satu kategori utama")
            .contains("jumlahkan baris tebal saja");
    }

    /**
     * At 360 px every table says it moves sideways, its caption's words stay within the
     * box however far it is scrolled, and the keyboard scrolls it once it has the focus.
     */
    private static void eachTableSaysItScrollsAndKeepsItsCaptionWhole(WebDriver driver) {
        var regions = driver.findElements(By.cssSelector("main .table-scroll"));
        assertThat(regions).hasSizeGreaterThanOrEqualTo(5);
        for (var region : regions) {
            var caption = region.findElement(By.tagName("caption")).getText();
            assertThat(region.findElement(By.className("scroll-hint")).isDisplayed()).as("the hint above %s", caption)
                .isTrue();
            for (var scrolled : List.of(0, 300)) {
                var edges = (List<?>) ((JavascriptExecutor) driver).executeScript("""
                        var region = arguments[0], words = document.createRange();
                        region.scrollLeft = arguments[1];
                        words.selectNodeContents(region.querySelector('caption'));
                        var box = region.getBoundingClientRect(), text = words.getBoundingClientRect();
                        return [text.left - box.left, box.right - text.right];""", region, scrolled);
                assertThat(edges).as("the caption %s within its box, scrolled by %s", caption, scrolled)
                    .allSatisfy(edge -> assertThat(((Number) edge).doubleValue()).isGreaterThanOrEqualTo(-1.0));
            }
        }
        var categories = driver.findElement(By.id("categories")).findElement(By.xpath(".."));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollLeft = 0; arguments[0].focus();", categories);
        new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
        // the browser scrolls smoothly, after the keys are taken: a loaded machine shows
        // it later
        new WebDriverWait(driver, Duration.ofSeconds(5)).withMessage("scrolled by the keyboard")
            .until(any -> ((Number) ((JavascriptExecutor) driver).executeScript("return arguments[0].scrollLeft",
                    categories))
                .intValue() > 0);
    }

}
