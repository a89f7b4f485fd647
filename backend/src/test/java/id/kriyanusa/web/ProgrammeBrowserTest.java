package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * On a 360 px phone in headless Chromium: a curator records a Bimtek, enrols the demo
 * producer and agrees a follow-up goal with them; the producer opens their follow-up
 * plans from the dashboard and marks the goal done. Every page passes axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ProgrammeBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCuratorEnrolsAProducerWhoMarksTheirGoalDone() throws Exception {
        var title = "Bimtek foto produk " + ApiClient.unique("uji");
        var goal = "Foto katalog dua puluh produk " + ApiClient.unique("f");
        try (var browser = BrowserSession.phone(port)) {
            var driver = signIn(browser, ApiClient.CURATOR);
            browser.tap(driver.findElement(By.linkText("Kelola")));
            browser.tap(driver.findElement(By.linkText("Program")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Program Bimtek");
            browser.assertUsable();

            driver.findElement(By.id("indonesian")).sendKeys(title);
            date(driver, "startsOn", "2026-03-10");
            date(driver, "endsOn", "2026-03-12");
            var villages = new Select(driver.findElement(By.id("villageId")));
            villages.getOptions()
                .stream()
                .filter(option -> option.getText().startsWith("Semoyang"))
                .findFirst()
                .orElseThrow()
                .click();
            driver.findElement(By.id("topics")).sendKeys("Foto produk dengan ponsel\nKatalog daring");
            browser.submitAddition("/kelola/program");
            assertThat(text(driver)).contains("Program tercatat", title);
            browser.assertUsable();

            // a refused enrolment is said at its form, where the page opens again
            driver.findElement(By.id("accountEmail")).sendKeys(ApiClient.PRODUCER);
            browser.submit("main form[action$='/peserta#daftar']");
            assertThat(driver.getCurrentUrl()).endsWith("/peserta#daftar");
            browser.assertProblemsOnScreen();
            driver.findElement(By.id("consent")).click();
            new Select(driver.findElement(By.id("gender"))).selectByValue("MALE");
            browser.submit("main form[action$='/peserta#daftar']");
            assertThat(driver.getCurrentUrl()).endsWith("#peserta");
            assertThat(text(driver)).contains("Lalu Suparman");
            browser.assertNoticeOnScreen("Peserta terdaftar.");
            browser.assertUsable();

            driver.findElement(By.cssSelector(".participants details summary")).click();
            new Select(driver.findElement(By.cssSelector(".participants details select[name=kind]")))
                .selectByValue("REACH_MARKET");
            driver.findElement(By.cssSelector(".participants details input[name=description]")).sendKeys(goal);
            var dueOn = driver.findElement(By.cssSelector(".participants details input[name=dueOn]"));
            date(driver, dueOn.getAttribute("id"), "2099-06-30");
            browser.submit(".participants details form");
            assertThat(text(driver)).contains("Rencana tindak lanjut ditambahkan.", goal, "Direncanakan");
            browser.assertUsable();
            // removing a participant asks first; cancelling comes back to them, still
            // enrolled
            var participant = driver.findElement(By.cssSelector(".participants > li")).getDomAttribute("id");
            browser.tap(driver.findElement(By.cssSelector(".participants a.danger")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Hapus peserta ini?");
            assertThat(text(driver)).contains("Lalu Suparman dikeluarkan dari program ini beserta 1 rencana");
            browser.assertUsable();
            browser.tap(driver.findElement(By.linkText("Batal, kembali ke daftar peserta")));
            assertThat(driver.getCurrentUrl()).endsWith("#" + participant);
            assertThat(text(driver)).contains("Lalu Suparman", goal);
            browser.tap(driver.findElement(By.cssSelector("header form[action*='/keluar'] button[type=submit]")));

            signIn(browser, ApiClient.PRODUCER);
            browser.tap(driver.findElement(By.linkText("Rencana tindak lanjut Bimtek saya")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Rencana tindak lanjut");
            browser.assertUsable();
            var item = By.xpath("//li[contains(@class,'goal')][.//strong[normalize-space()='" + goal + "']]");
            new Select(driver.findElement(item).findElement(By.name("status"))).selectByValue("DONE");
            driver.findElement(item).findElement(By.name("note")).sendKeys("Katalog sudah tayang");
            browser.tap(driver.findElement(item).findElement(By.cssSelector("button[type=submit]")));
            assertThat(text(driver)).contains("Status rencana tersimpan.");
            assertThat(driver.findElement(item).getText()).contains("Selesai", "Katalog sudah tayang");
            browser.assertUsable();
            browser.open("/dasbor/rencana?lang=en").assertUsable();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Follow-up plans");
        }
    }

    /**
     * The demo's Bimtek of August 2025 compares its participants' outcomes up to today,
     * not a year after its start, so the products their brands published this week count;
     * the curator narrows the period with a form that needs no script, reads the columns
     * as "before" and "after the programme" with their dates under them, and sees the
     * artisans the brands gave at the end of each period said to be counted on its last
     * day.
     */
    @Test
    void aCuratorSeesAProgrammesOutcomesUpToTodayAndChoosesThePeriod() throws Exception {
        var today = LocalDate.now(ZoneId.of("Asia/Makassar"));
        try (var browser = BrowserSession.phone(port)) {
            var driver = signIn(browser, ApiClient.CURATOR);
            browser.open("/kelola/program");
            browser.tap(driver.findElement(By.linkText("Bimtek Diversifikasi Produk Tembakau: Kerajinan")));
            var headings = driver.findElements(By.cssSelector("#before-after thead th"));
            assertThat(headings.get(2).getText()).isEqualTo("Sesudah program\n18 Agu 2025 – " + indonesian(today));
            assertThat(headings.get(1).getText())
                .isEqualTo("Sebelum program\n"
                        + indonesian(LocalDate.of(2025, 8, 18)
                            .minusDays(ChronoUnit.DAYS.between(LocalDate.of(2025, 8, 18), today) + 1))
                        + " – 17 Agu 2025");
            assertThat(after(driver, "productsPublished")).isPositive();
            assertThat(after(driver, "artisans")).isPositive();
            // artisans are counted on the period's last day, the other rows over the
            // period
            assertThat(driver.findElement(By.cssSelector("tr[data-figure=artisans] th")).getText())
                .isEqualTo("Perajin merek (jumlah pada hari terakhir)");
            assertThat(driver.findElement(By.cssSelector("tr[data-figure=productsPublished] th")).getText())
                .isEqualTo("Produk terbit (semua merek)");
            browser.assertUsable();

            date(driver, "dari", "2025-10-01");
            date(driver, "sampai", "2025-10-31");
            browser.submit("form[action*='#hasil']");
            assertThat(driver.getCurrentUrl()).contains("dari=2025-10-01", "sampai=2025-10-31");
            assertThat(driver.findElements(By.cssSelector("#before-after thead th")).get(2).getText())
                .isEqualTo("Sesudah program\n1 Okt 2025 – 31 Okt 2025");
            assertThat(driver.findElements(By.cssSelector("#before-after thead th")).get(1).getText())
                .isEqualTo("Sebelum program\n18 Jul 2025 – 17 Agu 2025");
            assertThat(after(driver, "productsPublished")).isZero();
            browser.assertUsable();

            browser
                .open(driver.getCurrentUrl().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", "") + "&lang=en");
            assertThat(driver.findElement(By.cssSelector("#before-after thead th:nth-child(3)")).getText())
                .isEqualTo("After the programme\n1 Oct 2025 – 31 Oct 2025");
            assertThat(driver.findElement(By.cssSelector("tr[data-figure=artisansWomen] th")).getText())
                .isEqualTo("Women artisans (head-count on the last day)");
            browser.assertUsable();
        }
    }

    private static int after(WebDriver driver, String figure) {
        return Integer
            .parseInt(driver.findElement(By.cssSelector("tr[data-figure=" + figure + "] td:last-child")).getText());
    }

    private static String indonesian(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.forLanguageTag("id")));
    }

    private static WebDriver signIn(BrowserSession browser, String email) {
        var driver = browser.open("/masuk").driver();
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        browser.submit("main form");
        return driver;
    }

    /**
     * Fills a date field as its picker would: typing into one depends on the browser's
     * date format.
     */
    private static void date(WebDriver driver, String id, String isoDate) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)),
                isoDate);
    }

    /** Taps and waits for the next page, however slow the machine. */

    private static String text(WebDriver driver) {
        return driver.findElement(By.tagName("main")).getText();
    }

}
