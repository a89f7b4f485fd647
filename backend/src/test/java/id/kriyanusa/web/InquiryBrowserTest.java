package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import id.kriyanusa.platform.ApiClient;
import id.kriyanusa.platform.GlobalId;
import id.kriyanusa.platform.HttpTestClient;
import id.kriyanusa.platform.mail.LocalInbox;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 360 px phone in headless Chromium: a buyer taps "Tanya atau minta penawaran" on a
 * product, signs in and comes back to the form, sends a request for quote; the producer
 * answers it from their inbox; the buyer reads the answer. A guest asks without an
 * account, confirms through the mailed link and, once answered, writes back on the thread
 * page with scripts off. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class InquiryBrowserTest {

    static final String PRODUCT = "/produk/kotak-kado-kertas-tembakau-ukuran-kecil-semoyang";

    @LocalServerPort
    int port;

    @Autowired
    LocalInbox inbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBuyerAsksTheProducerAnswersAndTheBuyerReadsTheAnswer() throws Exception {
        var message = "Perlu 300 kotak untuk hampers kantor " + ApiClient.unique("h") + ", bisa diberi logo?";
        var answer = "Bisa, logo disablon. Rp23.000 per kotak untuk 300 kotak.";
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open(PRODUCT).driver();
            browser.tap(driver.findElement(By.linkText("Tanya atau minta penawaran")));
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText("Sudah punya akun? Masuk")));
            driver.findElement(By.name("email")).sendKeys(ApiClient.BUYER);
            driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
            browser.submit("main form");
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Tanya atau minta penawaran");
            browser.assertUsable();

            driver.findElement(By.id("message")).sendKeys(message);
            driver.findElement(By.id("quantity")).sendKeys("300");
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = '2099-02-01'",
                    driver.findElement(By.id("neededBy")));
            driver.findElement(By.cssSelector("input[name=replyChannel][value=WHATSAPP]")).click();
            driver.findElement(By.id("contact")).sendKeys("0819-0722-9012");
            browser.submit("main form");
            assertThat(text(driver)).contains("Pesan Anda terkirim", message, "Belum dibalas");
            browser.assertUsable();
            signOut(browser);

            signIn(browser, ApiClient.PRODUCER);
            browser.tap(driver.findElement(By.linkText("Pesan dari dan untuk pembeli")));
            var inquiry = By.xpath("//article[contains(@class,'inquiry')][.//p[contains(., '" + message + "')]]");
            assertThat(driver.findElement(inquiry).getText()).contains("Dewi Lestari",
                    "Kontak terlihat setelah Anda membalas.");
            browser.assertUsable();
            driver.findElement(inquiry).findElement(By.tagName("textarea")).sendKeys(answer);
            browser.tap(driver.findElement(inquiry).findElement(By.cssSelector("form.stacked button[type=submit]")));
            assertThat(text(driver)).contains("Balasan terkirim");
            assertThat(driver.findElement(inquiry).getText()).contains(answer, "0819-0722-9012");
            browser.assertUsable();
            signOut(browser);

            signIn(browser, ApiClient.BUYER);
            browser.tap(driver.findElement(By.cssSelector("header a[href='/dasbor']")));
            // a buyer's own words for the same page
            browser.tap(driver.findElement(By.linkText("Pesan Anda kepada produsen dan balasannya")));
            assertThat(driver.findElement(inquiry).getText()).contains("Sudah dibalas", answer,
                    "Balasan Koperasi Kriya Tembakau Semoyang");
            browser.assertUsable();
            browser.open("/dasbor/pesan?lang=en").assertUsable();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Messages");
        }
    }

    @Test
    void aGuestAsksAndConfirmsThroughTheMailedLink() throws Exception {
        var email = ApiClient.unique("amaq") + "@contoh.id";
        var message = "Bisa kirim 20 kotak ke Praya " + ApiClient.unique("p") + "?";
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open(PRODUCT).driver();
            browser.tap(driver.findElement(By.linkText("Tanya atau minta penawaran")));
            driver.findElement(By.id("name")).sendKeys("Amaq Rusdi");
            driver.findElement(By.id("email")).sendKeys("amaq@contoh");
            driver.findElement(By.id("message")).sendKeys(message);
            browser.submit("main form.stacked");
            assertThat(text(driver)).contains("Tulis alamat email yang benar");
            assertThat(driver.findElement(By.id("message")).getAttribute("value")).isEqualTo(message);
            browser.assertUsable();

            driver.findElement(By.id("email")).clear();
            driver.findElement(By.id("email")).sendKeys(email);
            driver.findElement(By.id("quantity")).sendKeys("20 buah");
            browser.submit("main form.stacked");
            // what was sent and the step left, without the form to send it again
            assertThat(text(driver)).contains("buka tautan yang kami kirim ke " + email, "Pesan yang Anda kirim",
                    message, "Jumlah: 20 buah", "Periksa folder spam");
            assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();
            browser.assertUsable();

            var link = ApiClient.awaitLink(inbox, email, "/pesan/pastikan/");
            browser.open(URI.create(link).getPath());
            assertThat(text(driver)).contains("tekan tombol di bawah ini");
            browser.assertUsable();
            browser.submit("main form");
            assertThat(text(driver)).contains("pesan Anda sudah sampai ke merek");
            browser.assertUsable();
            // opened again from the mail: already sent, nothing left to press
            browser.open(URI.create(link).getPath());
            assertThat(text(driver)).contains("sudah dipastikan sebelumnya").doesNotContain("Satu langkah lagi");
            assertThat(driver.findElements(By.cssSelector("main form"))).isEmpty();
            browser.assertUsable();

            // the brand replies; the guest writes back on the thread page, with scripts
            // off
            var api = new ApiClient(new HttpTestClient(port, InetAddress.getLoopbackAddress()));
            var producer = api.signIn(ApiClient.PRODUCER);
            List<String> ids = JsonPath.read(api.query(
                    "{ brand(slug: \"koperasi-kriya-tembakau-semoyang\") { inquiries(first: 100) { edges { node { id message } } } } }",
                    Map.of(), producer),
                    "$.data.brand.inquiries.edges[?(@.node.message == '" + message + "')].node.id");
            api.mutate(
                    "mutation($input: ReplyToInquiryInput!) { replyToInquiry(input: $input) { userErrors { code } } }",
                    Map.of("inquiryId", ids.getFirst(), "message", "Bisa, ongkir Rp25.000."), producer);
            var thread = ApiClient.awaitLink(inbox, email,
                    each -> each.contains("/pesan/") && !each.contains("/pastikan/"));
            ((ChromeDriver) driver).executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
            browser.open(URI.create(thread).getPath());
            assertThat(text(driver)).contains("Bisa, ongkir Rp25.000.", "Tulis lagi kepada merek");
            browser.assertUsable();
            var more = "Baik, kirim 20 kotak. " + ApiClient.unique("k");
            driver.findElement(By.id("message")).sendKeys(more);
            browser.submit("main form.stacked");
            assertThat(text(driver)).contains("Pesan Anda terkirim", more);
            browser.assertUsable();

            // the link's life ends while the page is open: the message typed comes back,
            // to copy
            var lost = "Kalau 40 kotak <b>berapa</b>? " + ApiClient.unique("l");
            driver.findElement(By.id("message")).sendKeys(lost);
            jdbc.sql("update inquiry_link_token set expires_at = now() - interval '1 minute' where inquiry_id = ?")
                .param(GlobalId.decode(ids.getFirst()).key())
                .update();
            browser.submit("main form.stacked");
            assertThat(text(driver)).contains("Tautan ini tidak berlaku", "pesan Anda belum terkirim");
            assertThat(driver.findElement(By.id("unsent")).getDomProperty("value")).isEqualTo(lost);
            assertThat(driver.findElement(By.id("unsent")).getDomAttribute("readonly")).isNotNull();
            browser.assertUsable();
        }
    }

    private static void signIn(BrowserSession browser, String email) {
        var driver = browser.open("/masuk").driver();
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        browser.submit("main form");
    }

    private static void signOut(BrowserSession browser) {
        browser.submit("header form[action*='/keluar']");
    }

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
