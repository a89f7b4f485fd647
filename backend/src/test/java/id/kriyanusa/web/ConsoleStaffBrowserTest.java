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
 * An admin on a 360 px phone: follows the console's "Staf" link, grants a new colleague
 * the curator's role by typing, and revokes it again, meeting no serious or critical
 * axe-core violation in either language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ConsoleStaffBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminGrantsAndRevokesACuratorOnAPhone() throws Exception {
        var email = ApiClient.unique("kurator") + "@ntbprov.go.id";
        new ApiClient(port).signUp(email, "BUYER");
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/masuk").driver();
            driver.findElement(By.name("email")).sendKeys(ApiClient.ADMIN);
            driver.findElement(By.name("password")).sendKeys(ApiClient.DEMO_PASSWORD);
            browser.submit("main form");
            browser.tap(driver.findElement(By.linkText("Kelola")));
            browser.tap(driver.findElement(By.linkText("Staf")));
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Staf dinas");
            browser.assertUsable();

            driver.findElement(By.id("account")).sendKeys(email);
            new Select(driver.findElement(By.id("role"))).selectByValue("CURATOR");
            driver.findElement(By.id("reason")).sendKeys("Kurator Bimtek Semoyang 2026");
            browser.tap(driver.findElement(By.xpath("//button[normalize-space()='Beri peran']")));
            assertThat(driver.findElement(By.tagName("main")).getText())
                .contains(email + " kini memegang peran Kurator.");
            browser.assertUsable();

            var revoke = driver.findElement(By.xpath("//li[.//span[normalize-space()='" + email + "']]//form"));
            revoke.findElement(By.name("alasan")).sendKeys("Masa tugas selesai");
            browser.tap(revoke.findElement(By.tagName("button")));
            assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("Peran Kurator dicabut dari " + email);
            browser.open("/kelola/staf?lang=en").assertUsable();
            assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Department staff");
        }
    }

}
