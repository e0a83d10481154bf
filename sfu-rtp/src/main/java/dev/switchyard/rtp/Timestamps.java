package dev.switchyard.rtp;

/** Comparisons of 32-bit RTP timestamps (unsigned, held in a {@code long}) that wrap around. */
public final class Timestamps {

    private Timestamps() {
    }

    /** Signed distance from {@code older} to {@code newer} modulo 2^32, in [-2^31, 2^31 - 1]. */
    public static int diff(long newer, long older) {
        return (int) (newer - older);
    }

    /** Whether {@code a} comes after {@code b}; the tie at half the space goes to the larger raw value. */
    public static boolean isNewer(long a, long b) {
        int d = diff(a, b);
        return d == Integer.MIN_VALUE ? (a & 0xFFFF_FFFFL) > (b & 0xFFFF_FFFFL) : d > 0;
    }

    /** {@code timestamp + delta} modulo 2^32, as an unsigned value. */
    public static long add(long timestamp, long delta) {
        return (timestamp + delta) & 0xFFFF_FFFFL;
    }
}
