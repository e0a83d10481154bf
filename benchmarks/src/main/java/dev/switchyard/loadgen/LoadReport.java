package dev.switchyard.loadgen;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The outcome of one run, printed as a table and written as JSON.
 *
 * @param windowSeconds the measurement window: from the end of set-up (every subscriber receiving every stream,
 *                      or the set-up deadline) to the stop of the senders
 * @param expectedStreams (subscriber, publisher stream) pairs that should carry media
 * @param receivedStreams those pairs over which at least one packet arrived
 * @param sentBytesPerSecond RTP bytes (header and payload, before SRTP) the publishers sent; delivered bytes
 *                           are counted the same way, after SRTP
 * @param lossPercent packets sent after a subscriber's first packet of a stream that never reached it, over all
 *                    streams, counted after the senders stopped and the last packets had time to arrive
 * @param latencyMicros one-way latency, publisher send to subscriber receive (both in this JVM), in the window, of
 *                      one packet in {@link SyntheticParticipant#LATENCY_SAMPLE_INTERVAL} (the ones decrypted)
 * @param joinMillis socket opening to {@code joined}
 * @param firstMediaMillis socket opening to the first media packet on the subscriber connection
 * @param server the server's CPU and memory, or null without {@code --server-pid}
 * @param footprint the server's heap, threads and descriptors from idle through the window to after everyone left
 * @param subscriberResults loss per subscriber, over the whole run
 */
record LoadReport(String topology, int participants, int publishers, int subscribers, int videoKilobitsPerSecond,
                  double setupSeconds, double windowSeconds, long expectedStreams, long receivedStreams,
                  double sentPacketsPerSecond, double sentBytesPerSecond, double deliveredPacketsPerSecond,
                  double deliveredBytesPerSecond,
                  long expectedPackets, long lostPackets, double lossPercent, Distribution latencyMicros,
                  Distribution joinMillis, Distribution firstMediaMillis, ServerUsage server,
                  ServerFootprint footprint, List<SubscriberResult> subscriberResults, List<String> errors) {

    /** A two-column table for the terminal. */
    String table() {
        StringBuilder out = new StringBuilder();
        row(out, "topology", "%s, %d participants (%d publishing, %d subscribing), video %d kbit/s",
                topology, participants, publishers, subscribers, videoKilobitsPerSecond);
        row(out, "set-up / window", "%.1f s / %.1f s", setupSeconds, windowSeconds);
        row(out, "streams received", "%d of %d", receivedStreams, expectedStreams);
        row(out, "sent", "%.0f packets/s, %.2f Mbit/s", sentPacketsPerSecond, sentBytesPerSecond * 8 / 1e6);
        row(out, "delivered", "%.0f packets/s, %.2f Mbit/s", deliveredPacketsPerSecond,
                deliveredBytesPerSecond * 8 / 1e6);
        row(out, "loss", "%.3f %% (%d of %d)", lossPercent, lostPackets, expectedPackets);
        subscriberResults.stream().max(Comparator.comparingDouble(SubscriberResult::lossPercent)).ifPresent(
                worst -> row(out, "worst subscriber loss", "%.3f %% (%s)", worst.lossPercent(), worst.name()));
        row(out, "latency p50/p99/max", "%.2f / %.2f / %.2f ms (n=%d: 1 packet in %d)", latencyMicros.p50() / 1000,
                latencyMicros.p99() / 1000, latencyMicros.max() / 1000, latencyMicros.count(),
                SyntheticParticipant.LATENCY_SAMPLE_INTERVAL);
        row(out, "join p50/p99", "%.0f / %.0f ms (n=%d)", joinMillis.p50(), joinMillis.p99(), joinMillis.count());
        row(out, "first media p50/p99", "%.0f / %.0f ms", firstMediaMillis.p50(), firstMediaMillis.p99());
        if (server == null) {
            row(out, "server CPU / RSS", "not measured (no --server-pid)");
        } else {
            row(out, "server CPU", "%.2f s, %.2f s per million forwarded, %.0f forwarded packets per core-second",
                    server.cpuSeconds(), server.cpuSecondsPerMillionForwarded(),
                    server.forwardedPacketsPerCoreSecond());
            row(out, "server RSS / peak", "%.0f / %.0f MiB", server.rssBytes() / 1048576.0,
                    server.peakRssBytes() / 1048576.0);
        }
        footprint.appendRows(out);
        row(out, "errors", "%d", errors.size());
        errors.forEach(error -> row(out, "", "%s", error));
        return out.toString();
    }

    /** One {@code name value} line of {@link #table()}. */
    static void row(StringBuilder out, String name, String format, Object... values) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", name, String.format(Locale.ROOT, format, values)));
    }
}
