package dev.switchyard.server.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One headless Firefox ESR with a fake camera and microphone, driven over WebDriver BiDi by puppeteer-core in
 * {@code src/test/node/firefox-page.mjs}, which this speaks to in JSON lines (one request, one reply).
 *
 * <p>Each browser gets its own {@link ScratchDirectory}; the script's stderr, which carries the page's console,
 * is kept in the {@link E2eLogs} as {@code <name>-firefox.log}.
 */
final class FirefoxBrowser implements Browser {

    private static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    /** The Node project of the driver script; Surefire runs tests in the module's directory. */
    private static final Path NODE_PROJECT = Path.of("src", "test", "node").toAbsolutePath();
    private static final String SCRIPT = "firefox-page.mjs";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Longer than any probe waits inside the page ({@link MediaCheck#SETTLE}). */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);
    /** Queued when the script's stdout ends: no reply is an empty line. */
    private static final String END_OF_REPLIES = "";
    private static final int LOG_LINES_IN_FAILURES = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final ScratchDirectory scratch;
    private final Process driver;
    private final Writer requests;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

    private FirefoxBrowser(String name, ScratchDirectory scratch, Process driver) {
        this.name = name;
        this.scratch = scratch;
        this.driver = driver;
        this.requests = new OutputStreamWriter(driver.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, name + "-firefox-replies");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a browser in which pages of {@code server}'s origin may use the camera and microphone; {@code name}
     * labels its log. Fails clearly when Firefox ESR or the driver script's packages are not installed.
     */
    static FirefoxBrowser launch(String name, URI server) {
        requireInstalled();
        ScratchDirectory scratch = ScratchDirectory.create();
        FirefoxBrowser browser;
        try {
            ProcessBuilder command = new ProcessBuilder("node", SCRIPT, FIREFOX.toString(), origin(server))
                    .directory(NODE_PROJECT.toFile())
                    .redirectError(E2eLogs.file(name, "firefox").toFile());
            command.environment().putAll(scratch.environment());
            browser = new FirefoxBrowser(name, scratch, command.start());
        } catch (IOException e) {
            scratch.close();
            throw new UncheckedIOException("cannot run node (the Firefox tests need Node.js 18 or later)", e);
        }
        try {
            JsonNode ready = browser.awaitReply(START_TIMEOUT, "to start");
            System.out.println("E2E " + name + " runs " + ready.path("version").asText());
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void open(URI page) {
        request(Map.of("open", page.toString()));
    }

    @Override
    public Object asyncScript(String body, Object... args) {
        return request(Map.of("script", body, "args", Arrays.asList(args)));
    }

    /** Ends the input, on which the script closes Firefox and exits; a process that hangs is ended by force. */
    @Override
    public void close() {
        try {
            requests.close();
        } catch (IOException e) {
            // The script is gone already; the wait below returns at once.
        }
        try {
            if (!driver.waitFor(EXIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                System.err.println("E2E " + name + ": Firefox did not close within " + EXIT_TIMEOUT + "; ending it");
                endByForce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            endByForce();
        } finally {
            scratch.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    /** Firefox runs as the script's children, which would outlive it. */
    private void endByForce() {
        driver.descendants().forEach(ProcessHandle::destroyForcibly);
        driver.destroyForcibly();
    }

    private synchronized Object request(Map<String, Object> request) {
        try {
            requests.write(JSON.writeValueAsString(request));
            requests.write('\n');
            requests.flush();
        } catch (IOException e) {
            throw new AssertionError(failure("took no request: " + e));
        }
        JsonNode reply = awaitReply(REPLY_TIMEOUT, "to answer " + request.keySet());
        try {
            return JSON.treeToValue(reply.get("result"), Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next reply; a reply carrying an error, no reply in time or the script's exit fail the test. */
    private JsonNode awaitReply(Duration timeout, String what) {
        String line;
        try {
            line = replies.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        if (line == null) {
            throw new AssertionError(failure("did not reply within " + timeout.toMillis() + " ms " + what));
        }
        if (line.equals(END_OF_REPLIES)) {
            replies.add(END_OF_REPLIES);
            throw new AssertionError(failure("exited instead of replying " + what));
        }
        JsonNode reply;
        try {
            reply = JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError(failure("replied with something other than JSON: " + line));
        }
        if (reply.has("error")) {
            throw new AssertionError(failure("failed " + what + ": " + reply.get("error").asText()));
        }
        return reply;
    }

    private void readReplies() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                replies.add(line);
            }
        } catch (IOException e) {
            // The process is gone: END_OF_REPLIES below says so to whoever waits.
        } finally {
            replies.add(END_OF_REPLIES);
        }
    }

    /** A failure message ending with the last lines of the script's log, which usually say why. */
    private String failure(String problem) {
        Path log = E2eLogs.file(name, "firefox");
        String tail;
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_IN_FAILURES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            tail = "(unreadable: " + e + ")";
        }
        return "Firefox " + name + " " + problem + "; the end of " + log + ":\n" + tail;
    }

    private static String origin(URI server) {
        return server.getScheme() + "://" + server.getRawAuthority();
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(FIREFOX)) {
            throw new IllegalStateException("The Firefox end-to-end tests need Firefox ESR: " + FIREFOX
                    + " is missing. Install it with `apt-get install -y firefox-esr` (.ci/run does).");
        }
        if (!Files.isDirectory(NODE_PROJECT.resolve("node_modules").resolve("puppeteer-core"))) {
            throw new IllegalStateException("The Firefox end-to-end tests drive Firefox with puppeteer-core, which"
                    + " is not installed: run `npm ci` in " + NODE_PROJECT + " (.ci/run does).");
        }
    }
}
