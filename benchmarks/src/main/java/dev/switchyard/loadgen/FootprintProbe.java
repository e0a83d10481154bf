package dev.switchyard.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Samples the server's footprint ({@link FootprintSample}) through its {@code /health} and, given its pid,
 * {@code /proc}; collects its garbage before the idle and after-leave samples so that their heap figures hold
 * live data, not whatever the collector had not reached yet. What could not be done is kept as a note.
 */
final class FootprintProbe {

    static final long WINDOW_SAMPLE_MILLIS = 5_000;
    private static final long EMPTY_TIMEOUT_MILLIS = 15_000;
    private static final long SETTLE_POLL_MILLIS = 500;
    private static final long GC_TIMEOUT_SECONDS = 10;
    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final URI health;
    private final OptionalLong pid;
    private final long originNanos = System.nanoTime();
    private final List<String> notes = new ArrayList<>();
    private boolean everyCollectionRan = true;

    FootprintProbe(HttpClient http, URI signalingUrl, OptionalLong pid) {
        this.http = http;
        this.health = URI.create("http://" + signalingUrl.getRawAuthority() + "/health");
        this.pid = pid;
    }

    /** Collects the server's garbage, then samples: the footprint before anyone joins. */
    FootprintSample idle() throws InterruptedException {
        collectGarbage();
        return sample();
    }

    /** Samples now, every {@link #WINDOW_SAMPLE_MILLIS}, and when {@code window} has passed; returns then. */
    List<FootprintSample> sampleThroughout(Duration window) throws InterruptedException {
        long wake = System.nanoTime();
        long end = wake + window.toNanos();
        long step = TimeUnit.MILLISECONDS.toNanos(WINDOW_SAMPLE_MILLIS);
        List<FootprintSample> samples = new ArrayList<>(List.of(sample()));
        while (wake < end) {
            wake = Math.min(wake + step, end);
            TimeUnit.NANOSECONDS.sleep(wake - System.nanoTime());
            samples.add(sample());
        }
        return samples;
    }

    /**
     * Once everyone has left: waits (bounded) until the server counts no participant and its threads,
     * descriptors and ICE sessions are back at the idle figures, then collects its garbage and samples.
     */
    FootprintSample afterLeave(FootprintSample idle, Duration settle) throws InterruptedException {
        FootprintSample last = pollUntil(sample -> sample.participants() == 0, EMPTY_TIMEOUT_MILLIS);
        if (last.participants() != 0) {
            note("the server still counted " + last.participants() + " participants "
                    + EMPTY_TIMEOUT_MILLIS / 1000 + " s after everyone left");
        }
        // Departed participants' transports close on a background thread, and idle pool threads end later still.
        pollUntil(sample -> sample.threadsAndDescriptorsWithin(idle), settle.toMillis());
        collectGarbage();
        return sample();
    }

    /** The run's footprint from this probe's samples, with what it could not do. */
    ServerFootprint footprint(FootprintSample idle, List<FootprintSample> window, FootprintSample afterLeave) {
        return ServerFootprint.of(idle, window, afterLeave, everyCollectionRan, notes);
    }

    private FootprintSample pollUntil(Predicate<FootprintSample> done, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        FootprintSample sample = sample();
        while (!done.test(sample) && System.nanoTime() < deadline) {
            Thread.sleep(SETTLE_POLL_MILLIS);
            sample = sample();
        }
        return sample;
    }

    private FootprintSample sample() throws InterruptedException {
        double at = (System.nanoTime() - originNanos) / 1e9;
        long rss = -1;
        if (pid.isPresent()) {
            try {
                rss = ProcessSample.read(pid.getAsLong()).rssBytes();
            } catch (IOException e) {
                note("no resident set from /proc: " + e);
            }
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(HEALTH_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode body = SignalingSocket.JSON.readTree(response.body());
            return new FootprintSample(at, body.path("participants").asInt(-1), body.path("iceSessions").asInt(-1),
                    body.path("heapUsedBytes").asLong(-1),
                    body.path("heapCommittedBytes").asLong(-1), body.path("threads").asInt(-1),
                    body.path("openFileDescriptors").asLong(-1), rss);
        } catch (IOException e) {
            note("no footprint from " + health + ": " + e);
            return new FootprintSample(at, -1, -1, -1, -1, -1, -1, rss);
        }
    }

    /**
     * {@code jcmd <pid> GC.run} with the JDK this load generator runs on; a server in this very JVM (the tests)
     * is collected directly. Without a pid there is nothing to ask.
     */
    private void collectGarbage() throws InterruptedException {
        if (pid.isEmpty()) {
            collectionFailed("no --server-pid to ask");
            return;
        }
        if (pid.getAsLong() == ProcessHandle.current().pid()) {
            System.gc();
            return;
        }
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process;
        try {
            process = new ProcessBuilder(jcmd.toString(), Long.toString(pid.getAsLong()), "GC.run")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            collectionFailed(e.toString());
            return;
        }
        if (!process.waitFor(GC_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            collectionFailed("jcmd GC.run took over " + GC_TIMEOUT_SECONDS + " s");
            return;
        }
        if (process.exitValue() != 0) {
            String output;
            try {
                output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                output = e.toString();
            }
            collectionFailed("jcmd GC.run exited with " + process.exitValue() + ": " + output.replace('\n', ' '));
        }
    }

    private void collectionFailed(String reason) {
        everyCollectionRan = false;
        note("heap sampled without a collection first: " + reason);
    }

    private void note(String note) {
        if (!notes.contains(note)) {
            notes.add(note);
        }
    }
}
