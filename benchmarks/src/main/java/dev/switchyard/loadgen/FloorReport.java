package dev.switchyard.loadgen;

import java.util.List;
import java.util.Locale;

/**
 * What one {@link LoopbackForwardingFloor} run measured, printed as a table and written as JSON. Per-packet
 * figures are over the measurement window; packet totals are over the whole run, counted after the last
 * packets had time to arrive.
 *
 * @param forwardedInWindow packets the forwarder sent to subscribers in the window
 * @param forwarderMicrosPerPacket the forwarding thread's CPU time (user + system) per forwarded packet,
 *                                 including its share of the one receive and unprotect per published packet
 * @param forwarderCoreShare the forwarding thread's CPU time over the window's length: 1 is a busy core
 * @param forwardedPacketsPerCoreSecond packets one fully busy core would forward at this cost
 * @param forwarderAllocatedBytesPerPacket heap the forwarding thread allocated per forwarded packet
 * @param receiverMicrosPerPacket the receiving threads' CPU time per packet they received
 * @param lostBeforeForwarder published packets the forwarder never received
 * @param lostAfterForwarder forwarded packets no subscriber socket received
 * @param lossPercent {@code lostAfterForwarder} over {@code forwarded}
 * @param rejected packets that failed SRTP or RTP parsing in the forwarder; 0 in a sound run
 */
record FloorReport(int subscribers, int packetsPerSecond, String profile, String receivers, double windowSeconds,
                   long forwardedInWindow, double forwardedPerSecond, double forwarderMicrosPerPacket,
                   double forwarderUserMicrosPerPacket, double forwarderSystemMicrosPerPacket,
                   double forwarderCoreShare, double forwardedPacketsPerCoreSecond,
                   double forwarderAllocatedBytesPerPacket, double receiverMicrosPerPacket, long published,
                   long forwarded, long delivered, long lostBeforeForwarder, long lostAfterForwarder,
                   double lossPercent, long rejected, List<String> errors) {

    /** A two-column table for the terminal. */
    String table() {
        StringBuilder out = new StringBuilder();
        row(out, "run", "%d subscribers, %d packets/s published, %s, receivers: %s", subscribers,
                packetsPerSecond, profile, receivers);
        row(out, "window", "%.1f s, %d forwarded (%.0f/s)", windowSeconds, forwardedInWindow, forwardedPerSecond);
        row(out, "forwarder CPU/packet", "%.2f us (user %.2f, sys %.2f)", forwarderMicrosPerPacket,
                forwarderUserMicrosPerPacket, forwarderSystemMicrosPerPacket);
        row(out, "forwarder load", "%.2f of a core, %.0f forwarded packets per core-second", forwarderCoreShare,
                forwardedPacketsPerCoreSecond);
        row(out, "forwarder allocation", "%.2f bytes per forwarded packet", forwarderAllocatedBytesPerPacket);
        row(out, "receivers CPU/packet", "%.2f us", receiverMicrosPerPacket);
        row(out, "loss to receivers", "%.3f %% (%d of %d forwarded)", lossPercent, lostAfterForwarder, forwarded);
        row(out, "loss to forwarder", "%d of %d published", lostBeforeForwarder, published);
        row(out, "rejected", "%d", rejected);
        row(out, "errors", "%d", errors.size());
        errors.forEach(error -> row(out, "", "%s", error));
        return out.toString();
    }

    private static void row(StringBuilder out, String name, String format, Object... values) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", name, String.format(Locale.ROOT, format, values)));
    }
}
