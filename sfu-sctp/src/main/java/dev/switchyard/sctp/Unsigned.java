package dev.switchyard.sctp;

/**
 * Range checks for the unsigned fields the records carry in wider Java types (16-bit fields in an {@code int},
 * 32-bit fields in a {@code long}). A value out of range is a programmer error, so these throw
 * {@link IllegalArgumentException} naming the field.
 */
public final class Unsigned {

    public static final int MAX_UINT8 = 0xFF;
    public static final int MAX_UINT16 = 0xFFFF;
    public static final long MAX_UINT32 = 0xFFFF_FFFFL;

    private Unsigned() {
    }

    public static int requireUint8(String field, int value) {
        if (value < 0 || value > MAX_UINT8) {
            throw new IllegalArgumentException(field + " must fit in 8 bits unsigned, got " + value);
        }
        return value;
    }

    public static int requireUint16(String field, int value) {
        if (value < 0 || value > MAX_UINT16) {
            throw new IllegalArgumentException(field + " must fit in 16 bits unsigned, got " + value);
        }
        return value;
    }

    public static long requireUint32(String field, long value) {
        if (value < 0 || value > MAX_UINT32) {
            throw new IllegalArgumentException(field + " must fit in 32 bits unsigned, got " + value);
        }
        return value;
    }
}
