package dev.switchyard.media;

import java.util.concurrent.atomic.AtomicLong;

/** What happened to the packets subscribers reported lost (RFC 4585 NACK), counted for a whole server. */
public final class RetransmissionCounters {

    private final AtomicLong requested = new AtomicLong();
    private final AtomicLong retransmitted = new AtomicLong();
    private final AtomicLong notInHistory = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

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
