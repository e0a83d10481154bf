package dev.switchyard.sctp.association;

/**
 * The retransmission timeout from measured round trips (RFC 9260 §6.3.1: RTO.Alpha 1/8, RTO.Beta 1/4, K 4),
 * bounded by the settings, and doubled on each expiry (§6.3.3 E2).
 */
final class RetransmissionTimeout {

    private final long minNanos;
    private final long maxNanos;
    private long smoothedNanos;
    private long variationNanos;
    private boolean measured;
    private long rtoNanos;

    RetransmissionTimeout(AssociationSettings settings) {
        this.minNanos = settings.rtoMin().toNanos();
        this.maxNanos = settings.rtoMax().toNanos();
        this.rtoNanos = settings.rtoInitial().toNanos();
    }

    /** A round trip measured on a chunk sent once (Karn's rule: never on a retransmitted one). */
    void onRoundTrip(long rttNanos) {
        if (rttNanos < 0) {
            return;
        }
        if (!measured) {
            smoothedNanos = rttNanos;
            variationNanos = rttNanos / 2;
            measured = true;
        } else {
            variationNanos = (3 * variationNanos + Math.abs(smoothedNanos - rttNanos)) / 4;
            smoothedNanos = (7 * smoothedNanos + rttNanos) / 8;
        }
        rtoNanos = clamp(smoothedNanos + 4 * variationNanos);
    }

    /** The timer expired: back off (§6.3.3 E2). */
    void backOff() {
        rtoNanos = clamp(rtoNanos * 2);
    }

    long nanos() {
        return rtoNanos;
    }

    /** The smoothed round trip, or -1 before one was measured. */
    long smoothedRoundTripNanos() {
        return measured ? smoothedNanos : -1;
    }

    private long clamp(long nanos) {
        return Math.max(minNanos, Math.min(maxNanos, nanos));
    }
}
