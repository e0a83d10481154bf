package dev.switchyard.rtcp;

import java.util.List;

import static dev.switchyard.rtp.BigEndian.getUint32;

/**
 * What SR and RR share (RFC 3550 §6.4): the reporter's SSRC, a fixed-size section, then {@code count}
 * report blocks. Profile-specific extensions after the blocks are tolerated and ignored.
 */
public abstract class ReceptionReportPacket extends RtcpPacketView {

    private final int firstBlock;

    ReceptionReportPacket(int packetType, int firstBlock) {
        super(packetType);
        this.firstBlock = firstBlock;
    }

    @Override
    final boolean validate() {
        return contentLength() >= firstBlock + reportCount() * ReportBlock.SIZE;
    }

    /** SSRC of the sender of this report. */
    public final long ssrc() {
        return getUint32(buffer, offset + 4);
    }

    public final int reportCount() {
        return count();
    }

    /** Points {@code into} at block {@code index}; false if there is no such block. */
    public final boolean reportBlock(int index, ReportBlockView into) {
        if (index < 0 || index >= reportCount()) {
            return false;
        }
        into.position(buffer, offset + firstBlock + index * ReportBlock.SIZE);
        return true;
    }

    /**
     * Writes the header and the report blocks that start at {@code firstBlock}, returning the packet length;
     * the caller fills in the fixed part in between.
     */
    static int writeBlocks(byte[] destination, int offset, int packetType, int firstBlock, List<ReportBlock> blocks) {
        if (blocks.size() > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 report blocks per packet, got " + blocks.size());
        }
        int length = firstBlock + blocks.size() * ReportBlock.SIZE;
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, false, blocks.size(), packetType, length);
        int position = offset + firstBlock;
        for (ReportBlock block : blocks) {
            position += block.write(destination, position);
        }
        return length;
    }
}
