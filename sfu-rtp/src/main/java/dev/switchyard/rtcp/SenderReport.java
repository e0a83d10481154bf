package dev.switchyard.rtcp;

import java.util.List;

import static dev.switchyard.rtp.BigEndian.getInt32;
import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtp.BigEndian.getUint32;

/**
 * Sender report, SR (RFC 3550 §6.4.1): sender info (NTP and RTP timestamps, packet and octet counts) followed
 * by reception report blocks. A reusable view; {@link #write} builds one.
 */
public final class SenderReport extends ReceptionReportPacket {

    /** Header, SSRC and the 20-byte sender info. */
    public static final int FIXED_SIZE = 28;

    public SenderReport() {
        super(RtcpPacketType.SENDER_REPORT, FIXED_SIZE);
    }

    /** The 64-bit NTP timestamp: seconds since 1900 in the high 32 bits, fraction in the low 32. */
    public long ntpTimestamp() {
        return ((long) getInt32(buffer, offset + 8) << 32) | getUint32(buffer, offset + 12);
    }

    public long rtpTimestamp() {
        return getUint32(buffer, offset + 16);
    }

    public long packetCount() {
        return getUint32(buffer, offset + 20);
    }

    public long octetCount() {
        return getUint32(buffer, offset + 24);
    }

    /**
     * Writes an SR and returns its length. Unsigned 32-bit fields take their low 32 bits.
     *
     * @throws IllegalArgumentException with more than 31 blocks or if the destination is too small
     */
    public static int write(byte[] destination, int offset, long ssrc, long ntpTimestamp, long rtpTimestamp,
            long packetCount, long octetCount, List<ReportBlock> blocks) {
        int length = writeBlocks(destination, offset, RtcpPacketType.SENDER_REPORT, FIXED_SIZE, blocks);
        putUint32(destination, offset + 4, ssrc);
        putUint32(destination, offset + 8, ntpTimestamp >>> 32);
        putUint32(destination, offset + 12, ntpTimestamp);
        putUint32(destination, offset + 16, rtpTimestamp);
        putUint32(destination, offset + 20, packetCount);
        putUint32(destination, offset + 24, octetCount);
        return length;
    }
}
