package cn.cabr.carbon.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium. Selenium Manager cannot download anything here, so the browser and
 * its driver are the system's ({@code scripts/test.sh} installs them when missing).
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;

    public Browser(int port) throws IOException {
        this(port, null);
    }

    /**
     * A browser whose fake camera plays {@code fakeVideo} (a Y4M file, see {@link Y4m}) instead of Chromium's
     * built-in test pattern; {@code null} keeps the pattern.
     */
    public Browser(int port, Path fakeVideo) throws IOException {
        this(port, fakeVideo, "zh-CN,zh");
    }

    /** As above, with the languages the browser asks for ({@code intl.accept_languages}, e.g. "en-US,en"). */
    public Browser(int port, Path fakeVideo, String acceptLanguages) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
                    + CHROMIUM + ", " + CHROMEDRIVER + "); run the tests with scripts/test.sh, which installs them");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000",
                // the exam's device check: a fake camera and microphone, allowed without a prompt
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (fakeVideo != null) {
            options.addArguments("--use-file-for-fake-video-capture=" + fakeVideo.toAbsolutePath());
        }
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        // Chromium answers "Node with given id does not belong to the document" (a plain WebDriverException) instead
        // of a stale element when a page is replaced while a wait reads it; like a stale element, that only means:
        // look again. A wait that never succeeds still fails at its timeout, with the last error as the cause.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        this.wait.ignoring(WebDriverException.class);
        this.base = "http://localhost:" + port;
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /** Signs in at the application's own login page. */
    public void login(String username, String password) {
        open("/login");
        visible(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    public WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public WebElement clickable(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    /** Scrolls the element to the middle of the window first: Tasklist's footer covers the bottom of long forms. */
    public void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    public void waitForText(By locator, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public WebDriverWait waiting() {
        return wait;
    }

    /** Saves a screenshot under target/ to see what a failing test saw. */
    public Path screenshot(String name) {
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A screenshot for the README: written to docs/screenshots/ only when the tests run with
     * {@code -Ddocs.screenshots=true} (scripts/screenshots.sh), so ordinary test runs leave the work tree alone.
     */
    public void documentationScreenshot(String name) {
        Path taken = screenshot("docs-" + name);
        if (Boolean.getBoolean("docs.screenshots")) {
            try {
                Path target = Path.of("docs", "screenshots", name + ".png");
                Files.createDirectories(target.getParent());
                Files.copy(taken, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
