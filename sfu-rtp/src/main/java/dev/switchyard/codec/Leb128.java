package dev.switchyard.codec;

/**
 * Unsigned LEB128 as AV1 uses it (AV1 bitstream spec §4.10.5): at most 8 bytes, value at most 2^32 - 1.
 *
 * <p>{@link #read} packs the value and the number of bytes it took into one {@code long} so that callers
 * on the hot path need neither an allocation nor a mutable holder.
 */
final class Leb128 {

    /** Returned by {@link #read} for a truncated, over-long or out-of-range encoding. */
    static final long INVALID = -1;

    private static final int MAX_BYTES = 8;
    private static final long MAX_VALUE = 0xFFFF_FFFFL;

    private Leb128() {
    }

    /** Reads one value starting at {@code position}, never touching {@code end} or beyond. */
    static long read(byte[] buffer, int position, int end) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES && position + i < end; i++) {
            int b = buffer[position + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                return value <= MAX_VALUE ? ((long) (i + 1) << 32) | value : INVALID;
            }
        }
        return INVALID;
    }

    static long value(long packed) {
        return packed & MAX_VALUE;
    }

    static int size(long packed) {
        return (int) (packed >>> 32);
    }
}
