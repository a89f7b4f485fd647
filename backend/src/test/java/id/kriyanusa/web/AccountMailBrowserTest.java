package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 360 px phone in headless Chromium, with the mail that the local GreenMail caught
 * over SMTP: a buyer signs up, opens the verification link and sees the address confirmed
 * on the dashboard; later they forget the password, ask for a link on `/lupa-sandi`,
 * choose a new one and sign in with it. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AccountMailBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Test
    void aBuyerVerifiesTheirEmailAndLaterResetsTheirPassword() throws Exception {
        var email = ApiClient.unique("dewi") + "@contoh.id";
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/daftar").driver();
            driver.findElement(By.id("displayName")).sendKeys("Dewi Anggraini");
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("password")).sendKeys("songket-sukarara-2026");
            driver.findElement(By.cssSelector("input[name=role][value=BUYER]")).click();
            browser.submit("main form");

            browser.open("/dasbor");
            assertThat(text(driver)).contains(email, "Email belum dipastikan");
            browser.assertUsable();

            // the mail as the local mail server caught it, on the local page that lists
            // it
            var link = ApiClient.awaitLink(inbox, email, "/verifikasi-email/");
            browser.open("/surat");
            assertThat(text(driver)).contains(email, "Pastikan alamat email Anda");
            browser.assertUsable();

            browser.open(URI.create(link).getPath());
            assertThat(text(driver)).contains("Terima kasih, alamat " + email + " sudah dipastikan.");
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText("Lanjut")));
            assertThat(text(driver)).contains("Email sudah dipastikan").doesNotContain("Kirim ulang");
            browser.submit("header form[action*='/keluar']");

            // a forgotten password, from the sign-in page
            browser.open("/masuk");
            browser.tap(driver.findElement(By.linkText("Lupa kata sandi?")));
            browser.assertUsable();
            driver.findElement(By.id("email")).sendKeys(email);
            browser.submit("main form");
            assertThat(text(driver)).contains("Bila ada akun dengan alamat " + email);
            browser.assertUsable();

            var reset = ApiClient.awaitLink(inbox, email, "/atur-ulang-sandi/");
            browser.open(URI.create(reset).getPath());
            browser.assertUsable();
            driver.findElement(By.id("newPassword")).sendKeys("tenun-pringgasela-2026");
            browser.submit("main form");
            assertThat(driver.getCurrentUrl()).endsWith("/masuk");
            assertThat(text(driver)).contains("Kata sandi baru tersimpan.");
            browser.assertUsable();

            driver.findElement(By.name("email")).sendKeys(email);
            driver.findElement(By.name("password")).sendKeys("tenun-pringgasela-2026");
            browser.submit("main form");
            browser.open("/dasbor");
            assertThat(text(driver)).contains(email, "Email sudah dipastikan");

            // the link worked once, and says so before a password is typed
            browser.open(URI.create(reset).getPath());
            assertThat(text(driver)).contains("Tautan ini tidak berlaku");
            assertThat(driver.findElements(By.id("newPassword"))).isEmpty();
            browser.assertUsable();
        }
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
