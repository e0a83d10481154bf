package dev.switchyard.server.e2e;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * One headless Chromium with a fake camera and microphone, driven through Debian's chromedriver.
 *
 * <p>Each browser gets its own {@link ScratchDirectory}. The driver path is given explicitly, which keeps
 * Selenium Manager from ever looking for (or downloading) a driver. On close the page's console output is
 * kept in the {@link E2eLogs} (with the chromedriver log).
 */
final class ChromiumBrowser implements Browser {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    /** Flags measured to work on this machine, in the default and in a loopback-only network namespace. */
    private static final List<String> FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            "--allow-loopback-in-peer-connection",
            "--disable-features=WebRtcHideLocalIpsWithMdns",
            "--autoplay-policy=no-user-gesture-required");

    private final String name;
    private final ScratchDirectory scratch;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private ChromiumBrowser(String name, ScratchDirectory scratch, ChromeDriverService service, ChromeDriver driver) {
        this.name = name;
        this.scratch = scratch;
        this.service = service;
        this.driver = driver;
    }

    /** Starts a browser; {@code name} labels its log files. Fails clearly when Chromium is not installed. */
    static ChromiumBrowser launch(String name) {
        return launch(name, List.of());
    }

    /** The same with {@code extraFlags} besides the usual ones. */
    static ChromiumBrowser launch(String name, List<String> extraFlags) {
        requireInstalled();
        ScratchDirectory scratch = ScratchDirectory.create();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(scratch.environment())
                .withLogFile(E2eLogs.file(name, "chromedriver").toFile())
                .build();
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(FLAGS)
                .addArguments(extraFlags)
                .addArguments("--user-data-dir=" + scratch.path().resolve("profile"));
        options.setCapability("goog:loggingPrefs", logging);
        try {
            return new ChromiumBrowser(name, scratch, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            scratch.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(URI page) {
        driver.get(page.toString());
    }

    /** Runs {@code source} in every page opened from now on, before the page's own scripts. */
    void runBeforePageScripts(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    /** Runs synchronous JavaScript in the page; {@code arguments[i]} are the given values. */
    Object script(String body, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(body, args);
    }

    @Override
    public Object asyncScript(String body, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(body, args);
    }

    @Override
    public void close() {
        try {
            saveConsoleLog();
        } finally {
            try {
                driver.quit();
            } finally {
                service.stop();
                scratch.close();
            }
        }
    }

    private void saveConsoleLog() {
        try {
            List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
            E2eLogs.save(name, "console", entries.stream()
                    .map(e -> e.getTimestamp() + " " + e.getLevel() + " " + e.getMessage())
                    .collect(Collectors.joining("\n", "", "\n")));
        } catch (WebDriverException e) {
            System.err.println("E2E could not read the console log of " + name + ": " + e);
        }
    }

    private static void requireInstalled() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException("The end-to-end tests need Chromium and its WebDriver: " + binary
                        + " is missing. Install them with `apt-get install -y chromium chromium-driver` (.ci/run does).");
            }
        }
    }
}
