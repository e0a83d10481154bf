package dev.switchyard.rtp;

/** Argument checks for setters and writers, which treat out-of-range field values as programmer errors. */
final class Fields {

    static final int MAX_UINT16 = 0xFFFF;
    static final long MAX_UINT32 = 0xFFFF_FFFFL;

    private Fields() {
    }

    /** @throws IllegalArgumentException unless {@code 0 <= value <= max} */
    static long requireRange(long value, long max, String name) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(name + " out of range [0, " + max + "]: " + value);
        }
        return value;
    }

    static int requireRange(int value, int max, String name) {
        return (int) requireRange((long) value, max, name);
    }
}
