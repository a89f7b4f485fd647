package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A new producer on a 360 px phone in headless Chromium, typing and tapping without
 * JavaScript: signs up, creates a brand, submits it and invites a member; every page on
 * the way passes axe-core and fits the screen, in Indonesian and English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class BrandLifecycleBrowserTest {

    static final String CREATE_PRODUCT = "mutation($input: CreateProductInput!) { createProduct(input: $input) "
            + "{ product { id } userErrors { code } } }";

    static final Pattern BRAND_PAGE = Pattern.compile("/dasbor/merek/([A-Za-z0-9_-]+)/verifikasi");

    @LocalServerPort
    int port;

    @Test
    void aProducerSignsUpCreatesABrandSubmitsItAndInvitesAMember() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            usableInBothLanguages(browser, "/daftar");
            var driver = browser.open("/daftar?lang=id").driver();
            driver.findElement(By.id("displayName")).sendKeys("Inaq Sumiati");
            driver.findElement(By.id("email")).sendKeys(ApiClient.unique("inaq") + "@contoh.id");
            driver.findElement(By.id("password")).sendKeys("anyaman-ketak-2026");
            driver.findElement(By.cssSelector("input[name=role][value=PRODUCER]")).click();
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(driver.getCurrentUrl()).endsWith("/dasbor");
            browser.assertUsable();

            browser.tap(driver.findElement(By.linkText("Buat merek baru")));
            browser.assertUsable();
            var name = "Kelompok Daun Emas " + ApiClient.unique("uji");
            driver.findElement(By.id("name")).sendKeys(name);
            new Select(driver.findElement(By.id("legalForm"))).selectByValue("KELOMPOK_PENGRAJIN");
            new Select(driver.findElement(By.id("villageSlug"))).selectByValue("semoyang");
            driver.findElement(By.id("indonesian")).sendKeys("Kami menganyam daun tembakau sejak 2015.");
            driver.findElement(By.id("whatsapp")).sendKeys("0812-3456-7890");
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(driver.getCurrentUrl()).contains("/dasbor#merek-");
            var main = driver.findElement(By.tagName("main"));
            assertThat(main.getText()).contains(name, "Draf: belum diajukan");
            var found = BRAND_PAGE.matcher(driver.getPageSource());
            assertThat(found.find()).isTrue();
            var brand = "/dasbor/merek/" + found.group(1);

            browser.tap(driver.findElement(By.xpath("//button[normalize-space()='Ajukan verifikasi']")));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Merek diajukan",
                    "Menunggu verifikasi Dinas");
            browser.assertUsable();

            browser.open(brand + "/anggota?lang=id");
            driver.findElement(By.id("email")).sendKeys(ApiClient.unique("wayan") + "@contoh.id");
            browser.tap(driver.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("Kirim lewat WhatsApp");
            var link = driver.findElement(By.id("link-0")).getAttribute("value");
            assertThat(link).contains("/undangan/");

            var invitation = link.substring(link.indexOf("/undangan/"));
            for (var path : List.of("/dasbor", "/dasbor/merek/baru", brand + "/verifikasi", brand + "/anggota",
                    invitation, "/daftar?undangan=" + invitation.substring("/undangan/".length()))) {
                usableInBothLanguages(browser, path);
            }

            browser.open(brand + "/anggota?lang=id");
            browser.tap(driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'Batalkan undangan')]")));
            assertThat(driver.findElement(By.tagName("main")).getText()).contains("dibatalkan",
                    "Tidak ada undangan terbuka.");
            browser.assertUsable();
            assertThat(browser.open(invitation).driver().findElement(By.tagName("main")).getText())
                .contains("dibatalkan oleh anggota merek");
        }
    }

    /**
     * A producer whose first brand lists 18 products makes a second, which the dashboard
     * shows below them: the page opens at the new brand, with the notice that it was made
     * on screen, said once.
     */
    @Test
    void aNewBrandBelowAnotherBrandsProductsOpensAtItselfWithItsNotice() throws Exception {
        var api = new ApiClient(port);
        var email = ApiClient.unique("amaq") + "@contoh.id";
        var token = api.signUp(email, "PRODUCER");
        var first = api.createBrand(token, "anyaman");
        for (int i = 1; i <= 18; i++) {
            assertThat(ApiClient.outcome(api.mutate(CREATE_PRODUCT,
                    Map.of("brandId", first.get("id"), "title", ApiClient.text("Tas ketak motif " + i, null),
                            "availability", "MADE_TO_ORDER", "leadTimeDays", 10),
                    token), "createProduct"))
                .isEqualTo("ok");
        }
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk?lang=id").driver();
            driver.findElement(By.name("email")).sendKeys(email);
            driver.findElement(By.name("password")).sendKeys(ProducerDashboardIntegrationTest.SIGN_UP_PASSWORD);
            browser.submit("main form");
            browser.tap(driver.findElement(By.linkText("Buat merek baru")));
            var name = "Tenun Ikat " + ApiClient.unique("uji");
            driver.findElement(By.id("name")).sendKeys(name);
            new Select(driver.findElement(By.id("legalForm"))).selectByValue("KELOMPOK_PENGRAJIN");
            new Select(driver.findElement(By.id("villageSlug"))).selectByValue("semoyang");
            browser.submit("main form");

            var section = driver.findElement(By.xpath("//section[h2='" + name + "']"));
            assertThat(driver.getCurrentUrl()).endsWith("/dasbor#" + section.getDomAttribute("id"));
            var notice = section.findElement(By.cssSelector("[role=status]"));
            assertThat(notice.getText()).isEqualTo("Merek " + name + " dibuat sebagai draf.");
            assertThat(driver.findElements(By.cssSelector("[role=status]"))).as("said once").hasSize(1);
            browser.assertOnScreen(section.findElement(By.tagName("h2")));
            browser.assertOnScreen(notice);
            browser.assertUsable();
        }
    }

    private static void usableInBothLanguages(BrowserSession browser, String path) {
        var query = path.contains("?") ? "&" : "?";
        browser.open(path + query + "lang=id").assertUsable();
        browser.open(path + query + "lang=en").assertUsable();
    }

}
