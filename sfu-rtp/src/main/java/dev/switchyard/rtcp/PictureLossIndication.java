package dev.switchyard.rtcp;

/** Picture loss indication, PLI (RFC 4585 §6.3.1): payload-specific feedback with no FCI. */
public final class PictureLossIndication extends FeedbackPacket {

    public static final int FORMAT = 1;
    public static final int SIZE = FIXED_SIZE;

    public PictureLossIndication() {
        super(RtcpPacketType.PAYLOAD_FEEDBACK, FORMAT);
    }

    @Override
    boolean validateFci() {
        return true;
    }

    /** Writes a PLI and returns {@link #SIZE}; throws IllegalArgumentException if it does not fit. */
    public static int write(byte[] destination, int offset, long senderSsrc, long mediaSsrc) {
        writeHeader(destination, offset, false, FORMAT, RtcpPacketType.PAYLOAD_FEEDBACK, SIZE, senderSsrc, mediaSsrc);
        return SIZE;
    }
}
