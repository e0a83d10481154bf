package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.getUint16;
import static dev.switchyard.rtp.BigEndian.getUint32;
import static dev.switchyard.rtp.BigEndian.putUint16;
import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * Extended report, XR (RFC 3611): the sender's SSRC followed by report blocks, each a block type, a type-specific
 * byte and its length in 32-bit words minus one. Two block types matter to a media server that only receives
 * from a sender: the receiver reference time (RRTR, §4.4), which it sends, and the sender's answer to it, the
 * delay since last receiver report (DLRR, §4.5), from which the round trip follows as for LSR/DLSR.
 *
 * <p>Blocks are read with a cursor: {@link #nextBlock()} steps through them after a successful wrap.
 */
public final class ExtendedReport extends RtcpPacketView {

    public static final int RECEIVER_REFERENCE_TIME = 4;
    public static final int DELAY_SINCE_LAST_RECEIVER_REPORT = 5;
    private static final int BLOCK_HEADER = 4;
    private static final int DLRR_ITEM = 12;
    /** Header, sender SSRC and one RRTR block. */
    public static final int RECEIVER_REFERENCE_TIME_PACKET_LENGTH = RtcpHeader.SIZE + 4 + BLOCK_HEADER + 8;

    private int blockOffset;
    private int nextBlockOffset;

    public ExtendedReport() {
        super(RtcpPacketType.EXTENDED_REPORT);
    }

    @Override
    boolean validate() {
        int position = offset + RtcpHeader.SIZE + 4;
        if (position > contentEnd) {
            return false;
        }
        while (position < contentEnd) {
            if (position + BLOCK_HEADER > contentEnd) {
                return false;
            }
            position += blockLength(position);
            if (position > contentEnd) {
                return false;
            }
        }
        nextBlockOffset = offset + RtcpHeader.SIZE + 4;
        blockOffset = -1;
        return true;
    }

    private int blockLength(int blockStart) {
        return 4 * (getUint16(buffer, blockStart + 2) + 1);
    }

    public long senderSsrc() {
        return getUint32(buffer, offset + RtcpHeader.SIZE);
    }

    /** Moves to the next report block; false past the last. */
    public boolean nextBlock() {
        if (nextBlockOffset >= contentEnd) {
            return false;
        }
        blockOffset = nextBlockOffset;
        nextBlockOffset += blockLength(blockOffset);
        return true;
    }

    public int blockType() {
        return u8(buffer, blockOffset);
    }

    /** The RRTR block's 64-bit NTP timestamp; meaningful for a block of type {@link #RECEIVER_REFERENCE_TIME}. */
    public long referenceTime() {
        if (blockLength(blockOffset) < BLOCK_HEADER + 8) {
            return 0;
        }
        return getUint32(buffer, blockOffset + 4) << 32 | getUint32(buffer, blockOffset + 8);
    }

    /** Sub-blocks of the current block read as a DLRR block (a partial trailing sub-block is not counted). */
    public int delayItemCount() {
        return (blockLength(blockOffset) - BLOCK_HEADER) / DLRR_ITEM;
    }

    /** The SSRC of the receiver whose RRTR sub-block {@code index} answers. */
    public long delayItemSsrc(int index) {
        return getUint32(buffer, delayItem(index));
    }

    /** LRR: the middle 32 bits of the NTP timestamp of the RRTR answered, 0 if none was received. */
    public long lastReceiverReport(int index) {
        return getUint32(buffer, delayItem(index) + 4);
    }

    /** DLRR: time from receiving that RRTR to sending this report, in 1/65536 s. */
    public long delaySinceLastReceiverReport(int index) {
        return getUint32(buffer, delayItem(index) + 8);
    }

    private int delayItem(int index) {
        return blockOffset + BLOCK_HEADER + DLRR_ITEM * index;
    }

    /**
     * Writes an XR holding one RRTR block and returns its length,
     * {@link #RECEIVER_REFERENCE_TIME_PACKET_LENGTH}.
     */
    public static int writeReceiverReferenceTime(byte[] destination, int offset, long senderSsrc,
            long ntpTimestamp) {
        int length = RECEIVER_REFERENCE_TIME_PACKET_LENGTH;
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, false, 0, RtcpPacketType.EXTENDED_REPORT, length);
        putUint32(destination, offset + 4, senderSsrc);
        int block = offset + 8;
        destination[block] = RECEIVER_REFERENCE_TIME;
        destination[block + 1] = 0;
        putUint16(destination, block + 2, 2);
        putUint32(destination, block + 4, ntpTimestamp >>> 32);
        putUint32(destination, block + 8, ntpTimestamp);
        return length;
    }

    /**
     * Writes an XR holding one DLRR block with the first {@code count} sub-blocks and returns its length.
     *
     * @throws IllegalArgumentException if the block would exceed its 16-bit length or the destination is too small
     */
    public static int writeDelaySinceLastReceiverReport(byte[] destination, int offset, long senderSsrc,
            long[] ssrcs, long[] lastReceiverReports, long[] delays, int count) {
        if (count < 0 || 3 * count > 0xFFFF) {
            throw new IllegalArgumentException("DLRR sub-block count out of range: " + count);
        }
        int length = RtcpHeader.SIZE + 4 + BLOCK_HEADER + DLRR_ITEM * count;
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, false, 0, RtcpPacketType.EXTENDED_REPORT, length);
        putUint32(destination, offset + 4, senderSsrc);
        int block = offset + 8;
        destination[block] = DELAY_SINCE_LAST_RECEIVER_REPORT;
        destination[block + 1] = 0;
        putUint16(destination, block + 2, 3 * count);
        for (int i = 0; i < count; i++) {
            int item = block + BLOCK_HEADER + DLRR_ITEM * i;
            putUint32(destination, item, ssrcs[i]);
            putUint32(destination, item + 4, lastReceiverReports[i]);
            putUint32(destination, item + 8, delays[i]);
        }
        return length;
    }
}
