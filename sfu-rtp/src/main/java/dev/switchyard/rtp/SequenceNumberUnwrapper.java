package dev.switchyard.rtp;

/**
 * Turns 16-bit RTP sequence numbers into monotonic 64-bit values, tolerating reordering across the wrap.
 * The first value is returned unchanged; packets older than it unwrap below it, possibly negative.
 */
public final class SequenceNumberUnwrapper extends Unwrapper {

    public SequenceNumberUnwrapper() {
        super(16);
    }

    public long unwrap(int sequenceNumber) {
        return unwrapValue(sequenceNumber & 0xFFFF);
    }
}
