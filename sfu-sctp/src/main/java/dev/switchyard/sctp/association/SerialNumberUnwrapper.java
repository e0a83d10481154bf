package dev.switchyard.sctp.association;

/**
 * Turns wrapping serial numbers (32-bit TSNs, 16-bit stream sequence numbers; RFC 1982 arithmetic as RFC 9260
 * §1.6 asks) into longs that keep counting, so that everything above this class compares and subtracts plain
 * longs. Each value is placed nearest to the last one unwrapped, which is right as long as the two are less than
 * half the number space apart: the windows SCTP keeps in flight are far smaller.
 */
final class SerialNumberUnwrapper {

    private final int bits;
    private final long modulus;
    private final long mask;
    private long last;

    /** @param first the first value, unwrapped as itself */
    SerialNumberUnwrapper(int bits, long first) {
        this.bits = bits;
        this.modulus = 1L << bits;
        this.mask = modulus - 1;
        this.last = first & mask;
    }

    static SerialNumberUnwrapper forTsns(long first) {
        return new SerialNumberUnwrapper(32, first);
    }

    static SerialNumberUnwrapper forStreamSequences() {
        return new SerialNumberUnwrapper(16, 0);
    }

    /** The unwrapped value of {@code wrapped}, without moving the reference (for values that may be stale). */
    long peek(long wrapped) {
        long delta = ((wrapped & mask) - (last & mask)) & mask;
        if (delta >= modulus >> 1) {
            delta -= modulus;
        }
        return last + delta;
    }

    /** The unwrapped value of {@code wrapped}; later values are placed nearest to it. */
    long unwrap(long wrapped) {
        long value = peek(wrapped);
        if (value > last) {
            last = value;
        }
        return value;
    }

    /** The wire form of an unwrapped value. */
    long wrap(long unwrapped) {
        return unwrapped & mask;
    }

    @Override
    public String toString() {
        return bits + "-bit serial numbers, last " + last;
    }
}
