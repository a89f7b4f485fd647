package id.kriyanusa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A phone in headless Chromium (Debian's chromium and chromedriver): 360 x 740 CSS
 * pixels, no JavaScript needed by the pages, a fresh profile, and the pages checked with
 * axe-core as they are shown. Where no Chromium is installed the browser tests are
 * skipped with a message saying so; CI installs it (.ci/run).
 */
final class BrowserSession implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * The accessibility failures that block a release: axe-core's serious and critical.
     */
    static final List<String> BLOCKING = List.of("serious", "critical");

    private final WebDriver driver;

    private final String base;

    private BrowserSession(WebDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /**
     * A phone-sized browser on the portal at this port; skips the test without Chromium.
     */
    static BrowserSession phone(int port) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: no Chromium at " + CHROMIUM + " and " + CHROMEDRIVER
                        + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        System.setProperty("SE_OFFLINE", "true");
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
            .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--lang=id",
                    "--user-data-dir=" + Files.createTempDirectory("kriyanusa-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().window().setSize(new Dimension(360, 740));
        return new BrowserSession(driver, "http://127.0.0.1:" + port);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the portal by its path. */
    BrowserSession open(String path) {
        driver.get(base + path);
        return this;
    }

    /**
     * Taps a link or button that loads another page, and waits until that page has
     * replaced this one, however slow the machine.
     */
    void tap(WebElement element) {
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(page -> gone(element));
    }

    /**
     * Whether the element left the page: Chromium says so as a stale element, or, caught
     * mid-navigation, as a node that "does not belong to the document".
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        }
        catch (WebDriverException stale) {
            return true;
        }
    }

    /**
     * Taps the submit button of the form this CSS selector finds, and waits for the next
     * page.
     */
    void submit(String form) {
        tap(driver.findElement(By.cssSelector(form + " button[type=submit]")));
    }

    /**
     * Asserts what a person on a phone with a screen reader would meet: no serious or
     * critical axe-core violation, and no page wider than the screen.
     */
    void assertUsable() {
        var results = new AxeBuilder().analyze(driver);
        var blocking = results.getViolations()
            .stream()
            .filter(rule -> BLOCKING.contains(rule.getImpact()))
            .map(BrowserSession::describe)
            .toList();
        assertThat(blocking).as("serious or critical accessibility violations on %s", driver.getCurrentUrl()).isEmpty();
        var width = ((Number) ((JavascriptExecutor) driver)
            .executeScript("return document.documentElement.scrollWidth")).intValue();
        assertThat(width).as("page width at 360 px on %s", driver.getCurrentUrl()).isLessThanOrEqualTo(360);
    }

    /**
     * Submits the form that adds something on a console page and asserts the refused page
     * opens at its problems (the form's action ends in "#baru"), usable.
     */
    void submitRefusedAddition(String page) {
        submit("form[action$='" + page + "#baru']");
        assertThat(driver.getCurrentUrl()).endsWith(page + "#baru");
        assertProblemsOnScreen();
        assertUsable();
    }

    /**
     * Submits the form that adds something on a console page and asserts the user lands
     * on what they added, its notice on screen: not at the form's "#baru", which the
     * browser would carry through the redirect.
     */
    void submitAddition(String page) {
        submit("form[action$='" + page + "#baru']");
        assertThat(driver.getCurrentUrl()).doesNotContain("#baru").endsWith("#isi");
        assertThat(onScreen(driver.findElement(By.cssSelector("[role=status]"))))
            .as("the notice of what was added is on screen at %s", driver.getCurrentUrl())
            .isTrue();
    }

    /**
     * Asserts a refused form's problems are where the page opens, and each is a link to a
     * field on the page.
     */
    void assertProblemsOnScreen() {
        var summary = driver.findElement(By.cssSelector("div.problem"));
        assertThat(onScreen(summary)).as("the problems are on screen at %s", driver.getCurrentUrl()).isTrue();
        var items = summary.findElements(By.tagName("li"));
        assertThat(items).isNotEmpty();
        for (var item : items) {
            var link = item.findElements(By.cssSelector("a[href^='#']"));
            assertThat(link).as("a link in %s", item.getText()).hasSize(1);
            var field = link.getFirst().getDomAttribute("href").substring(1);
            assertThat(driver.findElements(By.id(field))).as("the field of %s", item.getText()).hasSize(1);
        }
    }

    /**
     * Asserts the page says what was just done once, on screen where the page opened: at
     * its anchor, not at the top of a long page.
     */
    void assertNoticeOnScreen(String notice) {
        var notices = driver.findElements(By.cssSelector("main [role=status]"));
        assertThat(notices).extracting(WebElement::getText).containsExactly(notice);
        assertOnScreen(notices.getFirst());
    }

    /**
     * Asserts the element's top is within the screen as the page opened, before anyone
     * scrolls.
     */
    void assertOnScreen(WebElement element) {
        assertThat(onScreen(element)).as("\"%s\" is on screen at %s", element.getText(), driver.getCurrentUrl())
            .isTrue();
    }

    /** Whether the element's top is within the screen as the page is scrolled now. */
    private boolean onScreen(WebElement element) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "var box = arguments[0].getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight;",
                element);
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

}
