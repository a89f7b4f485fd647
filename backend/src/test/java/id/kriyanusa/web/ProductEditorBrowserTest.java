package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A producer on a 360 px phone in headless Chromium lists a product with one photo: from
 * the dashboard to a published product in at most six page loads after signing in, by
 * typing and tapping only; every page of the editor passes axe-core in Indonesian and
 * English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProductEditorBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aProducerPublishesAProductWithOnePhotoInSixPageLoads() throws Exception {
        var producer = ProductEditorIntegrationTest.Producer.withVerifiedBrand(new ApiClient(port));
        var photo = Files.createTempFile(Files.createDirectories(Path.of("target")), "kendi", ".jpg");
        Files.write(photo, ProducerDashboardIntegrationTest.jpeg(800, 600));
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(producer.email());
            driver.findElement(By.name("password")).sendKeys(ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD);
            var loads = 0;

            browser.submit("main form");
            loads++;
            assertThat(driver.getCurrentUrl()).endsWith("/dasbor");
            browser.assertUsable();

            browser.tap(driver.findElement(By.linkText("Tambah produk")));
            loads++;
            assertThat(heading(driver)).isEqualTo("Produk baru");
            browser.assertUsable();
            driver.findElement(By.id("titleId")).sendKeys("Kendi maling motif cicak");
            new Select(driver.findElement(By.id("categorySlug"))).selectByValue("kendi-dan-teko");
            driver.findElement(By.id("price")).sendKeys("125.500");
            driver.findElement(By.id("leadTimeDays")).sendKeys("14");
            driver.findElement(By.id("lengthCm")).sendKeys("12,5");
            browser.submit("main form.editor");
            loads++;
            assertThat(driver.getCurrentUrl()).as(text(driver)).endsWith("/foto");
            assertThat(text(driver)).contains("Draf produk tersimpan");
            browser.assertUsable();
            var photos = driver.getCurrentUrl();
            var editor = photos.substring(0, photos.length() - "/foto".length());

            driver.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
            driver.findElement(By.id("altId")).sendKeys("Kendi coklat dari samping");
            browser.submit("main form[enctype]");
            loads++;
            assertThat(text(driver)).contains("Foto sudah diunggah", "Sampul");
            browser.assertUsable();

            browser.tap(driver.findElement(By.linkText("Terbitkan")));
            loads++;
            assertThat(heading(driver)).isEqualTo("Terbitkan produk ini?");
            browser.assertUsable();

            browser.submit("main form");
            loads++;
            assertThat(driver.getCurrentUrl()).isEqualTo(editor);
            assertThat(text(driver)).contains("Produk sudah terbit.");
            browser.assertUsable();
            assertThat(loads).as("page loads from sign-in to a published product").isLessThanOrEqualTo(6);

            browser.tap(driver.findElement(By.linkText("Lihat halaman")));
            assertThat(heading(driver)).isEqualTo("Kendi maling motif cicak");
            assertThat(text(driver)).contains("Rp 125.500", "panjang 12,5 cm").doesNotContain(" × ");
            assertThat(driver.findElement(By.cssSelector(".gallery img")).getAttribute("alt"))
                .isEqualTo("Kendi coklat dari samping");

            var path = editor.substring(editor.indexOf("/dasbor"));
            var newProduct = "/dasbor/merek/" + producer.brandId() + "/produk/baru";
            for (var language : new String[] { "?lang=id", "?lang=en" }) {
                for (var page : new String[] { newProduct, path, path + "/foto", path + "/pratinjau",
                        path + "/arsipkan", path + "/hapus", "/dasbor" }) {
                    browser.open(page + language).assertUsable();
                }
            }
            // a refused form is usable too: its problems are linked to the fields
            browser.open(newProduct + "?lang=id");
            driver.findElement(By.id("titleId")).sendKeys("Kendi kedua");
            driver.findElement(By.id("price")).sendKeys("seratus ribu");
            browser.submit("main form.editor");
            assertThat(text(driver)).contains("Tulis harga dalam rupiah");
            assertThat(driver.findElement(By.id("price")).getAttribute("value")).isEqualTo("seratus ribu");
            browser.assertUsable();
        }
        finally {
            Files.deleteIfExists(photo);
        }
    }

    /**
     * A photo forwarded through a chat app, 40 x 30 pixels: accepted, with a notice of
     * its size beside it that the phone's screen reader reads and that fits the screen; a
     * large photo gets none.
     */
    @Test
    void aSmallPhotoIsAcceptedWithANoticeThatFitsThePhone() throws Exception {
        var api = new ApiClient(port);
        var producer = ProductEditorIntegrationTest.Producer.withVerifiedBrand(api);
        var created = api.mutate(
                "mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id } } }",
                Map.of("brandId", producer.brandId(), "title",
                        ApiClient.text("Kendi " + ApiClient.unique("kecil"), null), "availability", "MADE_TO_ORDER",
                        "leadTimeDays", 7),
                producer.token());
        String id = JsonPath.read(created, "$.data.createProduct.product.id");
        var target = Files.createDirectories(Path.of("target"));
        var small = Files.write(Files.createTempFile(target, "kecil", ".jpg"),
                ProducerDashboardIntegrationTest.jpeg(40, 30));
        var large = Files.write(Files.createTempFile(target, "besar", ".jpg"),
                ProducerDashboardIntegrationTest.jpeg(1200, 900));
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(producer.email());
            driver.findElement(By.name("password")).sendKeys(ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD);
            browser.submit("main form");
            var photos = "/dasbor/produk/" + id + "/foto";
            browser.open(photos);

            driver.findElement(By.id("file")).sendKeys(small.toAbsolutePath().toString());
            driver.findElement(By.id("altId")).sendKeys("Kendi kecil dari samping");
            browser.submit("main form[enctype]");
            var notice = "Foto ini kecil (40 × 30 piksel) dan akan tampak buram. "
                    + "Kirim foto dengan lebar minimal 800 piksel.";
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Foto sudah diunggah",
                    notice);
            assertThat(driver.findElement(By.cssSelector(".photos .small-photo")).getText()).isEqualTo(notice);
            browser.assertUsable();

            browser.open(photos + "?lang=en");
            assertThat(driver.findElement(By.cssSelector(".photos .small-photo")).getText())
                .isEqualTo("This photo is small (40 × 30 pixels) and will look blurred. "
                        + "Send a photo at least 800 pixels wide.");
            browser.assertUsable();

            browser.open(photos);
            driver.findElement(By.id("file")).sendKeys(large.toAbsolutePath().toString());
            driver.findElement(By.id("altId")).sendKeys("Kendi besar dari samping");
            browser.submit("main form[enctype]");
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText()).contains("Foto sudah diunggah")
                .doesNotContain("kecil");
            assertThat(driver.findElements(By.cssSelector(".photos li"))).hasSize(2);
            assertThat(driver.findElements(By.cssSelector(".photos .small-photo"))).as("the small photo's only")
                .hasSize(1);
            browser.assertUsable();
        }
        finally {
            Files.deleteIfExists(small);
            Files.deleteIfExists(large);
        }
    }

    private static String heading(WebDriver driver) {
        return driver.findElement(By.tagName("h1")).getText();
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
