package dev.switchyard.rtp;

/** Comparisons of 16-bit RTP sequence numbers that wrap around (RFC 3550 §A.1 serial arithmetic). */
public final class SequenceNumbers {

    private SequenceNumbers() {
    }

    /**
     * Signed distance from {@code older} to {@code newer} modulo 2^16, in [-32768, 32767]: positive when
     * {@code newer} follows {@code older} within half the sequence space.
     */
    public static int diff(int newer, int older) {
        return (short) (newer - older);
    }

    /**
     * Whether {@code a} comes after {@code b}. Exactly half the space apart is ambiguous; the larger raw value
     * wins so that for any distinct pair exactly one of {@code isNewer(a, b)}, {@code isNewer(b, a)} holds.
     */
    public static boolean isNewer(int a, int b) {
        int d = diff(a, b);
        return d == Short.MIN_VALUE ? (a & 0xFFFF) > (b & 0xFFFF) : d > 0;
    }

    /** {@code sequenceNumber + delta} modulo 2^16. */
    public static int add(int sequenceNumber, int delta) {
        return (sequenceNumber + delta) & 0xFFFF;
    }
}
