package dev.switchyard.rtcp;

import dev.switchyard.rtp.BigEndian;

import java.nio.charset.StandardCharsets;

import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtp.BigEndian.getUint32;

/** Application-defined packet, APP (RFC 3550 §6.7): subtype, SSRC, four-character name, opaque data. */
public final class ApplicationDefined extends RtcpPacketView {

    /** Header, SSRC and name. */
    public static final int FIXED_SIZE = 12;

    public ApplicationDefined() {
        super(RtcpPacketType.APPLICATION_DEFINED);
    }

    @Override
    boolean validate() {
        return contentLength() >= FIXED_SIZE;
    }

    /** The 5-bit subtype carried in the count field. */
    public int subtype() {
        return count();
    }

    public long ssrc() {
        return getUint32(buffer, offset + 4);
    }

    /** The four name octets as one big-endian int, for comparing without allocating. */
    public int nameCode() {
        return BigEndian.getInt32(buffer, offset + 8);
    }

    /** The name as a four-character ASCII string (allocates). */
    public String name() {
        return new String(buffer, offset + 8, 4, StandardCharsets.ISO_8859_1);
    }

    public int dataOffset() {
        return offset + FIXED_SIZE;
    }

    public int dataLength() {
        return contentEnd - dataOffset();
    }

    /**
     * Writes an APP packet and returns its length.
     *
     * @throws IllegalArgumentException if subtype is outside 0..31, name is not four ASCII characters, the
     *         data length is not a multiple of 4 (RFC 3550 §6.7), or the destination is too small
     */
    public static int write(byte[] destination, int offset, int subtype, long ssrc, String name, byte[] data,
            int dataOffset, int dataLength) {
        if (name.length() != 4 || !StandardCharsets.US_ASCII.newEncoder().canEncode(name)) {
            throw new IllegalArgumentException("APP name must be four ASCII characters: " + name);
        }
        if (dataLength % 4 != 0) {
            throw new IllegalArgumentException("APP data must be a multiple of 32 bits, got " + dataLength + " bytes");
        }
        int length = FIXED_SIZE + dataLength;
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, false, subtype, RtcpPacketType.APPLICATION_DEFINED, length);
        putUint32(destination, offset + 4, ssrc);
        System.arraycopy(name.getBytes(StandardCharsets.US_ASCII), 0, destination, offset + 8, 4);
        System.arraycopy(data, dataOffset, destination, offset + FIXED_SIZE, dataLength);
        return length;
    }
}
