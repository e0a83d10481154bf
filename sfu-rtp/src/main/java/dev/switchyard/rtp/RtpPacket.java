package dev.switchyard.rtp;

import java.util.Objects;

/**
 * Zero-copy view of one RTP packet (RFC 3550 §5.1) inside a caller's buffer.
 *
 * <p>A flyweight: {@link #wrap} points it at bytes that stay owned by the caller, accessors read straight
 * from them and setters rewrite them in place. One instance can be reused for every packet; nothing here
 * allocates. The accessors are only meaningful after {@code wrap} returned true.
 */
public final class RtpPacket {

    public static final int VERSION = 2;
    public static final int FIXED_HEADER_LENGTH = 12;
    public static final int MAX_PAYLOAD_TYPE = 127;

    // RFC 3550 §5.1 bit layout of the first two octets, shared with RtpPacketWriter.
    static final int PADDING_BIT = 0x20;
    static final int EXTENSION_BIT = 0x10;
    static final int CSRC_COUNT_MASK = 0x0F;
    static final int MARKER_BIT = 0x80;

    private static final int EXTENSION_HEADER_LENGTH = 4;
    private static final int CSRC_LENGTH = 4;
    private static final int NO_EXTENSION = -1;

    private byte[] buffer;
    private int offset;
    private int length;
    private int headerLength;
    private int paddingLength;
    /** Absolute index of the 4-byte extension header (profile, length), or {@link #NO_EXTENSION}. */
    private int extensionHeaderIndex = NO_EXTENSION;

    /**
     * Points this view at {@code buffer[offset, offset + length)} and validates the framing: version 2, and
     * the CSRC list, header extension and padding all inside the packet with a payload of zero or more
     * bytes. Returns false, and leaves the view unusable, for anything else; never throws.
     */
    public boolean wrap(byte[] buffer, int offset, int length) {
        this.buffer = null;
        this.extensionHeaderIndex = NO_EXTENSION;
        if (!Bounds.isValidRange(buffer, offset, length) || length < FIXED_HEADER_LENGTH) {
            return false;
        }
        int first = buffer[offset] & 0xFF;
        if (first >>> 6 != VERSION) {
            return false;
        }
        int header = FIXED_HEADER_LENGTH + (first & CSRC_COUNT_MASK) * CSRC_LENGTH;
        int extensionHeader = NO_EXTENSION;
        if ((first & EXTENSION_BIT) != 0) {
            // RFC 3550 §5.3.1: 16-bit profile, 16-bit length in 32-bit words excluding this 4-byte header.
            if (header + EXTENSION_HEADER_LENGTH > length) {
                return false;
            }
            extensionHeader = offset + header;
            header += EXTENSION_HEADER_LENGTH + BigEndian.getUint16(buffer, extensionHeader + 2) * 4;
        }
        if (header > length) {
            return false;
        }
        int padding = 0;
        if ((first & PADDING_BIT) != 0) {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included, so it cannot be 0.
            padding = buffer[offset + length - 1] & 0xFF;
            if (padding == 0 || header + padding > length) {
                return false;
            }
        }
        this.buffer = buffer;
        this.offset = offset;
        this.length = length;
        this.headerLength = header;
        this.paddingLength = padding;
        this.extensionHeaderIndex = extensionHeader;
        return true;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    public int version() {
        return (buffer[offset] & 0xFF) >>> 6;
    }

    /** The P bit; {@link #paddingLength()} gives the validated number of padding octets. */
    public boolean padding() {
        return (buffer[offset] & PADDING_BIT) != 0;
    }

    /** The X bit: a header extension follows the CSRC list. */
    public boolean hasExtension() {
        return extensionHeaderIndex != NO_EXTENSION;
    }

    public int csrcCount() {
        return buffer[offset] & CSRC_COUNT_MASK;
    }

    public boolean marker() {
        return (buffer[offset + 1] & MARKER_BIT) != 0;
    }

    public int payloadType() {
        return buffer[offset + 1] & MAX_PAYLOAD_TYPE;
    }

    public int sequenceNumber() {
        return BigEndian.getUint16(buffer, offset + 2);
    }

    /** The 32-bit RTP timestamp as an unsigned value. */
    public long timestamp() {
        return BigEndian.getUint32(buffer, offset + 4);
    }

    /** The 32-bit SSRC as an unsigned value. */
    public long ssrc() {
        return BigEndian.getUint32(buffer, offset + 8);
    }

    /** The {@code index}-th contributing source as an unsigned value; throws if outside the CSRC list. */
    public long csrc(int index) {
        Objects.checkIndex(index, csrcCount());
        return BigEndian.getUint32(buffer, offset + FIXED_HEADER_LENGTH + index * CSRC_LENGTH);
    }

    /** Fixed header, CSRC list and header extension together. */
    public int headerLength() {
        return headerLength;
    }

    /** Absolute index of the first payload byte in {@link #buffer()}. */
    public int payloadOffset() {
        return offset + headerLength;
    }

    public int payloadLength() {
        return length - headerLength - paddingLength;
    }

    public int paddingLength() {
        return paddingLength;
    }

    /** The 16-bit "defined by profile" field of the header extension, or -1 without one. */
    public int extensionProfile() {
        return hasExtension() ? BigEndian.getUint16(buffer, extensionHeaderIndex) : -1;
    }

    /** Absolute index of the header extension data (after profile and length), or -1 without one. */
    public int extensionDataOffset() {
        return hasExtension() ? extensionHeaderIndex + EXTENSION_HEADER_LENGTH : -1;
    }

    /** Length in bytes of the header extension data, 0 without one. */
    public int extensionDataLength() {
        return hasExtension() ? payloadOffset() - extensionDataOffset() : 0;
    }

    public void setMarker(boolean marker) {
        int index = offset + 1;
        buffer[index] = (byte) (marker ? buffer[index] | MARKER_BIT : buffer[index] & ~MARKER_BIT);
    }

    /** @throws IllegalArgumentException unless {@code 0 <= payloadType <= 127} */
    public void setPayloadType(int payloadType) {
        Fields.requireRange(payloadType, MAX_PAYLOAD_TYPE, "payload type");
        int index = offset + 1;
        buffer[index] = (byte) (buffer[index] & MARKER_BIT | payloadType);
    }

    /** @throws IllegalArgumentException unless the value fits in 16 bits */
    public void setSequenceNumber(int sequenceNumber) {
        BigEndian.putUint16(buffer, offset + 2, Fields.requireRange(sequenceNumber, Fields.MAX_UINT16, "sequence number"));
    }

    /** @throws IllegalArgumentException unless the value fits in 32 bits unsigned */
    public void setTimestamp(long timestamp) {
        BigEndian.putUint32(buffer, offset + 4, Fields.requireRange(timestamp, Fields.MAX_UINT32, "timestamp"));
    }

    /** @throws IllegalArgumentException unless the value fits in 32 bits unsigned */
    public void setSsrc(long ssrc) {
        BigEndian.putUint32(buffer, offset + 8, Fields.requireRange(ssrc, Fields.MAX_UINT32, "ssrc"));
    }
}
