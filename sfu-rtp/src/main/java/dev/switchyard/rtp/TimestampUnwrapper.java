package dev.switchyard.rtp;

/**
 * Turns 32-bit RTP timestamps into monotonic 64-bit values, tolerating reordering across the wrap.
 * The first value is returned unchanged; packets older than it unwrap below it, possibly negative.
 */
public final class TimestampUnwrapper extends Unwrapper {

    public TimestampUnwrapper() {
        super(32);
    }

    public long unwrap(long timestamp) {
        return unwrapValue(timestamp & 0xFFFF_FFFFL);
    }
}
