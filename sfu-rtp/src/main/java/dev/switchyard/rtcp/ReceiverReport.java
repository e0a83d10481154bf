package dev.switchyard.rtcp;

import java.util.List;

import static dev.switchyard.rtp.BigEndian.putUint32;

/** Receiver report, RR (RFC 3550 §6.4.2): the reporter's SSRC and reception report blocks. */
public final class ReceiverReport extends ReceptionReportPacket {

    /** Header and SSRC. */
    public static final int FIXED_SIZE = 8;

    public ReceiverReport() {
        super(RtcpPacketType.RECEIVER_REPORT, FIXED_SIZE);
    }

    /**
     * Writes an RR and returns its length.
     *
     * @throws IllegalArgumentException with more than 31 blocks or if the destination is too small
     */
    public static int write(byte[] destination, int offset, long ssrc, List<ReportBlock> blocks) {
        int length = writeBlocks(destination, offset, RtcpPacketType.RECEIVER_REPORT, FIXED_SIZE, blocks);
        putUint32(destination, offset + 4, ssrc);
        return length;
    }
}
