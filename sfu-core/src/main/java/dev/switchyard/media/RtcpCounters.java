package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The RTCP the server sent, counted for a whole server: reports and feedback to publishers, sender reports to
 * subscribers. NACKs to publishers are in {@link RetransmissionCounters}.
 */
public final class RtcpCounters {

    private final AtomicLong receiverReports = new AtomicLong();
    private final AtomicLong bitrateCaps = new AtomicLong();
    private final AtomicLong transportFeedback = new AtomicLong();
    private final AtomicLong keyframeRequests = new AtomicLong();
    private final AtomicLong senderReports = new AtomicLong();
    private final AtomicLong roundTrips = new AtomicLong();

    public void countReceiverReport() {
        receiverReports.incrementAndGet();
    }

    public void countBitrateCap() {
        bitrateCaps.incrementAndGet();
    }

    public void countTransportFeedback() {
        transportFeedback.incrementAndGet();
    }

    public void countKeyframeRequest() {
        keyframeRequests.incrementAndGet();
    }

    public void countSenderReport() {
        senderReports.incrementAndGet();
    }

    public void countRoundTrip() {
        roundTrips.incrementAndGet();
    }

    /** Receiver-report compounds sent to publishers (RFC 3550 §6.4.2), one per publisher about every second. */
    public long receiverReports() {
        return receiverReports.get();
    }

    /** REMB messages (the configured video cap) sent to publishers, inside their receiver-report compounds. */
    public long bitrateCaps() {
        return bitrateCaps.get();
    }

    /** Transport-wide congestion control feedback packets sent to publishers. */
    public long transportFeedback() {
        return transportFeedback.get();
    }

    /** Keyframe requests (PLI) sent to publishers, after throttling. */
    public long keyframeRequests() {
        return keyframeRequests.get();
    }

    /** Sender reports sent to subscribers (RFC 3550 §6.4.1), one per stream about every second. */
    public long senderReports() {
        return senderReports.get();
    }

    /**
     * Round trips to publishers measured from their answers (XR DLRR, RFC 3611 §4.5) to the reference times the
     * receiver reports carry; they set the NACK retry schedule.
     */
    public long roundTrips() {
        return roundTrips.get();
    }
}
