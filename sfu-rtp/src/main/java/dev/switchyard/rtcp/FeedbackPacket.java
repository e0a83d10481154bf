package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtp.BigEndian.getUint32;

/**
 * Common layout of RTP/AVPF feedback messages (RFC 4585 §6.1): header with FMT in the count field, SSRC of
 * packet sender, SSRC of media source, then feedback control information (FCI).
 */
public abstract class FeedbackPacket extends RtcpPacketView {

    /** Header and the two SSRCs; the FCI starts here. */
    public static final int FIXED_SIZE = 12;

    private final int format;

    FeedbackPacket(int packetType, int format) {
        super(packetType);
        this.format = format;
    }

    @Override
    final boolean validate() {
        return count() == format && contentLength() >= FIXED_SIZE && validateFci();
    }

    /** Checks the FCI between {@link #fciOffset()} and {@code contentEnd}. */
    abstract boolean validateFci();

    public final long senderSsrc() {
        return getUint32(buffer, offset + 4);
    }

    public final long mediaSsrc() {
        return getUint32(buffer, offset + 8);
    }

    public final int fciOffset() {
        return offset + FIXED_SIZE;
    }

    /** FCI length in bytes, excluding padding. */
    public final int fciLength() {
        return contentEnd - fciOffset();
    }

    /** Writes the header and both SSRCs of a feedback packet of {@code length} bytes after a room check. */
    static void writeHeader(byte[] destination, int offset, boolean padding, int format, int packetType,
            int length, long senderSsrc, long mediaSsrc) {
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, padding, format, packetType, length);
        putUint32(destination, offset + 4, senderSsrc);
        putUint32(destination, offset + 8, mediaSsrc);
    }
}
