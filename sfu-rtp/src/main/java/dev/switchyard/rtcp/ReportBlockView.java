package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.getInt24;
import static dev.switchyard.rtp.BigEndian.getUint32;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * Allocation-free view of one reception report block (RFC 3550 §6.4.1), positioned by
 * {@link ReceptionReportPacket#reportBlock(int, ReportBlockView)}.
 */
public final class ReportBlockView {

    private byte[] buffer;
    private int offset;

    void position(byte[] buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
    }

    public long ssrc() {
        return getUint32(buffer, offset);
    }

    /** Fraction of packets lost since the previous report, in 1/256 units. */
    public int fractionLost() {
        return u8(buffer, offset + 4);
    }

    /** Cumulative number of packets lost; signed, since duplicates can make it negative. */
    public int cumulativeLost() {
        return getInt24(buffer, offset + 5);
    }

    public long extendedHighestSequence() {
        return getUint32(buffer, offset + 8);
    }

    public long jitter() {
        return getUint32(buffer, offset + 12);
    }

    public long lastSenderReport() {
        return getUint32(buffer, offset + 16);
    }

    /** DLSR in units of 1/65536 seconds. */
    public long delaySinceLastSenderReport() {
        return getUint32(buffer, offset + 20);
    }

    /** Copies the block into a value. */
    public ReportBlock toReportBlock() {
        return new ReportBlock(ssrc(), fractionLost(), cumulativeLost(), extendedHighestSequence(), jitter(),
                lastSenderReport(), delaySinceLastSenderReport());
    }
}
