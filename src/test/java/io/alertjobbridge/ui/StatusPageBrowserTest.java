package io.alertjobbridge.ui;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.alertjobbridge.support.Alerts;
import io.alertjobbridge.support.RunningBridge;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The status page as a user sees it, in a real headless Chromium driven by chromedriver (Debian's
 * chromium and chromium-driver packages; .ci/run installs them). The bridge runs in this JVM with the
 * test actions and the simulator; the page is loaded from it exactly as an operator loads it.
 * Screenshots go to target/ui-screenshots/.
 */
class StatusPageBrowserTest {

    private static final String CHROMIUM = System.getProperty("bridge.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("bridge.test.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final Duration ACTION_DEADLINE = Duration.ofSeconds(30);
    /** Alert ids and logs are untrusted: this one would add an element if the page ever parsed it as HTML. */
    private static final String MARKUP_ALERT_ID = "<b id=\"injected\">x</b>";

    private static RunningBridge bridge;
    private static Path profile;
    private static WebDriver browser;

    private static String succeededActionId;
    private static String failedActionId;
    private static String markupActionId;
    private static String deadLetteredActionId;
    private static String deadLetterId;

    @BeforeAll
    static void start() throws Exception {
        requireChromium();
        bridge = RunningBridge.start(Map.of(
                "bridge.actions.dir", "src/test/resources/test-actions",
                "bridge.job.max-retries", "3"));

        succeededActionId = launch(Alerts.uniqueId(), "plain-run", "10.0.7.1");
        failedActionId = launch(Alerts.uniqueId(), "fail-one-host", "10.0.7.2");
        markupActionId = launch(MARKUP_ALERT_ID, "plain-run", "10.0.7.3");
        for (String id : List.of(succeededActionId, failedActionId, markupActionId)) {
            bridge.awaitFinal(id, ACTION_DEADLINE);
        }

        // Job's start API stays down past the retry budget: the action ends in the dead-letter store.
        bridge.injectFault("{\"api\": \"operate_job_instance\", \"http_status\": 502, \"count\": 50}");
        deadLetteredActionId = launch(Alerts.uniqueId(), "plain-run", "10.0.7.4");
        assertThat(bridge.awaitFinal(deadLetteredActionId, ACTION_DEADLINE).path("status").asText()).isEqualTo("failure");
        for (JsonNode letter : bridge.getJson("/api/v1/dead-letters").path("dead_letters")) {
            if (deadLetteredActionId.equals(letter.path("action_id").asText())) {
                deadLetterId = letter.path("id").asText();
            }
        }
        assertThat(deadLetterId).as("dead letter of action " + deadLetteredActionId).isNotNull();

        Files.createDirectories(SCREENSHOTS);
        profile = Files.createTempDirectory("ui-test-chromium-");
        browser = openChromium(profile);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (bridge != null) {
                bridge.close();
            }
            deleteTree(profile);
        }
    }

    @BeforeEach
    void openThePage() {
        browser.get(bridge.base() + "/ui");
        waitUntil(d -> !d.findElements(By.cssSelector("#actions-table tr.action-row")).isEmpty());
    }

    @AfterEach
    void theBrowserReportedNoError() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("console errors and blocked content (CSP) on the page").isEmpty();
    }

    @Test
    void the_recent_actions_are_listed_with_status_duration_and_job_link() throws Exception {
        // The page redraws its tables every few seconds: a read that lands on a replaced element is retried whole.
        settled(() -> {
            waitUntil(d -> rowOf(succeededActionId) != null && rowOf(deadLetteredActionId) != null);

            assertThat(statusShown(succeededActionId)).isEqualTo("success");
            assertThat(statusShown(failedActionId)).isEqualTo("failure");
            assertThat(statusShown(deadLetteredActionId)).isEqualTo("failure");

            JsonNode action = bridge.getJson("/api/v1/actions/" + succeededActionId);
            WebElement row = rowOf(succeededActionId);
            assertThat(row.findElement(By.cssSelector("td.action-name")).getText()).isEqualTo("plain-run");
            assertThat(row.findElements(By.tagName("td")).get(5).getText()).matches("\\d+(\\.\\d)? (ms|s)");
            WebElement jobLink = row.findElement(By.cssSelector("a.job-link"));
            assertThat(jobLink.getAttribute("href")).isEqualTo(action.path("job_url").asText());
            assertThat(jobLink.getText()).contains("#" + action.path("job_instance_id").asLong());

            // The alert id with markup is shown as the text it is, and adds no element to the page.
            assertThat(rowOf(markupActionId).findElement(By.cssSelector("td.alert-id")).getText()).isEqualTo(MARKUP_ALERT_ID);
            assertThat(browser.findElements(By.id("injected"))).isEmpty();

            screenshot("01-actions");
        });
    }

    @Test
    void filtering_by_status_action_name_and_alert_id_narrows_the_list() throws Exception {
        // The page redraws its tables every few seconds: a read that lands on a replaced element is retried whole.
        settled(() -> {
            int all = browser.findElements(By.cssSelector("#actions-table tr.action-row")).size();
            Set<String> failures = new HashSet<>();
            for (JsonNode a : bridge.getJson("/api/v1/actions?status=failure").path("actions")) {
                failures.add(a.path("id").asText());
            }
            assertThat(failures).contains(failedActionId).hasSizeLessThan(all);

            new Select(browser.findElement(By.id("filter-status"))).selectByValue("failure");
            waitUntil(d -> shownActionIds().equals(failures));
            assertThat(browser.getCurrentUrl()).endsWith("/ui?status=failure");
            screenshot("02-filtered-by-status");

            browser.findElement(By.id("filter-name")).sendKeys("fail-one");
            waitUntil(d -> shownActionIds().equals(Set.of(failedActionId)));

            browser.findElement(By.id("filter-clear")).click();
            waitUntil(d -> shownActionIds().size() == all);
            String markupAlert = MARKUP_ALERT_ID;
            browser.findElement(By.id("filter-alert")).sendKeys(markupAlert);
            waitUntil(d -> shownActionIds().equals(Set.of(markupActionId)));
        });
    }

    @Test
    void expanding_a_failed_action_shows_the_failing_host_and_its_log() throws Exception {
        JsonNode failed = bridge.getJson("/api/v1/actions/" + failedActionId);
        JsonNode failingHost = null;
        for (JsonNode host : failed.path("steps").get(0).path("hosts")) {
            if (host.path("exit_code").asInt() != 0) {
                failingHost = host;
            }
        }
        assertThat(failingHost).as("the simulator fails the second host of fail-one-host").isNotNull();
        String ip = failingHost.path("ip").asText();

        clickWhenReady(By.cssSelector("tr.action-row[data-action-id='" + failedActionId + "'] button.expander"));
        By failedHostRow = By.cssSelector("tr.detail-row[data-action-id='" + failedActionId + "'] tr.host-row.failed");
        waitUntil(d -> !d.findElements(failedHostRow).isEmpty());

        WebElement detail = browser.findElement(By.cssSelector("tr.detail-row[data-action-id='" + failedActionId + "']"));
        assertThat(detail.getText()).contains(failed.path("reason").asText());
        List<WebElement> failedHosts = detail.findElements(By.cssSelector("tr.host-row.failed"));
        assertThat(failedHosts).hasSize(1);
        assertThat(failedHosts.get(0).findElement(By.cssSelector("td.mono")).getText()).isEqualTo(ip);
        // The failing host's log is open without a click; the healthy host's stays closed.
        WebElement log = detail.findElement(By.cssSelector("pre.log.log-failed"));
        assertThat(log.isDisplayed()).isTrue();
        assertThat(log.getText()).contains("run check script on " + ip + " ... failed").contains("exit code 1");
        assertThat(detail.findElements(By.cssSelector("pre.log")).stream().filter(WebElement::isDisplayed).count()).isEqualTo(1);
        screenshot("03-failed-host-log");

        // A log carrying markup (the alert id went into a variable) is shown as text, not parsed.
        clickWhenReady(By.cssSelector("tr.action-row[data-action-id='" + markupActionId + "'] button.expander"));
        By markupLogToggle = By.cssSelector("tr.detail-row[data-action-id='" + markupActionId + "'] button.log-toggle");
        clickWhenReady(markupLogToggle);
        waitUntil(d -> d.findElements(By.cssSelector("tr.detail-row[data-action-id='" + markupActionId + "'] pre.log"))
                .stream().anyMatch(p -> p.isDisplayed() && p.getText().contains("run for " + MARKUP_ALERT_ID)));
        assertThat(browser.findElements(By.id("injected"))).isEmpty();
    }

    @Test
    void a_dead_letter_is_listed_and_replay_marks_it_replayed() throws Exception {
        By letterRow = By.cssSelector("tr.dead-letter-row[data-dead-letter-id='" + deadLetterId + "']");
        waitUntil(d -> !d.findElements(letterRow).isEmpty());
        WebElement row = browser.findElement(letterRow);
        assertThat(row.getText()).contains(deadLetteredActionId).contains("start-job").contains("operate_job_instance");
        assertThat(row.getAttribute("data-status")).isEqualTo("stored");
        assertThat(row.findElement(By.cssSelector("button.replay")).isEnabled()).isTrue();

        bridge.clearFaults();
        clickWhenReady(By.cssSelector("tr.dead-letter-row[data-dead-letter-id='" + deadLetterId + "'] button.replay"));

        waitUntil(d -> {
            WebElement r = d.findElement(letterRow);
            return "replayed".equals(r.getAttribute("data-status"))
                    && !r.findElement(By.cssSelector("button.replay")).isEnabled()
                    && r.findElement(By.cssSelector(".replay-result.ok")).getText().startsWith("Replayed at");
        });
        assertThat(bridge.awaitFinal(deadLetteredActionId, ACTION_DEADLINE).path("status").asText()).isEqualTo("success");
        waitUntil(d -> "success".equals(statusShown(deadLetteredActionId)));
        screenshot("04-dead-letter-replayed");
    }

    @Test
    void both_charts_render_from_the_stats_endpoints() throws Exception {
        // The page redraws its tables every few seconds: a read that lands on a replaced element is retried whole.
        settled(() -> {
            By successBars = By.cssSelector("#chart-actions svg rect.bar[data-series='success']");
            By failureBars = By.cssSelector("#chart-actions svg rect.bar[data-series='failure']");
            waitUntil(d -> !d.findElements(successBars).isEmpty() && !d.findElements(failureBars).isEmpty());
            assertThat(Integer.parseInt(browser.findElement(By.id("total-success")).getText())).isGreaterThanOrEqualTo(2);
            assertThat(Integer.parseInt(browser.findElement(By.id("total-failure")).getText())).isGreaterThanOrEqualTo(1);
            assertThat(browser.findElement(By.cssSelector("#by-action-table")).getText()).contains("plain-run").contains("fail-one-host");

            By latencyPoints = By.cssSelector("#chart-latency svg .latency-mean circle.point");
            waitUntil(d -> !d.findElements(latencyPoints).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#chart-latency .chart-empty-text"))).isEmpty();
            WebElement executeRow = browser.findElement(By.cssSelector("#latency-table tr[data-api='execute_job_plan']"));
            assertThat(Integer.parseInt(executeRow.findElements(By.tagName("td")).get(1).getText())).isGreaterThanOrEqualTo(4);
            assertThat(browser.findElement(By.cssSelector("#latency-table tr[data-api='operate_job_instance']")).getText())
                    .contains("answer lost");

            screenshot("05-charts");
            elementScreenshot(By.id("actions-chart-card"), "06-chart-actions");
            elementScreenshot(By.id("latency-chart-card"), "07-chart-latency");
        });
    }

    // ---- Helpers ----------------------------------------------------------------------------------

    private static String launch(String alertId, String alertName, String ip) throws Exception {
        String alert = Alerts.named("ALERT_ID", alertName, ip).replace("\"ALERT_ID\"", RunningBridge.JSON.writeValueAsString(alertId));
        return bridge.postAlert(alert).path("actions").get(0).path("id").asText();
    }

    /** The browser test needs Debian's chromium and chromium-driver; without them it fails, it never skips. */
    private static void requireChromium() {
        List<String> missing = new ArrayList<>();
        for (String path : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(Path.of(path))) {
                missing.add(path);
            }
        }
        if (!missing.isEmpty()) {
            fail("The status page browser test needs Chromium and its driver, missing: " + missing + ". Install them with"
                    + " `apt-get install -y chromium chromium-driver` (.ci/run does), or point -Dbridge.test.chromium and"
                    + " -Dbridge.test.chromedriver at other binaries.");
        }
    }

    private static WebDriver openChromium(Path userDataDir) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // As root in a container: no sandbox; no GPU; nothing that would reach the network on its own.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir.toAbsolutePath(), "--window-size=1440,1800",
                "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver binary is given, so Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    @FunctionalInterface
    private interface PageChecks {
        void run() throws Exception;
    }

    /** Runs read-only checks again when the page redrew an element under them (at most 5 times). */
    private static void settled(PageChecks checks) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                checks.run();
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** Waits for a condition on the page; the tables are redrawn every few seconds, so stale elements are retried. */
    private static void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }

    private static void clickWhenReady(By locator) {
        waitUntil(d -> {
            List<WebElement> found = d.findElements(locator);
            if (found.isEmpty() || !found.get(0).isDisplayed() || !found.get(0).isEnabled()) {
                return false;
            }
            found.get(0).click();
            return true;
        });
    }

    private static WebElement rowOf(String actionId) {
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.action-row[data-action-id='" + actionId + "']"));
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static String statusShown(String actionId) {
        WebElement row = rowOf(actionId);
        return row == null ? null : row.findElement(By.cssSelector(".badge")).getText();
    }

    private static Set<String> shownActionIds() {
        Set<String> ids = new HashSet<>();
        for (WebElement row : browser.findElements(By.cssSelector("#actions-table tr.action-row"))) {
            ids.add(row.getAttribute("data-action-id"));
        }
        return ids;
    }

    private static void screenshot(String name) throws IOException {
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void elementScreenshot(By locator, String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.findElement(locator).getScreenshotAs(OutputType.BYTES));
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
