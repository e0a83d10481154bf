package dev.switchyard.rtcp;

import dev.switchyard.rtp.BigEndian;

import static dev.switchyard.rtp.BigEndian.getUint16;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * The 4-byte header every RTCP packet starts with (RFC 3550 §6.4.1):
 * {@code V=2 | P | count/FMT (5 bits) | packet type (8) | length in 32-bit words minus one (16)}.
 *
 * <p>Static accessors over a buffer rather than a flyweight: callers always hold the packet offset anyway, and
 * every field is a single read.
 */
public final class RtcpHeader {

    public static final int SIZE = 4;
    public static final int VERSION = 2;
    /** Largest value of the 5-bit count / feedback message type field. */
    public static final int MAX_COUNT = 31;
    /** Largest packet the 16-bit length field can describe. */
    public static final int MAX_PACKET_LENGTH = (0xFFFF + 1) * 4;

    private RtcpHeader() {
    }

    /**
     * Validates the header at {@code offset} and returns the total length in bytes of the packet it starts
     * (header, body and padding), or -1 when the version is not 2, the length field runs past
     * {@code offset + length}, or the padding count is zero or longer than the body (RFC 3550 §6.4.1).
     */
    public static int packetLength(byte[] buffer, int offset, int length) {
        if (length < SIZE || u8(buffer, offset) >>> 6 != VERSION) {
            return -1;
        }
        int packetLength = (getUint16(buffer, offset + 2) + 1) * 4;
        if (packetLength > length) {
            return -1;
        }
        if (hasPadding(buffer, offset)) {
            int padding = u8(buffer, offset + packetLength - 1);
            if (padding == 0 || padding > packetLength - SIZE) {
                return -1;
            }
        }
        return packetLength;
    }

    /**
     * The packet length without its trailing padding, for a packet whose {@link #packetLength} was validated.
     */
    public static int unpaddedLength(byte[] buffer, int offset, int packetLength) {
        return hasPadding(buffer, offset) ? packetLength - u8(buffer, offset + packetLength - 1) : packetLength;
    }

    public static boolean hasPadding(byte[] buffer, int offset) {
        return (buffer[offset] & 0x20) != 0;
    }

    /** Report/source count for SR, RR, SDES and BYE; subtype for APP; FMT for feedback messages. */
    public static int count(byte[] buffer, int offset) {
        return buffer[offset] & 0x1F;
    }

    public static int packetType(byte[] buffer, int offset) {
        return u8(buffer, offset + 1);
    }

    /**
     * Writes a header for a packet of {@code packetLength} bytes (including this header and any padding).
     *
     * @return {@link #SIZE}
     * @throws IllegalArgumentException if count is outside 0..31, packetLength is not a positive multiple of 4
     *         no larger than {@link #MAX_PACKET_LENGTH}, or the destination is too small
     */
    public static int write(byte[] destination, int offset, boolean padding, int count, int packetType,
            int packetLength) {
        if (count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("count out of range: " + count);
        }
        if (packetLength < SIZE || packetLength > MAX_PACKET_LENGTH || packetLength % 4 != 0) {
            throw new IllegalArgumentException("invalid RTCP packet length: " + packetLength);
        }
        RtcpBytes.requireRoom(destination, offset, SIZE);
        destination[offset] = (byte) (VERSION << 6 | (padding ? 0x20 : 0) | count);
        destination[offset + 1] = (byte) packetType;
        BigEndian.putUint16(destination, offset + 2, packetLength / 4 - 1);
        return SIZE;
    }
}
