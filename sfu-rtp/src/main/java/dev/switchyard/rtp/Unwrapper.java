package dev.switchyard.rtp;

/**
 * Extends a wrapping counter of {@code bits} bits to 64 bits by taking each value at its shortest signed
 * distance from the newest value seen so far (the idea behind RFC 3550 §A.1's cycle count). Measuring from
 * the newest rather than the last value means late packets do not move the reference.
 */
abstract class Unwrapper {

    private final int shift;
    private boolean started;
    private long newest;

    Unwrapper(int bits) {
        this.shift = Long.SIZE - bits;
    }

    final long unwrapValue(long value) {
        if (!started) {
            started = true;
            newest = value;
            return value;
        }
        // Sign-extend the low bits of the difference: modular distance in [-2^(bits-1), 2^(bits-1)).
        long distance = ((value - newest) << shift) >> shift;
        long unwrapped = newest + distance;
        if (distance > 0) {
            newest = unwrapped;
        }
        return unwrapped;
    }

    /** Forgets all history; the next value is taken as is. */
    public final void reset() {
        started = false;
        newest = 0;
    }
}
