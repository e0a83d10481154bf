package dev.switchyard.media;

import dev.switchyard.rtp.RtpPacket;

/**
 * Rewrites one forwarded stream so that its subscriber sees a single continuous RTP stream: its own SSRC, and
 * sequence numbers and timestamps that continue without a jump when the source stream changes (a publisher
 * that restarted its encoder, or a new SSRC after renegotiation).
 *
 * <p>Offsets are fixed when a source starts and then applied modulo 2^16 / 2^32, so reordered and lost packets
 * keep their relative positions. Used by one forwarding thread at a time; allocates nothing.
 */
public final class StreamRewriter {

    private final long outputSsrc;
    private final int timestampStepOnSwitch;
    private long currentSourceSsrc = -1;
    private int sequenceOffset;
    private long timestampOffset;
    private int lastOutputSequence = -1;
    private long lastOutputTimestamp;

    /**
     * @param outputSsrc the SSRC the subscriber sees
     * @param timestampStepOnSwitch timestamp advance between the last packet of one source and the first of
     *                              the next, in RTP clock ticks (one frame or packet duration is right)
     */
    public StreamRewriter(long outputSsrc, int timestampStepOnSwitch) {
        this.outputSsrc = outputSsrc;
        this.timestampStepOnSwitch = timestampStepOnSwitch;
    }

    public long outputSsrc() {
        return outputSsrc;
    }

    /**
     * The output timestamp for a timestamp of {@code sourceSsrc}, or -1 if that is not the source being
     * rewritten now (its offset is unknown or stale).
     */
    public long outputTimestamp(long sourceSsrc, long sourceTimestamp) {
        if (sourceSsrc != currentSourceSsrc) {
            return -1;
        }
        return (sourceTimestamp + timestampOffset) & 0xFFFF_FFFFL;
    }

    /** Rewrites SSRC, sequence number and timestamp of {@code packet} in place. */
    public void rewrite(RtpPacket packet) {
        long sourceSsrc = packet.ssrc();
        if (sourceSsrc != currentSourceSsrc) {
            startSource(sourceSsrc, packet.sequenceNumber(), packet.timestamp());
        }
        int sequence = (packet.sequenceNumber() + sequenceOffset) & 0xFFFF;
        long timestamp = (packet.timestamp() + timestampOffset) & 0xFFFF_FFFFL;
        packet.setSsrc(outputSsrc);
        packet.setSequenceNumber(sequence);
        packet.setTimestamp(timestamp);
        if (lastOutputSequence < 0 || ((sequence - lastOutputSequence) & 0xFFFF) < 0x8000) {
            lastOutputSequence = sequence;
            lastOutputTimestamp = timestamp;
        }
    }

    private void startSource(long sourceSsrc, int firstSequence, long firstTimestamp) {
        currentSourceSsrc = sourceSsrc;
        if (lastOutputSequence < 0) {
            // The first source maps onto itself: nothing to be continuous with yet.
            sequenceOffset = 0;
            timestampOffset = 0;
            return;
        }
        sequenceOffset = (lastOutputSequence + 1 - firstSequence) & 0xFFFF;
        timestampOffset = (lastOutputTimestamp + timestampStepOnSwitch - firstTimestamp) & 0xFFFF_FFFFL;
    }
}
