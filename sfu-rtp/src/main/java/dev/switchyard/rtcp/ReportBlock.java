package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.putUint24;
import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtcp.RtcpBytes.put8;

/**
 * One reception report block of an SR or RR (RFC 3550 §6.4.1), as a value for writing.
 * Unsigned 32-bit fields are held in longs; writers write their low 32 bits.
 *
 * @param ssrc source this block reports on
 * @param fractionLost fraction lost since the previous report, in 1/256 units (8 bits)
 * @param cumulativeLost signed 24-bit count of packets lost
 * @param extendedHighestSequence cycles count (high 16 bits) and highest sequence number received (low 16)
 * @param jitter interarrival jitter in RTP timestamp units
 * @param lastSenderReport LSR: middle 32 bits of the NTP timestamp of the last SR received
 * @param delaySinceLastSenderReport DLSR in units of 1/65536 seconds
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
        long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

    public static final int SIZE = 24;

    /** Writes this block and returns {@link #SIZE}; throws IllegalArgumentException if it does not fit. */
    public int write(byte[] destination, int offset) {
        RtcpBytes.requireRoom(destination, offset, SIZE);
        putUint32(destination, offset, ssrc);
        put8(destination, offset + 4, fractionLost);
        putUint24(destination, offset + 5, cumulativeLost);
        putUint32(destination, offset + 8, extendedHighestSequence);
        putUint32(destination, offset + 12, jitter);
        putUint32(destination, offset + 16, lastSenderReport);
        putUint32(destination, offset + 20, delaySinceLastSenderReport);
        return SIZE;
    }
}
