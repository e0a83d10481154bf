package dev.switchyard.rtcp;

import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtp.BigEndian.getUint32;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/**
 * Full intra request, FIR (RFC 5104 §4.3.1): one 8-byte FCI entry per media sender asked for a decoder
 * refresh, each with the SSRC and a command sequence number.
 */
public final class FullIntraRequest extends FeedbackPacket {

    public static final int FORMAT = 4;
    public static final int ENTRY_SIZE = 8;

    public FullIntraRequest() {
        super(RtcpPacketType.PAYLOAD_FEEDBACK, FORMAT);
    }

    @Override
    boolean validateFci() {
        return entryCount() > 0;
    }

    public int entryCount() {
        return fciLength() / ENTRY_SIZE;
    }

    /** SSRC of the media sender that entry {@code index} addresses. */
    public long ssrc(int index) {
        return getUint32(buffer, fciOffset() + index * ENTRY_SIZE);
    }

    /** Command sequence number of entry {@code index}; repeats of the same request keep the same number. */
    public int sequenceNumber(int index) {
        return u8(buffer, fciOffset() + index * ENTRY_SIZE + 4);
    }

    /**
     * Writes a FIR with {@code count} entries taken from the parallel arrays and returns its length.
     * The media source SSRC is written as 0, as RFC 5104 §4.3.1.2 requires.
     *
     * @throws IllegalArgumentException if count is not positive or the destination is too small
     */
    public static int write(byte[] destination, int offset, long senderSsrc, long[] ssrcs, int[] sequenceNumbers,
            int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("a FIR needs at least one entry");
        }
        int length = FIXED_SIZE + count * ENTRY_SIZE;
        writeHeader(destination, offset, false, FORMAT, RtcpPacketType.PAYLOAD_FEEDBACK, length, senderSsrc, 0);
        int position = offset + FIXED_SIZE;
        for (int i = 0; i < count; i++, position += ENTRY_SIZE) {
            putUint32(destination, position, ssrcs[i]);
            putUint32(destination, position + 4, (long) (sequenceNumbers[i] & 0xFF) << 24);
        }
        return length;
    }
}
