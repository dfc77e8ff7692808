package mx.gob.inm.preregistro.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for UI tests, driven by Selenium with the machine's own browser and driver
 * (Debian's {@code chromium} and {@code chromium-driver}): both paths are set explicitly, so Selenium
 * Manager never downloads anything. Skips the test (JUnit assumption) when Chromium is not installed.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *     browser.open(baseUrl).setViewport(360, 740);
 *     browser.screenshot("home-360");
 *     browser.assertAccessible();
 * }
 * }</pre>
 *
 * System properties: {@code browser.chromium} (default /usr/bin/chromium), {@code browser.chromedriver}
 * (default /usr/bin/chromedriver), {@code axe.script} (default: the frontend's node_modules copy),
 * {@code browser.screenshots} (default target/screenshots).
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    /** Without these, headless Chromium stalls on this kind of machine (network probes, first-run UI). */
    private static final List<String> FLAGS = List.of(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            "--disable-extensions", "--disable-default-apps", "--no-default-browser-check",
            "--hide-scrollbars", "--lang=es-MX");

    public static final int DESKTOP_WIDTH = 1280;
    public static final int DESKTOP_HEIGHT = 900;
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.screenshots = Path.of(System.getProperty("browser.screenshots", "target/screenshots"));
    }

    /** Starts a fresh browser (new profile: empty storage, no cookies) with a desktop-sized window. */
    public static Browser start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
        if (!Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Chromium is installed but its driver is not: " + CHROMEDRIVER
                    + " (Debian package chromium-driver)");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("preregistro-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--window-size=" + DESKTOP_WIDTH + "," + DESKTOP_HEIGHT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
            Browser browser = new Browser(service, driver, profile);
            browser.setViewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
            return browser;
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** The underlying Selenium driver, for anything this class does not wrap. */
    public ChromeDriver driver() {
        return driver;
    }

    /** Loads a URL and waits for the document to be complete. */
    public Browser open(String url) {
        driver.get(url);
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Reloads the current page. */
    public Browser reload() {
        driver.navigate().refresh();
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /**
     * Sets the CSS viewport exactly (device metrics emulation): {@code setViewport(360, 740)} is a small
     * phone, where the page's {@code width=device-width} meta applies as on a real phone.
     */
    public Browser setViewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 768));
        return this;
    }

    /** Back to the desktop window size. */
    public Browser resetViewport() {
        return setViewport(DESKTOP_WIDTH, DESKTOP_HEIGHT);
    }

    /** Runs JavaScript in the page and returns its result (Selenium's conversions: Map, List, Long, ...). */
    @SuppressWarnings("unchecked")
    public <T> T script(String javascript, Object... args) {
        return (T) driver.executeScript(javascript, args);
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public WebElement waitForVisible(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForHidden(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    /**
     * Waits until the condition holds. The SPA re-renders a page by replacing its elements, so an element the
     * condition found a moment ago may be gone: that counts as "not yet", not as a failure.
     */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(condition);
    }

    /** The visible text of the whole page body. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The element that has keyboard focus. */
    public WebElement activeElement() {
        return driver.switchTo().activeElement();
    }

    /** Presses keys as a keyboard user would, at whatever has focus (e.g. {@code press(Keys.TAB)}). */
    public Browser press(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Forgets everything the page stored (localStorage, sessionStorage, cookies) for the current origin. */
    public Browser clearStorage() {
        driver.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        driver.manage().deleteAllCookies();
        return this;
    }

    /** Saves what is visible in the viewport as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        return save(name, driver.getScreenshotAs(OutputType.BYTES));
    }

    /** Saves the whole page, beyond the viewport, as {@code target/screenshots/<name>.png}. */
    @SuppressWarnings("unchecked")
    public Path screenshotFullPage(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = ((Number) size.get("height")).doubleValue();
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return save(name, Base64.getDecoder().decode((String) shot.get("data")));
    }

    private Path save(String name, byte[] png) {
        try {
            Files.createDirectories(screenshots);
            Path file = screenshots.resolve(name.endsWith(".png") ? name : name + ".png");
            Files.write(file, png);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WCAG 2.x A/AA violations axe-core finds in the current page (empty when none). */
    public List<AxeViolation> accessibilityViolations() {
        return Axe.run(driver, Axe.WCAG_A_AA);
    }

    /** Fails, listing rule id, impact and offending elements, if axe-core finds WCAG 2.x A/AA violations. */
    public Browser assertAccessible() {
        List<AxeViolation> violations = accessibilityViolations();
        if (!violations.isEmpty()) {
            Assertions.fail(violations.size() + " WCAG 2 A/AA violation(s) found by axe-core on "
                    + driver.getCurrentUrl() + ":\n"
                    + violations.stream().map(v -> "  - " + v.describe()).collect(Collectors.joining("\n")));
        }
        return this;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp profile is harmless
        }
    }
}
