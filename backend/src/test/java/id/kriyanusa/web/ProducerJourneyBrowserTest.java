package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole way of a new cooperative onto the portal, on a 360 px phone in headless
 * Chromium, by typing and tapping only: sign up as a producer, create a brand and submit
 * it; a curator approves it on the console; the producer lists a product with one photo
 * and publishes it, and a buyer finds it on `/cari` and on its page. Every page passes
 * axe-core. The test prints its page loads and time for the README.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProducerJourneyBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aNewCooperativeGoesFromSignUpToAProductBuyersFind() throws Exception {
        var email = ApiClient.unique("inaq") + "@contoh.id";
        var password = "anyaman-ketak-2026";
        var brandName = "Kelompok Ketak " + ApiClient.unique("uji");
        var productTitle = "Tas ketak anyaman " + ApiClient.unique("motif");
        var photo = Files.createTempFile(Files.createDirectories(Path.of("target")), "ketak", ".jpg");
        Files.write(photo, ProducerDashboardIntegrationTest.jpeg(900, 700));
        var started = System.nanoTime();
        var loads = 0;
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/daftar").driver();
            driver.findElement(By.id("displayName")).sendKeys("Inaq Sumiati");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.findElement(By.cssSelector("input[name=role][value=PRODUCER]")).click();
            browser.submit("main form");
            loads++;
            assertThat(driver.getCurrentUrl()).endsWith("/dasbor");
            browser.assertUsable();

            browser.tap(driver.findElement(By.linkText("Buat merek baru")));
            loads++;
            browser.assertUsable();
            // the page address said in words, beside the field, and the browser's own
            // message for a wrong one says what is wanted
            assertThat(driver.findElement(By.id("slug-hint")).getText()).contains("alamat web halaman merek Anda");
            assertThat(driver.findElement(By.id("slug")).getAttribute("title")).contains("tanda hubung");
            assertThat(driver.findElement(By.id("slug")).getAttribute("aria-describedby")).isEqualTo("slug-hint");
            assertThat(text(driver)).contains("Desa Anda tidak ada di daftar?", "Dinas Perindustrian");
            driver.findElement(By.id("name")).sendKeys(brandName);
            new Select(driver.findElement(By.id("legalForm"))).selectByValue("KELOMPOK_PENGRAJIN");
            new Select(driver.findElement(By.id("villageSlug"))).selectByValue("semoyang");
            driver.findElement(By.id("indonesian")).sendKeys("Kami menganyam ketak sejak 2015.");
            driver.findElement(By.id("whatsapp")).sendKeys("0812-3456-7890");
            browser.submit("main form");
            loads++;
            // the producer sees their brand's page before the department does
            browser.tap(driver.findElement(By.linkText("Lihat halaman merek")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(brandName);
            assertThat(text(driver)).contains("Pembeli tidak melihat halaman ini");
            browser.assertUsable();
            browser.open("/dasbor");
            browser.tap(driver.findElement(By.xpath("//button[normalize-space()='Ajukan verifikasi']")));
            loads++;
            assertThat(text(driver)).contains("Menunggu verifikasi Dinas");
            browser.assertUsable();
            signOut(browser);

            // the department's curator approves the brand on the console
            signIn(browser, "kurator@kriyanusa.test", "kriyanusa-demo");
            browser.tap(driver.findElement(By.linkText("Kelola")));
            browser.assertUsable();
            browser.tap(driver.findElement(By.xpath(
                    "//article[.//h2[normalize-space()='" + brandName + "']]//button[normalize-space()='Setujui']")));
            assertThat(text(driver)).contains("Merek " + brandName + " disetujui");
            signOut(browser);

            var brandLoads = loads;
            signIn(browser, email, password);
            loads = 1;
            assertThat(text(driver)).contains(brandName, "Terverifikasi");
            browser.tap(driver.findElement(By.linkText("Tambah produk")));
            loads++;
            driver.findElement(By.id("titleId")).sendKeys(productTitle);
            new Select(driver.findElement(By.id("categorySlug"))).selectByValue("ketak");
            driver.findElement(By.id("price")).sendKeys("185.000");
            driver.findElement(By.id("leadTimeDays")).sendKeys("10");
            browser.submit("main form.editor");
            loads++;
            driver.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
            driver.findElement(By.id("altId")).sendKeys("Tas ketak coklat dari depan");
            browser.submit("main form[enctype]");
            loads++;
            assertThat(driver.findElement(By.cssSelector("[role=status]")).getText())
                .contains("Foto tampil untuk pembeli di halaman produk setelah produk terbit");
            browser.tap(driver.findElement(By.linkText("Terbitkan")));
            loads++;
            browser.submit("main form");
            loads++;
            assertThat(text(driver)).contains("Produk sudah terbit.");
            browser.assertUsable();
            assertThat(loads).as("page loads from signing in to a published product").isLessThanOrEqualTo(6);
            System.out.printf("Producer journey: %d page loads to a submitted brand, %d from signing in to a"
                    + " published product%n", brandLoads, loads);

            // the dashboard says each product's price and stock; a photo's removal asks
            // first
            browser.open("/dasbor");
            assertThat(text(driver)).contains(productTitle, "Rp 185.000", "Dibuat sesuai pesanan, sekitar 10 hari");
            browser.assertUsable();
            browser.tap(driver.findElement(By.xpath("//a[starts-with(normalize-space(), 'Kelola foto')]")));
            browser.tap(driver.findElement(By.cssSelector("a.danger[href*='/foto/hapus']")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hapus foto ini?");
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText("Batal, kembali ke foto produk")));
            assertThat(driver.findElements(By.cssSelector("ol.photos li"))).hasSize(1);

            // a buyer searches for it (indexing follows the publication within seconds)
            new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
                browser.open("/cari?q=" + productTitle.replace(' ', '+'));
                return text(d).contains(productTitle);
            });
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText(productTitle)));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo(productTitle);
            assertThat(text(driver)).contains("Rp 185.000", brandName);
            browser.assertUsable();
        }
        finally {
            Files.deleteIfExists(photo);
        }
        System.out.printf("Producer journey: %.1f s scripted%n", (System.nanoTime() - started) / 1e9);
    }

    private static void signIn(BrowserSession browser, String email, String password) {
        var driver = browser.open("/masuk").driver();
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        browser.submit("main form");
    }

    private static void signOut(BrowserSession browser) {
        browser.submit("header form[action*='/keluar']");
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
