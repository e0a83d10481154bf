package dev.switchyard.sctp;

/**
 * Unsigned network-byte-order reads and writes on a {@code byte[]} for the SCTP and DCEP wire formats.
 *
 * <p>Callers check bounds first; these helpers only do the byte shuffling so that every format reads fields
 * the same way.
 */
public final class BigEndian {

    private BigEndian() {
    }

    public static int getUint8(byte[] buffer, int index) {
        return buffer[index] & 0xFF;
    }

    public static int getUint16(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 8 | buffer[index + 1] & 0xFF;
    }

    public static long getUint32(byte[] buffer, int index) {
        return ((long) getUint16(buffer, index) << 16) | getUint16(buffer, index + 2);
    }

    public static void putUint8(byte[] buffer, int index, int value) {
        buffer[index] = (byte) value;
    }

    public static void putUint16(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 8);
        buffer[index + 1] = (byte) value;
    }

    public static void putUint32(byte[] buffer, int index, long value) {
        putUint16(buffer, index, (int) (value >>> 16));
        putUint16(buffer, index + 2, (int) value);
    }
}
