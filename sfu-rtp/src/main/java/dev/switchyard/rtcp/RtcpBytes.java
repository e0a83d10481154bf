package dev.switchyard.rtcp;

/** Big-endian field access shared by the RTCP readers and writers (network byte order, RFC 3550 §6). */
final class RtcpBytes {

    private RtcpBytes() {
    }

    static int u8(byte[] buffer, int index) {
        return buffer[index] & 0xFF;
    }

    static int u16(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 8 | buffer[index + 1] & 0xFF;
    }

    static int u24(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 16 | (buffer[index + 1] & 0xFF) << 8 | buffer[index + 2] & 0xFF;
    }

    /** A 24-bit two's complement field, sign-extended. */
    static int s24(byte[] buffer, int index) {
        return u24(buffer, index) << 8 >> 8;
    }

    static long u32(byte[] buffer, int index) {
        return i32(buffer, index) & 0xFFFF_FFFFL;
    }

    static int i32(byte[] buffer, int index) {
        return (buffer[index] & 0xFF) << 24 | (buffer[index + 1] & 0xFF) << 16
                | (buffer[index + 2] & 0xFF) << 8 | buffer[index + 3] & 0xFF;
    }

    static void put8(byte[] buffer, int index, int value) {
        buffer[index] = (byte) value;
    }

    static void put16(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 8);
        buffer[index + 1] = (byte) value;
    }

    static void put24(byte[] buffer, int index, int value) {
        buffer[index] = (byte) (value >>> 16);
        buffer[index + 1] = (byte) (value >>> 8);
        buffer[index + 2] = (byte) value;
    }

    /** Writes the low 32 bits of {@code value}. */
    static void put32(byte[] buffer, int index, long value) {
        buffer[index] = (byte) (value >>> 24);
        buffer[index + 1] = (byte) (value >>> 16);
        buffer[index + 2] = (byte) (value >>> 8);
        buffer[index + 3] = (byte) value;
    }

    /** Writer precondition: {@code size} bytes fit in {@code destination} from {@code offset}. */
    static void requireRoom(byte[] destination, int offset, int size) {
        if (offset < 0 || size > destination.length - offset) {
            throw new IllegalArgumentException("destination too small: need " + size + " bytes at offset " + offset
                    + ", array length " + destination.length);
        }
    }
}
