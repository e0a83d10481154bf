package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.getInt32;
import static dev.switchyard.rtp.BigEndian.putUint16;
import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtcp.RtcpBytes.put8;
import static dev.switchyard.rtp.BigEndian.getUint16;
import static dev.switchyard.rtp.BigEndian.getUint32;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * Receiver estimated maximum bitrate, REMB (draft-alvestrand-rmcat-remb-03 §2.2): an application layer
 * feedback message (PSFB, FMT 15) whose FCI is the ASCII identifier "REMB", an SSRC count, the bitrate as a
 * 6-bit exponent and 18-bit mantissa, and the SSRCs the estimate applies to.
 */
public final class Remb extends FeedbackPacket {

    /** Application layer feedback (RFC 4585 §6.4). */
    public static final int FORMAT = 15;
    /** "REMB" in ASCII. */
    public static final int IDENTIFIER = 'R' << 24 | 'E' << 16 | 'M' << 8 | 'B';
    private static final int MAX_MANTISSA = (1 << 18) - 1;
    private static final int SSRCS = 8;

    public Remb() {
        super(RtcpPacketType.PAYLOAD_FEEDBACK, FORMAT);
    }

    @Override
    boolean validateFci() {
        return fciLength() >= SSRCS
                && getInt32(buffer, fciOffset()) == IDENTIFIER
                && fciLength() >= SSRCS + 4 * ssrcCount();
    }

    /** Estimated bitrate in bits per second, saturating at Long.MAX_VALUE for exponents that overflow. */
    public long bitrate() {
        int exponent = u8(buffer, fciOffset() + 5) >>> 2;
        long mantissa = (u8(buffer, fciOffset() + 5) & 0x3) << 16 | getUint16(buffer, fciOffset() + 6);
        return mantissa > Long.MAX_VALUE >>> exponent ? Long.MAX_VALUE : mantissa << exponent;
    }

    public int ssrcCount() {
        return u8(buffer, fciOffset() + 4);
    }

    public long ssrc(int index) {
        return getUint32(buffer, fciOffset() + SSRCS + 4 * index);
    }

    /**
     * Writes a REMB for the first {@code count} SSRCs and returns its length. The bitrate is rounded down to
     * the nearest value the exponent/mantissa form can carry, so the estimate is never overstated. The media
     * source SSRC is 0, as the draft specifies.
     *
     * @throws IllegalArgumentException if bitrate is negative, count is outside 0..255, or the destination is
     *         too small
     */
    public static int write(byte[] destination, int offset, long senderSsrc, long bitrate, long[] ssrcs,
            int count) {
        if (bitrate < 0) {
            throw new IllegalArgumentException("negative bitrate: " + bitrate);
        }
        if (count < 0 || count > 0xFF) {
            throw new IllegalArgumentException("SSRC count out of range: " + count);
        }
        int exponent = 0;
        while (bitrate >>> exponent > MAX_MANTISSA) {
            exponent++;
        }
        int mantissa = (int) (bitrate >>> exponent);
        int length = FIXED_SIZE + SSRCS + 4 * count;
        writeHeader(destination, offset, false, FORMAT, RtcpPacketType.PAYLOAD_FEEDBACK, length, senderSsrc, 0);
        int fci = offset + FIXED_SIZE;
        putUint32(destination, fci, IDENTIFIER);
        put8(destination, fci + 4, count);
        put8(destination, fci + 5, exponent << 2 | mantissa >>> 16);
        putUint16(destination, fci + 6, mantissa);
        for (int i = 0; i < count; i++) {
            putUint32(destination, fci + SSRCS + 4 * i, ssrcs[i]);
        }
        return length;
    }
}
