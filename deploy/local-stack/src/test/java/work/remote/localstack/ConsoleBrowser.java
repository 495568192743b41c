package work.remote.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium on the console, signed in through its dev sign-in form. Each instance is a browser
 * of its own, with its own profile and cookies: two of them are two people. It runs Debian's {@code chromium} through
 * Debian's {@code chromedriver}; naming the driver's executable keeps Selenium Manager, which would download a driver,
 * out of it.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where {@link #screenshot(String)} writes, under the module's {@code target}. */
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String consoleUrl;

    private ConsoleBrowser(ChromeDriver driver, String consoleUrl) {
        this.driver = driver;
        this.consoleUrl = consoleUrl;
    }

    /** Throws, naming the Debian packages to install, when the browser or its driver is missing. */
    static void requireInstalled() {
        for (Path executable : List.of(CHROMEDRIVER, CHROMIUM)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException("The console's browser tests drive Debian's Chromium, and " + executable
                        + " is missing: install the packages chromium and chromium-driver "
                        + "(apt-get install -y chromium chromium-driver; .ci/run does it when it is missing)");
            }
        }
    }

    /** A new browser on the console, signed in as {@code person} with {@code roles}. */
    static ConsoleBrowser signedIn(String consoleUrl, String person, String... roles) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ConsoleBrowser browser = new ConsoleBrowser(new ChromeDriver(service, options), consoleUrl);
        try {
            browser.signIn(person, roles);
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
        return browser;
    }

    private void signIn(String person, String... roles) {
        open("/sign-in");
        find(By.id("person")).sendKeys(person);
        for (String role : roles) {
            find(By.id("role-" + role)).click();
        }
        find(By.id("sign-in")).click();
        if (!has(By.id("viewer"))) {
            throw new IllegalStateException("signing in as " + person + " " + List.of(roles) + " failed on "
                    + driver.getCurrentUrl() + ": " + find(By.tagName("main")).getText());
        }
    }

    /** Opens a page of the console, e.g. {@code /launches/<id>}, and waits until it has loaded. */
    void open(String path) {
        driver.get(consoleUrl + path);
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    boolean has(By by) {
        return !driver.findElements(by).isEmpty();
    }

    /** Waits at most {@code timeout} until {@code condition} answers something other than null or false. */
    <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).withMessage(what).until(condition);
    }

    /** Waits until the page's live connection to the console ({@code /live}, Server-Sent Events) is open. */
    void awaitLiveConnection() {
        await(PAGE_WAIT, "the page's live connection", page -> script("""
                var live = document.getElementById('live');
                var data = live && live['htmx-internal-data'];
                return !!data && !!data.sseEventSource && data.sseEventSource.readyState === EventSource.OPEN;"""));
    }

    Object script(String javaScript) {
        return ((JavascriptExecutor) driver).executeScript(javaScript);
    }

    String currentPath() {
        return driver.getCurrentUrl().substring(consoleUrl.length());
    }

    /** The bearer token the console keeps in its HttpOnly sign-in cookie: what the services see as this person. */
    String token() {
        Cookie cookie = driver.manage().getCookieNamed("console-token");
        if (cookie == null) {
            throw new IllegalStateException("no sign-in cookie on " + driver.getCurrentUrl());
        }
        return cookie.getValue();
    }

    /** Makes the window {@code width} by {@code height} CSS pixels, a phone's for instance. */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * How far the page, or any element outside a sideways-scrolling box of its own (a wide table's), reaches beyond
     * the window's width without its scrollbar, in CSS pixels: 0 when nothing is cut off or needs sideways scrolling.
     */
    long overflowingWidth() {
        return ((Number) script("""
                var width = document.documentElement.clientWidth;
                var furthest = document.documentElement.scrollWidth;
                document.querySelectorAll('main *').forEach(function (element) {
                  if (!element.closest('.table-wrap')) {
                    furthest = Math.max(furthest, Math.ceil(element.getBoundingClientRect().right));
                  }
                });
                return Math.max(0, furthest - width);""")).longValue();
    }

    /** The whole page, beyond the window's height, as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of())
                .get("cssContentSize");
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", content.get("width"),
                        "height", content.get("height"), "scale", 1)));
        Path png = SCREENSHOTS.resolve(name + ".png");
        Files.createDirectories(SCREENSHOTS);
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
        return png;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
