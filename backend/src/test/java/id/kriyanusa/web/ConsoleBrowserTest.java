package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator on a 360 px phone: signs in by typing, follows the header's console link to
 * the verification queue, sees the problem of a rejection without a note on screen, goes
 * on to the villages and a village's editor, and meets no serious or critical axe-core
 * violation in either language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCuratorReachesTheVerificationQueueAndTheVillagesFromTheHeader() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys("kurator@kriyanusa.test");
            driver.findElement(By.name("password")).sendKeys("kriyanusa-demo");
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));
            browser.tap(driver.findElement(By.linkText("Kelola")));

            assertThat(driver.getCurrentUrl()).endsWith("/kelola/verifikasi");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Antrean verifikasi merek");
            browser.assertUsable();

            // rejecting the second brand without a note: the page opens at that brand's
            // card,
            // its problem on screen
            var second = driver.findElement(By.cssSelector("article.queue-item:nth-of-type(2)"));
            var card = second.getAttribute("id");
            browser.tap(second.findElement(By.cssSelector("button.danger")));
            assertThat(driver.getCurrentUrl()).endsWith("/tolak#" + card);
            var problem = driver.findElement(By.id(card)).findElement(By.cssSelector(".problem"));
            assertThat(problem.getText()).contains("Tulis catatan untuk produsen");
            assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                    "var box = arguments[0].getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight;",
                    problem))
                .as("the problem is on screen")
                .isTrue();
            assertThat(driver.findElement(By.cssSelector("main > p.problem a")).getAttribute("href"))
                .endsWith("#" + card);
            browser.assertUsable();
            browser.open("/kelola/verifikasi?lang=en").assertUsable();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Brand verification queue");

            browser.tap(driver.findElement(By.linkText("Villages")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).as(driver.getCurrentUrl())
                .isEqualTo("Industrial villages");
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText("Semoyang")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Semoyang");
            browser.assertUsable();
            browser.open(driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "") + "?lang=id").assertUsable();
            browser.open("/kelola/desa?lang=id").assertUsable();
        }
    }

    /**
     * The console's forms to add a village, a programme or a collection sit under their
     * long lists: a refused one opens the page at its problems, each a link to its field.
     */
    @Test
    void aRefusedAdditionOpensAtItsProblems() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys("kurator@kriyanusa.test");
            driver.findElement(By.name("password")).sendKeys("kriyanusa-demo");
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));

            browser.open("/kelola/desa");
            driver.findElement(By.id("name")).sendKeys("Rembitan Baru");
            new Select(driver.findElement(By.id("regency"))).selectByIndex(1);
            driver.findElement(By.id("district")).sendKeys("Pujut");
            driver.findElement(By.id("location")).sendKeys("dekat Rembitan");
            browser.submitRefusedAddition("/kelola/desa");
            assertThat(driver.findElement(By.cssSelector("div.problem a")).getDomAttribute("href"))
                .isEqualTo("#location");

            browser.open("/kelola/program");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('startsOn').value = '2026-03-12';"
                    + "document.getElementById('endsOn').value = '2026-03-10';"
                    + "document.getElementById('indonesian').removeAttribute('required');"
                    + "document.getElementById('villageId').removeAttribute('required');");
            browser.submitRefusedAddition("/kelola/program");

            browser.open("/kelola/koleksi");
            ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('titleId').removeAttribute('required');");
            browser.submitRefusedAddition("/kelola/koleksi");
        }
    }

}
