package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to lost packets, counted for a whole server: those subscribers reported lost (RFC 4585 NACK) and
 * what the server answered, and those the server asked publishers for and got back as RTX.
 */
public final class RetransmissionCounters {

    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong retransmitted = new AtomicLong();
    private final AtomicLong notInHistory = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong requestedUpstream = new AtomicLong();
    private final AtomicLong repairedUpstream = new AtomicLong();
    private final AtomicLong missingUpstream = new AtomicLong();

    void countRequested() {
        requested.incrementAndGet();
    }

    void count(SendStream.Retransmission outcome) {
        if (outcome == SendStream.Retransmission.SENT) {
            retransmitted.incrementAndGet();
        } else if (outcome == SendStream.Retransmission.NOT_IN_HISTORY) {
            notInHistory.incrementAndGet();
        }
    }

    void countThrottled() {
        throttled.incrementAndGet();
    }

    public void countRequestedUpstream(int packets) {
        requestedUpstream.addAndGet(packets);
    }

    public void countRepairedUpstream() {
        repairedUpstream.incrementAndGet();
    }

    public void countMissingUpstream(int packets) {
        if (packets > 0) {
            missingUpstream.addAndGet(packets);
        }
    }

    /**
     * Packets of publishers' NACK-able streams that did not arrive in sequence (gaps small enough to NACK; a
     * larger jump is left to a keyframe), whether repaired later or not: {@link #repairedUpstream} over this is
     * the share the server's own NACKs recovered (reordered packets count as missing, then not as repaired).
     */
    public long missingUpstream() {
        return missingUpstream.get();
    }

    /** NACK requests the server sent to publishers (a packet requested twice counts twice). */
    public long requestedUpstream() {
        return requestedUpstream.get();
    }

    /** Retransmissions (RTX) publishers sent the server. */
    public long repairedUpstream() {
        return repairedUpstream.get();
    }

    /** Packets subscribers asked for again. */
    public long requested() {
        return requested.get();
    }

    /** Packets sent again from the history. */
    public long retransmitted() {
        return retransmitted.get();
    }

    /** Requests for packets the history no longer held. */
    public long notInHistory() {
        return notInHistory.get();
    }

    /** Requests refused because the subscriber's retransmission budget was spent. */
    public long throttled() {
        return throttled.get();
    }
}
