package dev.switchyard.rtcp;

/**
 * Byte access and writer preconditions shared by the RTCP readers and writers; wider fields use
 * {@link dev.switchyard.rtp.BigEndian}.
 */
final class RtcpBytes {

    private RtcpBytes() {
    }

    static int u8(byte[] buffer, int index) {
        return buffer[index] & 0xFF;
    }

    static void put8(byte[] buffer, int index, int value) {
        buffer[index] = (byte) value;
    }

    /** Writer precondition: {@code size} bytes fit in {@code destination} from {@code offset}. */
    static void requireRoom(byte[] destination, int offset, int size) {
        if (offset < 0 || size > destination.length - offset) {
            throw new IllegalArgumentException("destination too small: need " + size + " bytes at offset " + offset
                    + ", array length " + destination.length);
        }
    }
}
