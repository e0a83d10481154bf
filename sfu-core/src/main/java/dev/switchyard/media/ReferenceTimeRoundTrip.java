package dev.switchyard.media;

/**
 * The round trip to a peer the server only receives from, measured the way RFC 3611 lets a pure receiver
 * measure it: each receiver reference time (RRTR) sent is remembered with its send time, and the peer's
 * answer (a DLRR sub-block naming that RRTR by the middle 32 bits of its NTP timestamp, plus how long the peer
 * held it) gives one round trip. A publisher connection has no other way: the sender reports' LSR/DLSR serve the
 * publisher's measurement, not the server's.
 *
 * <p>Fed by one thread (the connection's receiving thread); allocates nothing after construction.
 */
public final class ReferenceTimeRoundTrip {

    /** RRTRs still answerable: a few seconds of once-a-second reports covers any round trip worth measuring. */
    private static final int REMEMBERED = 8;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long clockBaseUnixMillis;
    private final long clockBaseNanos;
    private final long[] sentMiddleBits = new long[REMEMBERED];
    private final long[] sentNanos = new long[REMEMBERED];
    private int sent;
    /** Read by other threads (a stream bound later starts from it). */
    private volatile long smoothedNanos = -1;

    /**
     * @param unixMillis the wall clock at {@code nowNanos}: NTP timestamps are derived from it and advance with
     *        the monotonic clock, so a wall-clock step never distorts a measurement
     */
    public ReferenceTimeRoundTrip(long unixMillis, long nowNanos) {
        this.clockBaseUnixMillis = unixMillis;
        this.clockBaseNanos = nowNanos;
    }

    /** The 64-bit NTP timestamp for an RRTR sent at {@code nowNanos}, remembered for its answer. */
    public long referenceTime(long nowNanos) {
        long elapsedNanos = nowNanos - clockBaseNanos;
        long ntp = SenderReportWriter.ntpTimestamp(clockBaseUnixMillis + elapsedNanos / 1_000_000);
        int slot = sent++ % REMEMBERED;
        sentMiddleBits[slot] = (ntp >>> 16) & 0xFFFF_FFFFL;
        sentNanos[slot] = nowNanos;
        return ntp;
    }

    /**
     * Takes one DLRR sub-block addressed to the server.
     *
     * @param lastReceiverReport LRR, the middle 32 bits of the RRTR's NTP timestamp
     * @param delay DLRR, in 1/65536 s
     * @return whether it answered a remembered RRTR and so gave a measurement
     */
    public boolean onDelaySinceLastReceiverReport(long lastReceiverReport, long delay, long arrivalNanos) {
        if (lastReceiverReport == 0) {
            return false;
        }
        for (int i = 0; i < Math.min(sent, REMEMBERED); i++) {
            if (sentMiddleBits[i] == lastReceiverReport) {
                long heldNanos = delay * NANOS_PER_SECOND >>> 16;
                long sample = Math.max(0, arrivalNanos - sentNanos[i] - heldNanos);
                // RFC 6298's smoothing (alpha 1/8): one delayed answer does not swing the retry schedule.
                smoothedNanos = smoothedNanos < 0 ? sample : smoothedNanos + (sample - smoothedNanos) / 8;
                return true;
            }
        }
        return false;
    }

    /** The smoothed round trip in nanoseconds, or -1 before the first answer. */
    public long roundTripNanos() {
        return smoothedNanos;
    }
}
