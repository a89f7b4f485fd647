package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new buyer's whole walk on a 360 px phone in headless Chromium (issue 15): signs up at
 * `/daftar`, opens the verification mail on the caught-mail page and verifies, saves a
 * product and finds it under Simpanan, asks the brand about it; the producer reads it in
 * the inbox and replies; the buyer signs in again, reads the reply and writes back. Every
 * page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BuyerJourneyBrowserTest {

    static final String PRODUCT = "/produk/kertas-serat-batang-tembakau-a4-isi-10-coklat-tanah-semoyang";

    static final String PASSWORD = "songket-sukarara-2026";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Test
    void aNewBuyerSavesAsksAndReadsTheProducersReply() throws Exception {
        var email = ApiClient.unique("lale") + "@contoh.id";
        var question = "Bisa kirim 40 pak ke Bima " + ApiClient.unique("q") + "?";
        var answer = "Bisa, ongkir Rp60.000 lewat pos.";
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/daftar").driver();
            driver.findElement(By.id("displayName")).sendKeys("Lale Sumiati");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys(PASSWORD);
            driver.findElement(By.cssSelector("input[name=role][value=BUYER]")).click();
            browser.submit("main form");

            // the verification mail, as the local mail server caught it
            ApiClient.awaitLink(inbox, email, "/verifikasi-email/");
            browser.open("/surat");
            browser.assertUsable();
            var mail = By.xpath("//article[contains(@class,'caught-mail')][.//span[text()='" + email + "']]");
            var link = driver.findElement(mail).findElement(By.cssSelector("a[href*='/verifikasi-email/']"));
            browser.open(URI.create(link.getAttribute("href")).getPath());
            assertThat(text(driver)).contains("Terima kasih, alamat " + email + " sudah dipastikan.");
            browser.assertUsable();

            browser.open(PRODUCT);
            browser.tap(driver.findElement(By.xpath("//main//button[text()='Simpan']")));
            assertThat(text(driver)).contains("Tersimpan. Lihat semua di Simpanan.");
            assertThat(driver.findElement(By.cssSelector("main .favourite button")).getAttribute("aria-pressed"))
                .isEqualTo("true");
            browser.assertUsable();
            browser.tap(driver.findElement(By.cssSelector("header a[href='/akun/simpanan']")));
            assertThat(text(driver)).contains("Produk tersimpan (1)", "Kertas serat batang tembakau A4");
            browser.assertUsable();

            browser.tap(driver.findElement(By.linkText("Kertas serat batang tembakau A4 isi 10 coklat tanah")));
            browser.tap(driver.findElement(By.linkText("Tanya atau minta penawaran")));
            browser.assertUsable();
            driver.findElement(By.id("message")).sendKeys(question);
            browser.submit("main form");
            assertThat(text(driver)).contains("Pesan Anda terkirim", question, "Belum dibalas");
            browser.assertUsable();
            browser.submit("header form[action*='/keluar']");

            signIn(browser, ApiClient.PRODUCER, ApiClient.DEMO_PASSWORD);
            browser.open("/dasbor/pesan");
            var inquiry = By.xpath("//article[contains(@class,'inquiry')][.//p[contains(., '" + question + "')]]");
            assertThat(driver.findElement(inquiry).getText()).contains("Lale Sumiati");
            browser.assertUsable();
            driver.findElement(inquiry).findElement(By.tagName("textarea")).sendKeys(answer);
            browser.tap(driver.findElement(inquiry).findElement(By.cssSelector("form.stacked button[type=submit]")));
            assertThat(text(driver)).contains("Balasan terkirim");
            assertThat(driver.findElement(inquiry).getText()).contains(answer, email);
            browser.assertUsable();
            browser.submit("header form[action*='/keluar']");

            signIn(browser, email, PASSWORD);
            browser.open("/dasbor/pesan");
            assertThat(driver.findElement(inquiry).getText()).contains("Sudah dibalas", answer,
                    "Balasan Koperasi Kriya Tembakau Semoyang");
            browser.assertUsable();
            driver.findElement(inquiry).findElement(By.tagName("textarea")).sendKeys("Baik, saya transfer besok.");
            browser.tap(driver.findElement(inquiry).findElement(By.cssSelector("form.stacked button[type=submit]")));
            assertThat(driver.findElement(inquiry).getText()).contains("Baik, saya transfer besok.", "Anda, ");
            browser.assertUsable();
        }
    }

    /**
     * A visitor taps "Masuk untuk menyimpan" on a product: the sign-in page says what it
     * is for, and once signed in the visitor is back at the product's button, offered,
     * and saves it with one tap.
     */
    @Test
    void aVisitorSignsInToSaveAndSavesWithOneTap() throws Exception {
        var email = ApiClient.unique("baiq") + "@contoh.id";
        new ApiClient(new HttpTestClient(port, InetAddress.getByName("127.0.36.7"))).signUp(email, "BUYER");
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open(PRODUCT).driver();
            browser.tap(driver.findElement(By.linkText("Masuk untuk menyimpan")));
            assertThat(text(driver)).contains("Masuk untuk menyimpan produk ini.");
            browser.assertUsable();
            driver.findElement(By.name("email")).sendKeys(email);
            driver.findElement(By.name("password")).sendKeys("tenun-sukarara-2026");
            browser.submit("main form");

            assertThat(driver.getCurrentUrl()).endsWith(PRODUCT + "#simpan");
            assertThat(text(driver)).contains("Anda sudah masuk. Tekan Simpan untuk menyimpannya.");
            var button = driver.findElement(By.cssSelector("main .favourite button"));
            assertThat(button.getAttribute("aria-pressed")).as("not saved by signing in").isEqualTo("false");
            browser.assertUsable();
            browser.tap(button);
            assertThat(text(driver)).contains("Tersimpan. Lihat semua di Simpanan.");
            assertThat(driver.findElement(By.cssSelector("main .favourite button")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        }
    }

    private static void signIn(BrowserSession browser, String email, String password) {
        var driver = browser.open("/masuk").driver();
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(password);
        browser.submit("main form");
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
