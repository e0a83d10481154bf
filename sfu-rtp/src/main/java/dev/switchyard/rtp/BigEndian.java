package dev.switchyard.rtp;

/**
 * Unsigned network-byte-order reads and writes on a {@code byte[]}.
 *
 * <p>Callers check bounds first; these helpers only do the byte shuffling so that every wire format reads
 * fields the same way.
 */
public final class BigEndian {

    private BigEndian() {
    }

    public static int getUint16(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 8 | buffer[index + 1] & 0xFF;
    }

    public static int getUint24(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 16 | (buffer[index + 1] & 0xFF) << 8 | buffer[index + 2] & 0xFF;
    }

    public static long getUint32(byte[] buffer, int index) {
        return ((long) getUint16(buffer, index) << 16) | getUint16(buffer, index + 2);
    }

    /** A 32-bit field as a signed int, for fields that are two's complement or compared bitwise. */
    public static int getInt32(byte[] buffer, int index) {
        return (int) getUint32(buffer, index);
    }

    /** A 24-bit two's complement field, sign-extended (e.g. the transport-cc reference time). */
    public static int getInt24(byte[] buffer, int index) {
        return getUint24(buffer, index) << 8 >> 8;
    }

    public static void putUint16(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 8);
        buffer[index + 1] = (byte) value;
    }

    public static void putUint24(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 16);
        buffer[index + 1] = (byte) (value >>> 8);
        buffer[index + 2] = (byte) value;
    }

    public static void putUint32(byte[] buffer, int index, long value) {
        putUint16(buffer, index, (int) (value >>> 16));
        putUint16(buffer, index + 2, (int) value);
    }
}
