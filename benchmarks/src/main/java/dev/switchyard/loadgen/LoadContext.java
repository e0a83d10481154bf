package dev.switchyard.loadgen;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;

import dev.switchyard.transport.TransportContext;

/**
 * What every synthetic participant of one run shares: the server's address and room, one transport context
 * (one certificate, one timer), one HTTP client for the signaling sockets, one pacing thread for all senders,
 * one selector thread that reads every subscriber's socket.
 *
 * @param streamKeys how many {@link Probe} stream keys the run uses: two per participant index
 */
record LoadContext(URI url, String room, TransportContext transports, HttpClient http,
                   ScheduledExecutorService pacer, int videoKilobitsPerSecond, int streamKeys,
                   MeasurementWindow window, DatagramSelector receivers) {

    /** What a run does with its context. */
    @FunctionalInterface
    interface Run<T> {
        T in(LoadContext context) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code run} with a new context for a fresh room named after {@code roomPrefix}, and frees the
     * context's threads and sockets after it.
     */
    static <T> T with(LoadOptions options, String roomPrefix, int streamKeys, Run<T> run)
            throws IOException, InterruptedException {
        ScheduledThreadPoolExecutor pacer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "loadgen-pacer");
            thread.setDaemon(true);
            return thread;
        });
        pacer.setRemoveOnCancelPolicy(true);
        try (TransportContext transports = new TransportContext(TransportContext.Settings.DEFAULTS);
             DatagramSelector receivers = new DatagramSelector("loadgen-subscribers", options.busyPoll())) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String room = roomPrefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
            return run.in(new LoadContext(options.url(), room, transports, http, pacer,
                    options.videoKilobitsPerSecond(), streamKeys, new MeasurementWindow(), receivers));
        } finally {
            pacer.shutdownNow();
        }
    }
}
