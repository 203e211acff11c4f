package org.yiwang.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium driven through Debian's chromedriver — never a downloaded browser or
 * driver (Selenium Manager is not involved because both paths are given). Holds the helpers every
 * screen test needs: open a path, sign in through the real form, fill and submit, wait, and take
 * screenshots at phone and desktop sizes into {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    public static final String DEMO_PASSWORD = "yiwang-demo";

    /** Screen sizes the screenshots are taken at (CSS pixels). */
    public enum Size {
        PHONE(390, 844, true), DESKTOP(1440, 900, false);

        final int width;
        final int height;
        final boolean mobile;

        Size(int width, int height, boolean mobile) {
            this.width = width;
            this.height = height;
            this.mobile = mobile;
        }

        String fileSuffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final String CHROMIUM = System.getProperty("yiwang.browser.binary", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("yiwang.browser.driver", "/usr/bin/chromedriver");
    private static final int MAX_SCREENSHOT_HEIGHT = 4000;

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String baseUrl;

    private Browser(ChromeDriver driver, ChromeDriverService service, Path profile, String baseUrl) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.baseUrl = baseUrl;
    }

    /** Starts a fresh headless Chromium (its own profile folder) talking to the app at {@code baseUrl}. */
    public static Browser start(String baseUrl) {
        Path profile;
        try {
            profile = Files.createTempDirectory("yiwang-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--lang=zh-CN",
                // no page under test reaches past this machine: tile servers and the like resolve to nothing
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + Size.DESKTOP.width + "," + Size.DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        // the console, so that a test can see what the Content-Security-Policy refused
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Browser browser = new Browser(driver, service, profile, baseUrl.replaceAll("/$", ""));
        browser.viewport(Size.DESKTOP);
        return browser;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** What the browser refused under the Content-Security-Policy since the last call (console messages). */
    public java.util.List<String> cspViolations() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
    }

    // ---- navigation -------------------------------------------------------------------------

    /** Opens an app path such as {@code /console/queue?page=2}. */
    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** The current path and query, without the base URL. */
    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    /** Signs out (if needed) and signs in as a demo user through the real sign-in form. */
    public Browser signIn(String username) {
        return signIn(username, DEMO_PASSWORD);
    }

    public Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector("form[action$='/login'] button[type=submit]")).click();
        waitUntil(d -> !path().startsWith("/login"), "signed in as " + username + " (still on " + path() + ")");
        return this;
    }

    // ---- finding and acting -------------------------------------------------------------------

    public WebElement find(By by) {
        return waitUntil(ExpectedConditions.presenceOfElementLocated(by), "element " + by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public boolean exists(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public WebElement visible(By by) {
        return waitUntil(ExpectedConditions.visibilityOfElementLocated(by), "visible element " + by);
    }

    /**
     * Clicks the element, finding it again if the page replaced it meanwhile (an htmx swap), and trying
     * again if content arriving late moved it under something else (suggestions appearing above a button).
     */
    public Browser click(By by) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement element = waitUntil(ExpectedConditions.elementToBeClickable(by), "clickable element " + by);
                scrollIntoView(element);
                element.click();
                return this;
            } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.ElementClickInterceptedException e) {
                if (attempt == 3) {
                    throw e;
                }
                waitForHtmx();
            }
        }
    }

    public Browser type(By by, String text) {
        WebElement element = visible(by);
        element.clear();
        element.sendKeys(text);
        return this;
    }

    /** Picks the option with this value, or failing that the option with this visible text. */
    public Browser select(By by, String valueOrText) {
        Select select = new Select(visible(by));
        try {
            select.selectByValue(valueOrText);
        } catch (org.openqa.selenium.NoSuchElementException e) {
            select.selectByVisibleText(valueOrText);
        }
        return this;
    }

    /** Attaches a local file to a file input (works for hidden camera inputs too). */
    public Browser attach(By fileInput, Path file) {
        find(fileInput).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    public String text(By by) {
        // an element found just before a submitted form's page replaced it is stale: find it again on the new page
        for (int attempt = 1; ; attempt++) {
            try {
                return visible(by).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
                waitForHtmx();
            }
        }
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void scrollIntoView(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    // ---- waiting -----------------------------------------------------------------------------

    public <T> T waitUntil(Function<? super org.openqa.selenium.WebDriver, T> condition, String what) {
        // a page that is being replaced (a form just submitted) leaves stale elements behind: look again
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .withMessage(() -> "waiting for " + what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** Waits until the page shows this text somewhere in its body. */
    public Browser waitForText(String text) {
        waitUntil(d -> pageText().contains(text), "text \"" + text + "\" on " + path());
        return this;
    }

    /** Waits until the path (with query) starts with {@code prefix}. */
    public Browser waitForPath(String prefix) {
        waitUntil(d -> path().startsWith(prefix), "path " + prefix + " (now " + path() + ")");
        return this;
    }

    /** Waits until no htmx request is in flight (no-op on pages without htmx). */
    public Browser waitForHtmx() {
        waitUntil(d -> Boolean.TRUE.equals(script(
                "return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0;")),
                "htmx requests to finish");
        return this;
    }

    /** The text of the success flash message, failing if the page shows an error flash instead. */
    public String flashSuccess() {
        waitUntil(d -> exists(By.cssSelector(".flash-success")) || exists(By.cssSelector(".flash-error")),
                "a flash message on " + path());
        if (exists(By.cssSelector(".flash-error"))) {
            throw new AssertionError("error flash on " + path() + ": " + driver.findElement(By.cssSelector(".flash-error")).getText());
        }
        return driver.findElement(By.cssSelector(".flash-success")).getText();
    }

    public String flashError() {
        return visible(By.cssSelector(".flash-error")).getText();
    }

    // ---- screenshots ---------------------------------------------------------------------------

    /**
     * Saves the whole current page as {@code target/screenshots/<name>-phone.png} and
     * {@code <name>-desktop.png}: the viewport is emulated at 390×844 (mobile, touch) and 1440×900,
     * the page is re-laid out, and everything up to 4,000 px tall is captured. Leaves the browser at
     * desktop size.
     */
    public List<Path> screenshots(String name) {
        Path phone = screenshot(name, Size.PHONE);
        Path desktop = screenshot(name, Size.DESKTOP);
        return List.of(phone, desktop);
    }

    /** Saves the page at one size as {@code target/screenshots/<name>-<size>.png}. */
    public Path screenshot(String name, Size size) {
        viewport(size);
        try {
            Path file = SCREENSHOTS.resolve(name + "-" + size.fileSuffix() + ".png");
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, capture(size));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            viewport(Size.DESKTOP);
        }
    }

    /** Emulates a viewport of exactly this size (and a touch phone for {@link Size#PHONE}). */
    public Browser viewport(Size size) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", size.width, "height", size.height, "deviceScaleFactor", 1, "mobile", size.mobile));
        driver.executeCdpCommand("Emulation.setTouchEmulationEnabled", Map.of("enabled", size.mobile));
        // let media queries, the meta viewport and scripts listening to resize settle
        script("window.dispatchEvent(new Event('resize'));");
        waitUntil(d -> Boolean.TRUE.equals(script("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))));")),
                "layout at " + size);
        return this;
    }

    @SuppressWarnings("unchecked")
    private byte[] capture(Size size) {
        try {
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            Map<String, Object> content = (Map<String, Object>) metrics.getOrDefault("cssContentSize", metrics.get("contentSize"));
            double height = Math.min(MAX_SCREENSHOT_HEIGHT, Math.max(size.height, ((Number) content.get("height")).doubleValue()));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", size.width, "height", height, "scale", 1)));
            return Base64.getDecoder().decode((String) shot.get("data"));
        } catch (WebDriverException | ClassCastException | NullPointerException e) {
            return driver.getScreenshotAs(OutputType.BYTES);
        }
    }

    /** Saves what the browser shows now (for failures) without changing the viewport. */
    public Path failureScreenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException | WebDriverException e) {
            return null;
        }
    }

    /** The current page for failure reports: URL and source, cut at 30,000 characters. */
    public String describePage() {
        try {
            String source = driver.getPageSource();
            if (source.length() > 30_000) {
                source = source.substring(0, 30_000) + "\n… (" + (source.length() - 30_000) + " more characters)";
            }
            return "page " + driver.getCurrentUrl() + "\n" + source;
        } catch (WebDriverException e) {
            return "page unavailable: " + e.getMessage();
        }
    }

    // ---- files --------------------------------------------------------------------------------

    /** A small real JPEG photo (a coloured square) in {@code target/}, for upload tests. */
    public static Path samplePhoto(String name) {
        try {
            Path dir = Paths.get("target", "browser-files");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".jpg");
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(Math.abs(name.hashCode()) % 0xFFFFFF));
            g.fillRect(0, 0, 64, 48);
            g.setColor(java.awt.Color.WHITE);
            g.fillOval(16, 8, 32, 32);
            g.dispose();
            javax.imageio.ImageIO.write(image, "jpg", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a text file (e.g. a CSV to import) into {@code target/browser-files/}. */
    public static Path textFile(String name, String content) {
        try {
            Path dir = Paths.get("target", "browser-files");
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (WebDriverException ignored) {
            // the browser is gone already
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
