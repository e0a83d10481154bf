package dev.switchyard.transport.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A peer script under {@code src/test/node} run with Node.js, spoken to in JSON lines: one object per line on its
 * stdin, one event object (with an {@code "event"} member) per line on its stdout. Stderr is echoed to the test's
 * stderr and its last lines are kept for failure messages.
 */
final class NodePeerProcess implements AutoCloseable {

    /** The Node project of the interop peers; surefire runs tests in the module's directory. */
    static final Path NODE_PROJECT = Path.of("src", "test", "node").toAbsolutePath();

    private static final int KEPT_STDERR_LINES = 40;

    private final Process process;
    private final Writer stdin;
    private final Map<String, Map<String, String>> latestEvents = new HashMap<>();
    private final Deque<String> recentStderr = new ArrayDeque<>();
    private boolean stdoutClosed;

    private NodePeerProcess(Process process) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        daemon("node-peer-stdout", () -> pump(process.getInputStream(), this::onEvent, this::onStdoutClosed));
        daemon("node-peer-stderr", () -> pump(process.getErrorStream(), this::onStderr, () -> { }));
    }

    /** Starts {@code node <script> <arguments>} in {@link #NODE_PROJECT}, installing its packages first if needed. */
    static NodePeerProcess start(String script, Object... arguments) throws IOException, InterruptedException {
        installPackagesIfMissing();
        List<String> command = new ArrayList<>(List.of("node", script));
        for (Object argument : arguments) {
            command.add(String.valueOf(argument));
        }
        return new NodePeerProcess(launch(new ProcessBuilder(command).directory(NODE_PROJECT.toFile())));
    }

    /** {@code npm ci} from the committed lock file, so that the test also runs on a fresh checkout. */
    private static void installPackagesIfMissing() throws IOException, InterruptedException {
        if (Files.isDirectory(NODE_PROJECT.resolve("node_modules"))) {
            return;
        }
        Path log = Files.createTempFile("npm-ci", ".log");
        try {
            Process npm = launch(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(NODE_PROJECT.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()));
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                fail("npm ci in " + NODE_PROJECT + " failed:\n" + Files.readString(log));
            }
        } finally {
            Files.delete(log);
        }
    }

    private static Process launch(ProcessBuilder builder) throws IOException {
        try {
            return builder.start();
        } catch (IOException e) {
            String program = builder.command().get(0);
            throw new IOException("cannot run '" + program + "': the interop tests need Node.js 18 or later (node "
                    + "and npm on PATH)", e);
        }
    }

    /** Writes one command object, e.g. {@code {"send":100}}. */
    void send(String jsonObject) throws IOException {
        stdin.write(jsonObject);
        stdin.write('\n');
        stdin.flush();
    }

    /**
     * Waits until the latest event named {@code event} satisfies {@code condition} and returns it; fails the test
     * if the process ends first or {@code timeout} passes.
     */
    synchronized Map<String, String> await(String event, Predicate<Map<String, String>> condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> latest = latestEvents.get(event);
            if (latest != null && condition.test(latest)) {
                return latest;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0 || stdoutClosed) {
                fail("node peer: no satisfying '" + event + "' event " + (stdoutClosed ? "before it exited" :
                        "within " + timeout) + "; latest events " + latestEvents + "; stderr:\n" + recentStderr());
            }
            TimeUnit.NANOSECONDS.timedWait(this, remaining);
        }
    }

    synchronized Map<String, String> await(String event, Duration timeout) throws InterruptedException {
        return await(event, any -> true, timeout);
    }

    /** A numeric member of the latest event named {@code event}, or 0 before there is one. */
    synchronized long latestNumber(String event, String member) {
        Map<String, String> latest = latestEvents.get(event);
        return latest == null ? 0 : Long.parseLong(latest.get(member));
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("node peer did not exit within " + timeout + "; stderr:\n" + recentStderr());
        }
        return process.exitValue();
    }

    synchronized String recentStderr() {
        return String.join("\n", recentStderr);
    }

    private synchronized void onEvent(String line) {
        Map<String, String> event = JsonLine.parseObject(line);
        latestEvents.put(event.get("event"), event);
        notifyAll();
    }

    private synchronized void onStdoutClosed() {
        stdoutClosed = true;
        notifyAll();
    }

    private synchronized void onStderr(String line) {
        System.err.println("[node peer] " + line);
        if (recentStderr.size() == KEPT_STDERR_LINES) {
            recentStderr.removeFirst();
        }
        recentStderr.addLast(line);
    }

    private static void pump(InputStream stream, Consumer<String> lines, Runnable atEnd) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // The process is gone; atEnd reports it.
        } finally {
            atEnd.run();
        }
    }

    private static void daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Ends the process if it is still running. */
    @Override
    public void close() {
        process.destroyForcibly();
    }
}
