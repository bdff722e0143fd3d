package dev.victor.workflow.distribution.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in a real headless browser (Debian's chromium and chromedriver, through Selenium):
 * draw the approval example's graph, start it, find it in the inbox, approve it, see it complete.
 * Takes the screenshot of the README (target/web.png). Skipped only where no chromium is
 * installed (.ci/run installs it).
 */
class WebPageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path directory;

    private static WebShell shell;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException, InterruptedException {
        Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
        Assumptions.assumeTrue(chromium.isPresent(),
                "no chromium on this machine: install Debian's chromium and chromium-driver to run the page's test");
        Path driver = executable("chromedriver").orElseThrow(() -> new AssertionError(
                "chromium is installed but chromedriver is not: install Debian's chromium-driver"));
        shell = WebShell.start(Path.of(System.getProperty("victor.dist", "target/victor")).toAbsolutePath(), directory);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1500,1100", "--user-data-dir=" + directory.resolve("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException, InterruptedException {
        if (browser != null) {
            browser.quit();
        }
        if (shell != null) {
            shell.close();
        }
    }

    private static Optional<Path> executable(String... names) {
        for (String directory : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            for (String name : names) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void drawStartFindInTheInboxApproveAndSeeItComplete() throws IOException {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        browser.get(shell.base.toString());
        wait.until(ExpectedConditions.textToBe(By.id("health"), "healthy"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plugins tbody tr")));

        WebElement uri = browser.findElement(By.id("uri"));
        uri.clear();
        uri.sendKeys("examples/approval.yaml");
        browser.findElement(By.id("draw")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#graph svg g[data-node='approve']")));
        assertThat(browser.findElements(By.cssSelector("#graph svg g.node"))).hasSize(5);
        assertThat(browser.findElement(By.id("mermaid")).getAttribute("textContent")).startsWith("flowchart TD");

        WebElement state = browser.findElement(By.id("state"));
        state.clear();
        state.sendKeys("{\"payee\": \"Bob\", \"amount\": 40}");
        browser.findElement(By.id("start")).click();
        wait.until(ExpectedConditions.textToBe(By.id("run-state"), "INTERRUPTED"));
        String status = browser.findElement(By.id("run-status")).getText();
        String thread = status.substring(status.indexOf("thread ") + "thread ".length()).strip();
        assertThat(browser.findElement(By.id("events")).getText()).contains("approve waits: Pay 40 EUR to Bob?");

        By item = By.cssSelector("#inbox li[data-thread='" + thread + "']");
        WebElement waiting = wait.until(ExpectedConditions.visibilityOfElementLocated(item));
        assertThat(waiting.getText()).contains("Pay 40 EUR to Bob?", "approval", "node approve");
        screenshot();

        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                "#inbox li[data-thread='" + thread + "'] button.answer[data-value='true']"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("run-state"), "COMPLETED"));
        assertThat(browser.findElement(By.id("result")).getText()).contains("\"receipt\": \"paid 40 EUR to Bob\"");
        wait.until(ExpectedConditions.numberOfElementsToBe(item, 0));
        assertThat(browser.findElements(By.cssSelector("#graph svg g.node.done"))).extracting(node -> node.getAttribute("data-node"))
                .containsAll(List.of("prepare", "approve", "pay"));
    }

    private static void screenshot() throws IOException {
        Path target = Path.of("target", "web.png");
        Files.createDirectories(target.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target,
                StandardCopyOption.REPLACE_EXISTING);
    }
}
