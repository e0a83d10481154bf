package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
 * <p>Each browser gets its own scratch directory (profile, HOME, TMPDIR) that is deleted on close, so
 * browsers never share state and nothing is left behind. The driver path is given explicitly, which keeps
 * Selenium Manager from ever looking for (or downloading) a driver. On close the page's console output is
 * kept in {@code target/e2e-logs/} (with the chromedriver log) because it is the first thing to read when
 * a test fails.
 */
final class ChromiumBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path LOG_DIR = Path.of("target", "e2e-logs");

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
    private final Path scratch;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private ChromiumBrowser(String name, Path scratch, ChromeDriverService service, ChromeDriver driver) {
        this.name = name;
        this.scratch = scratch;
        this.service = service;
        this.driver = driver;
    }

    /** Starts a browser; {@code name} labels its log files. Fails clearly when Chromium is not installed. */
    static ChromiumBrowser launch(String name) {
        requireInstalled();
        Path scratch = createScratch(name);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of(
                        "HOME", scratch.toString(),
                        "TMPDIR", scratch.toString(),
                        "XDG_CONFIG_HOME", scratch.resolve("config").toString(),
                        "XDG_CACHE_HOME", scratch.resolve("cache").toString()))
                .withLogFile(LOG_DIR.resolve(name + "-chromedriver.log").toFile())
                .build();
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(FLAGS)
                .addArguments("--user-data-dir=" + scratch.resolve("profile"));
        options.setCapability("goog:loggingPrefs", logging);
        try {
            return new ChromiumBrowser(name, scratch, service, new ChromeDriver(service, options));
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(scratch);
            throw e;
        }
    }

    String name() {
        return name;
    }

    void open(URI page) {
        driver.get(page.toString());
    }

    /** Runs synchronous JavaScript in the page; {@code arguments[i]} are the given values. */
    Object script(String body, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(body, args);
    }

    /** Runs JavaScript that completes by calling {@code arguments[arguments.length - 1]}. */
    Object asyncScript(String body, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(body, args);
    }

    /** Keeps {@code text} beside the browser's other logs as {@code <name>-<kind>.log}. */
    void saveLog(String kind, String text) {
        try {
            Files.writeString(LOG_DIR.resolve(name + "-" + kind + ".log"), text);
        } catch (IOException e) {
            System.err.println("E2E could not save the " + kind + " log of " + name + ": " + e);
        }
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
                deleteRecursively(scratch);
            }
        }
    }

    private void saveConsoleLog() {
        try {
            List<LogEntry> entries = driver.manage().logs().get(LogType.BROWSER).getAll();
            saveLog("console", entries.stream()
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

    private static Path createScratch(String name) {
        try {
            Files.createDirectories(LOG_DIR);
            // Short: Chromium puts a unix socket under TMPDIR and gives up when its path exceeds 107 bytes.
            return Files.createTempDirectory("sye2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("E2E could not delete " + root + ": " + e);
        }
    }
}
