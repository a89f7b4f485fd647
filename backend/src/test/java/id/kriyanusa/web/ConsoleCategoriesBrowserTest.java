package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A curator on a 360 px phone opens the console's categories, adds a sub-category by
 * typing its names, renames it, retires it and sees it greyed in the tree, meeting no
 * serious or critical axe-core violation in either language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleCategoriesBrowserTest {

    @LocalServerPort
    int port;

    /**
     * The form to add a category sits under the long tree: a refused one opens the page
     * at its problems, each a link to its field.
     */
    @Test
    void aRefusedCategoryOpensAtItsProblems() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(ApiClient.CURATOR);
            driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
            browser.submit("main form");
            browser.open("/kelola/kategori");
            driver.findElement(By.id("indonesian")).sendKeys("Cukli");
            driver.findElement(By.id("english")).sendKeys("Mother-of-pearl inlay");
            driver.findElement(By.id("position")).sendKeys("lima");
            browser.submitRefusedAddition("/kelola/kategori");
            assertThat(driver.findElement(By.cssSelector("div.problem a")).getDomAttribute("href"))
                .isEqualTo("#position");
        }
    }

    @Test
    void aCuratorAddsACategoryAndRenamesIt() throws Exception {
        var word = ApiClient.unique("uji").substring(4);
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(ApiClient.CURATOR);
            driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
            browser.submit("main form");
            browser.tap(driver.findElement(By.linkText("Kelola")));
            browser.tap(driver.findElement(By.linkText("Kategori")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kategori");
            browser.assertUsable();

            driver.findElement(By.id("indonesian")).sendKeys("Cukli " + word);
            driver.findElement(By.id("english")).sendKeys("Mother-of-pearl Inlay " + word);
            new Select(driver.findElement(By.id("parentSlug"))).selectByVisibleText("Kriya Kayu");
            browser.submitAddition("/kelola/kategori");
            assertThat(driver.getCurrentUrl()).contains("/kelola/kategori/cukli-" + word);
            assertThat(driver.findElement(By.cssSelector(".notice")).getText()).isEqualTo("Kategori ditambahkan.");
            browser.assertUsable();

            var name = driver.findElement(By.id("indonesian"));
            name.clear();
            name.sendKeys("Kerajinan Cukli " + word);
            browser.submit("form[action$='/cukli-" + word + "']");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kerajinan Cukli " + word);
            assertThat(driver.findElement(By.cssSelector(".notice")).getText())
                .startsWith("Perubahan kategori tersimpan");

            browser.submit("form[action$='/pensiun']");
            assertThat(driver.findElement(By.cssSelector(".badge.retired")).getText()).isEqualTo("Dipensiunkan");
            browser.assertUsable();
            browser.open("/kelola/kategori?lang=en").assertUsable();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Categories");
            assertThat(driver
                .findElement(By.xpath("//li[contains(@class, 'retired')]/a[text()='Kerajinan Cukli " + word + "']"))
                .isDisplayed()).isTrue();
        }
    }

}
