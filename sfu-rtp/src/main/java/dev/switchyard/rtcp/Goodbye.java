package dev.switchyard.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.switchyard.rtp.BigEndian.putUint32;
import static dev.switchyard.rtp.BigEndian.getUint32;
import static dev.switchyard.rtcp.RtcpBytes.u8;

/** Goodbye, BYE (RFC 3550 §6.6): the SSRCs leaving, optionally followed by a length-prefixed reason. */
public final class Goodbye extends RtcpPacketView {

    public Goodbye() {
        super(RtcpPacketType.GOODBYE);
    }

    @Override
    boolean validate() {
        int reason = reasonLengthOffset();
        return reason <= contentEnd
                && (reason == contentEnd || reason + 1 + u8(buffer, reason) <= contentEnd);
    }

    private int reasonLengthOffset() {
        return offset + RtcpHeader.SIZE + 4 * count();
    }

    public int sourceCount() {
        return count();
    }

    /** SSRC or CSRC number {@code index}, 0 &lt;= index &lt; {@link #sourceCount()}. */
    public long source(int index) {
        return getUint32(buffer, offset + RtcpHeader.SIZE + 4 * index);
    }

    public boolean hasReason() {
        return reasonLengthOffset() < contentEnd;
    }

    public int reasonOffset() {
        return reasonLengthOffset() + 1;
    }

    /** Length in bytes of the reason, 0 when there is none. */
    public int reasonLength() {
        return hasReason() ? u8(buffer, reasonLengthOffset()) : 0;
    }

    /** The reason for leaving decoded as UTF-8 (allocates), or null when absent. */
    public String reason() {
        return hasReason() ? new String(buffer, reasonOffset(), reasonLength(), StandardCharsets.UTF_8) : null;
    }

    /**
     * Writes a BYE and returns its length; {@code reason} may be null.
     *
     * @throws IllegalArgumentException with more than 31 sources, a reason over 255 UTF-8 bytes, or if the
     *         destination is too small
     */
    public static int write(byte[] destination, int offset, long[] sources, String reason) {
        if (sources.length > RtcpHeader.MAX_COUNT) {
            throw new IllegalArgumentException("at most 31 sources per BYE, got " + sources.length);
        }
        byte[] text = reason == null ? null : reason.getBytes(StandardCharsets.UTF_8);
        if (text != null && text.length > 0xFF) {
            throw new IllegalArgumentException("BYE reason longer than 255 bytes");
        }
        int unpadded = RtcpHeader.SIZE + 4 * sources.length + (text == null ? 0 : 1 + text.length);
        int length = (unpadded + 3) & ~3;
        RtcpBytes.requireRoom(destination, offset, length);
        RtcpHeader.write(destination, offset, false, sources.length, RtcpPacketType.GOODBYE, length);
        int position = offset + RtcpHeader.SIZE;
        for (long source : sources) {
            putUint32(destination, position, source);
            position += 4;
        }
        if (text != null) {
            destination[position] = (byte) text.length;
            System.arraycopy(text, 0, destination, position + 1, text.length);
        }
        // RFC 3550 §6.6: the reason is padded with null octets to a 32-bit boundary.
        Arrays.fill(destination, offset + unpadded, offset + length, (byte) 0);
        return length;
    }
}
