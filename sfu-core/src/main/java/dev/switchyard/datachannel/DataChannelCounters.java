package dev.switchyard.datachannel;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** What the server's data channels did, for {@code /health} and tests. Written on the data channel thread. */
public final class DataChannelCounters {

    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder messagesForwarded = new LongAdder();
    private final LongAdder messagesRefused = new LongAdder();
    private final LongAdder messagesDroppedForSlowReceivers = new LongAdder();
    private final LongAdder channelsClosedForSlowReceivers = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final AtomicLong peakQueuedBytes = new AtomicLong();

    /** Messages participants sent to the server. */
    public long messagesReceived() {
        return messagesReceived.sum();
    }

    /** Copies of messages queued towards receivers. */
    public long messagesForwarded() {
        return messagesForwarded.sum();
    }

    /**
     * Messages not forwarded: from a participant the token does not let send data, to a participant who is not
     * there, or larger than a receiver takes.
     */
    public long messagesRefused() {
        return messagesRefused.sum();
    }

    /** Copies dropped because their receiver had too much queued: unreliable ones, or after a channel was cut. */
    public long messagesDroppedForSlowReceivers() {
        return messagesDroppedForSlowReceivers.sum();
    }

    /** Reliable channels closed because their receiver had too much queued. */
    public long channelsClosedForSlowReceivers() {
        return channelsClosedForSlowReceivers.sum();
    }

    /** The most bytes ever queued towards one receiver (sent, not yet acknowledged): what limits bound. */
    public long peakQueuedBytes() {
        return peakQueuedBytes.get();
    }

    /** Tasks of the data channel thread that threw. */
    public long failures() {
        return failures.sum();
    }

    void countReceived() {
        messagesReceived.increment();
    }

    void countForwarded(long queuedBytes) {
        messagesForwarded.increment();
        peakQueuedBytes.accumulateAndGet(queuedBytes, Math::max);
    }

    void countRefused() {
        messagesRefused.increment();
    }

    void countDroppedForSlowReceiver() {
        messagesDroppedForSlowReceivers.increment();
    }

    void countChannelClosedForSlowReceiver() {
        channelsClosedForSlowReceivers.increment();
    }

    void countFailure() {
        failures.increment();
    }
}
