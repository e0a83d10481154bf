package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchyard.server.Main;

/**
 * The server as operators run it: its own JVM started through {@link Main}, on the test's class path, stopped
 * with SIGTERM ({@link Process#destroy()}), so that its shutdown hook drains it as in production.
 */
final class ServerProcess implements AutoCloseable {

    /** A deadline, not a goal: the server starts in about 2 s, but once took over 30 s in CI beside three browsers. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String READY = "Switchyard demo: ";

    private final Process process;
    private final Path log;
    private final URI page;

    private ServerProcess(Process process, Path log, URI page) {
        this.process = process;
        this.log = log;
        this.page = page;
    }

    /** Starts {@code Main} with {@code options} and waits until it serves; {@code name} labels its log. */
    static ServerProcess start(String name, List<String> options) {
        Path log = E2eLogs.file(name, "server");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(options);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            String ready = Poll.until(name + " to serve", START_TIMEOUT, () -> readyLine(log, process),
                    line -> line != null, String::valueOf);
            return new ServerProcess(process, log, URI.create(ready.substring(ready.indexOf(READY) + READY.length())
                    .trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the server process", e);
        }
    }

    private static String readyLine(Path log, Process process) {
        if (!process.isAlive()) {
            throw new AssertionError("the server process exited with " + process.exitValue() + "; see " + log);
        }
        try {
            return Files.readAllLines(log).stream().filter(line -> line.contains(READY)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The demo page's origin. */
    URI page() {
        return page;
    }

    /** Sends SIGTERM and waits for the process to drain and exit; returns its exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not exit within " + timeout + " of SIGTERM; see " + log);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
