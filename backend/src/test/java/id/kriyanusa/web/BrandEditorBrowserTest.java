package id.kriyanusa.web;

import static id.kriyanusa.web.ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.media.MediaApi;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A producer edits their brand page on a 360 px phone in headless Chromium by typing and
 * tapping, without JavaScript on the pages: every editor page, and the brand page they
 * change, pass axe-core in Indonesian and English and fit the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandEditorBrowserTest {

    @LocalServerPort
    int port;

    /** Types over what the field holds, as a person selecting its text first would. */
    private static void replace(WebDriver driver, String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aProducerWalksThroughTheBrandEditorOnAPhone() throws Exception {
        var api = new ApiClient(port);
        var email = ApiClient.unique("produsen") + "@contoh.id";
        var token = api.signUp(email, "BUYER");
        var brand = api.createBrand(token, "songket");
        var id = (String) brand.get("id");
        api.mutate(
                "mutation($input: BrandTransitionInput!) { submitBrandForVerification(input: $input) { brand { id } } }",
                Map.of("id", id), token);
        api.mutate("mutation($input: BrandTransitionInput!) { verifyBrand(input: $input) { brand { id } } }",
                Map.of("id", id), api.signIn(ApiClient.CURATOR));
        // a pale main colour, so the editor shows its contrast warning
        var version = (Integer) JsonPath.read(api.query("query($slug: String!) { brand(slug: $slug) { version } }",
                Map.of("slug", brand.get("slug")), token), "$.data.brand.version");
        api.mutate("mutation($input: UpdateBrandInput!) { updateBrand(input: $input) { brand { id } } }",
                Map.of("id", id, "expectedVersion", version, "palette", Map.of("primary", "#F4D03F")), token);
        var editor = "/dasbor/merek/" + id;

        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(email);
            driver.findElement(By.name("password")).sendKeys(SIGN_UP_PASSWORD);
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));
            browser.tap(driver.findElement(By.cssSelector("a[href='" + editor + "']")));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("terlalu terang");
            browser.assertUsable();

            replace(driver, "tagline", "Songket Sukarara sejak 1990");
            replace(driver, "story-indonesian", "Tenun songket dari alat tenun gedogan.");
            replace(driver, "contacts-whatsapp", "0812 3456 7890");
            replace(driver, "instagram", "@songket.sukarara");
            new Select(driver.findElement(By.id("certifications-0-kind"))).selectByValue("HKI");
            driver.findElement(By.id("certifications-0-number")).sendKeys("IDM000123456");
            browser.tap(driver.findElement(By.cssSelector("main form.editor button[type=submit]")));
            // the pale main colour is said right where the page opens after saving
            browser.assertNoticeOnScreen(
                    "Halaman merek tersimpan. Warna utama #F4D03F terlalu terang untuk teks putih, "
                            + "jadi halaman merek memakai warna yang lebih gelap, "
                            + JsonPath.read(api.query(
                                    "query($slug: String!) { brand(slug: $slug) { palette { readablePrimary } } }",
                                    Map.of("slug", brand.get("slug")), token), "$.data.brand.palette.readablePrimary")
                            + ". Lihat warna halaman");
            // verified: the name, legal form and village are the department's to change
            // now
            assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Untuk mengubahnya, hubungi Dinas Perindustrian Provinsi NTB.");
            assertThat(driver.findElements(By.id("name"))).isEmpty();
            browser.assertUsable();

            // one more certificate row, without JavaScript and without saving what is
            // typed
            replace(driver, "tagline", "Belum disimpan");
            assertThat(driver.findElements(By.id("certifications-3-kind"))).isEmpty();
            browser.tap(driver.findElement(By.xpath("//button[normalize-space()='Tambah baris sertifikat']")));
            assertThat(driver.findElements(By.id("certifications-3-kind"))).hasSize(1);
            // it opens at the new row, not the top; Tab goes on to its first field
            assertThat(driver.getCurrentUrl()).endsWith(editor + "#baris-baru");
            assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
                    "var row = arguments[0].getBoundingClientRect(), field = arguments[1].getBoundingClientRect();"
                            + " return row.top >= 0 && field.bottom <= innerHeight;",
                    driver.findElement(By.id("baris-baru")), driver.findElement(By.id("certifications-3-kind"))))
                .as("the new row, with its first field, on screen")
                .isTrue();
            new Actions(driver).sendKeys(Keys.TAB).perform();
            assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("certifications-3-kind");
            assertThat(driver.findElement(By.id("tagline")).getAttribute("value")).isEqualTo("Belum disimpan");
            assertThat(driver.findElement(By.id("certifications-0-number")).getAttribute("value"))
                .isEqualTo("IDM000123456");
            browser.assertUsable();
            replace(driver, "tagline", "Songket Sukarara sejak 1990");
            browser.tap(driver.findElement(By.cssSelector("main form.editor button[type=submit]")));

            browser.tap(driver.findElement(By.cssSelector("a[href='" + editor + "/perajin']")));
            driver.findElement(By.id("artisans-0-name")).sendKeys("Inaq Sumiati");
            driver.findElement(By.id("artisans-0-role-indonesian")).sendKeys("Penenun songket");
            driver.findElement(By.name("artisans[0].consent")).click();
            browser.tap(driver.findElement(By.cssSelector("main form.editor button[type=submit]")));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Daftar perajin tersimpan");
            browser.assertUsable();

            browser.tap(driver.findElement(By.cssSelector("a[href='" + editor + "/gambar']")));
            // a refused logo leaves the producer on the images' page, which a reload or a
            // switch of language keeps
            var notAPhoto = Files.createTempFile("bukan-logo", ".jpg");
            Files.writeString(notAPhoto, "bukan foto");
            driver.findElement(By.id("file-logo")).sendKeys(notAPhoto.toString());
            browser.tap(driver.findElement(By.cssSelector("form[action$='/gambar/logo'] button[type=submit]")));
            assertThat(driver.getCurrentUrl()).endsWith(editor + "/gambar");
            assertThat(driver.findElement(By.id("file-logo-problem")).getText()).contains("Berkas ini bukan foto");
            browser.assertUsable();
            driver.navigate().refresh();
            assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Logo dan sampul");
            var photo = Files.createTempFile("logo", ".jpg");
            Files.write(photo, MediaApi.uniquePhoto(500, 500));
            driver.findElement(By.id("file-logo")).sendKeys(photo.toString());
            browser.tap(driver.findElement(By.cssSelector("form[action$='/gambar/logo'] button[type=submit]")));
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Logo sudah diunggah");
            browser.assertUsable();
            // removing asks first; cancelling comes back to the logo, still there
            browser.tap(driver.findElement(By.linkText("Hapus logo")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hapus logo ini?");
            assertThat(driver.findElements(By.cssSelector("main img[alt='Logo saat ini']"))).hasSize(1);
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText("Batal, kembali ke logo dan sampul")));
            assertThat(driver.getCurrentUrl()).endsWith(editor + "/gambar#logo-heading");
            assertThat(driver.findElements(By.cssSelector("main img[alt='Logo saat ini']"))).hasSize(1);

            browser.tap(driver.findElement(By.linkText("Lihat halaman merek")));
            assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Songket Sukarara sejak 1990", "Inaq Sumiati", "IDM000123456", "Instagram @songket.sukarara")
                .doesNotContain("https://www.instagram.com/");
            browser.assertUsable();

            for (var path : new String[] { editor, editor + "/perajin", editor + "/gambar",
                    "/merek/" + brand.get("slug") }) {
                browser.open(path + "?lang=en").assertUsable();
            }
        }
    }

}
