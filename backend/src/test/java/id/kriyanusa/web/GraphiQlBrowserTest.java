package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import id.kriyanusa.platform.ApiClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * GraphiQL works without internet: every file it loads comes from the portal, and in a
 * browser that can reach nothing else (this machine's Chromium) it draws its editor under
 * the pages' content security policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class GraphiQlBrowserTest {

    static final Pattern LOADED = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Test
    void graphiqlLoadsEverythingFromThePortal() throws Exception {
        var http = new ApiClient(port).http();
        var page = http.get("/graphiql");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
        var files = LOADED.matcher(page.body());
        var count = 0;
        while (files.find()) {
            assertThat(files.group(1)).as("loaded from the portal").startsWith("/");
            assertThat(http.get(files.group(1)).statusCode()).as(files.group(1)).isEqualTo(200);
            count++;
        }
        assertThat(count).as("stylesheets and scripts").isGreaterThanOrEqualTo(5);
    }

    @Test
    void graphiqlDrawsItsEditorOffline() throws Exception {
        try (var browser = BrowserSession.phone(port)) {
            var driver = browser.open("/graphiql").driver();
            new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".graphiql-container .CodeMirror")));
            assertThat(driver.findElement(By.id("graphiql")).getText()).doesNotContain("Loading GraphiQL");
        }
    }

}
