package dev.switchyard.rtp;

import java.util.Arrays;

/**
 * Builds RTP packets (RFC 3550 §5.1) with RFC 8285 header extensions into a caller's buffer.
 *
 * <p>Reusable: set fields, add extensions, {@link #write} as many times as needed, then {@link #reset()}.
 * Extension values are copied into a fixed internal area; the payload array is only referenced until
 * {@code write}. After construction nothing allocates. The one-byte form is chosen whenever every element
 * fits it, the two-byte form otherwise or when {@link #twoByteExtensions(boolean)} asks for it.
 *
 * <p>All methods throw {@link IllegalArgumentException} for values the wire format cannot carry.
 */
public final class RtpPacketWriter {

    /** Capacity for staged extension elements, each counted as two header bytes plus its value. */
    public static final int MAX_EXTENSION_BYTES = 1024;

    private static final int MAX_CSRCS = 15;
    private static final int MAX_PADDING = 255;

    private final long[] csrcs = new long[MAX_CSRCS];
    /** Staged elements as {@code id, length, value...} triples in insertion order. */
    private final byte[] extensions = new byte[MAX_EXTENSION_BYTES];

    private int payloadType;
    private boolean marker;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private int csrcCount;
    private int extensionsLength;
    private int extensionCount;
    private boolean forceTwoByte;
    private byte[] payload;
    private int payloadOffset;
    private int payloadLength;
    private int paddingLength;

    /** Clears every field, CSRC, extension and the payload reference. */
    public RtpPacketWriter reset() {
        payloadType = 0;
        marker = false;
        sequenceNumber = 0;
        timestamp = 0;
        ssrc = 0;
        csrcCount = 0;
        extensionsLength = 0;
        extensionCount = 0;
        forceTwoByte = false;
        payload = null;
        payloadOffset = 0;
        payloadLength = 0;
        paddingLength = 0;
        return this;
    }

    public RtpPacketWriter payloadType(int payloadType) {
        this.payloadType = Fields.requireRange(payloadType, RtpPacket.MAX_PAYLOAD_TYPE, "payload type");
        return this;
    }

    public RtpPacketWriter marker(boolean marker) {
        this.marker = marker;
        return this;
    }

    public RtpPacketWriter sequenceNumber(int sequenceNumber) {
        this.sequenceNumber = Fields.requireRange(sequenceNumber, Fields.MAX_UINT16, "sequence number");
        return this;
    }

    public RtpPacketWriter timestamp(long timestamp) {
        this.timestamp = Fields.requireRange(timestamp, Fields.MAX_UINT32, "timestamp");
        return this;
    }

    public RtpPacketWriter ssrc(long ssrc) {
        this.ssrc = Fields.requireRange(ssrc, Fields.MAX_UINT32, "ssrc");
        return this;
    }

    /** Appends a contributing source; at most 15 (RFC 3550 §5.1, 4-bit CC). */
    public RtpPacketWriter addCsrc(long csrc) {
        if (csrcCount == MAX_CSRCS) {
            throw new IllegalArgumentException("more than " + MAX_CSRCS + " CSRCs");
        }
        csrcs[csrcCount++] = Fields.requireRange(csrc, Fields.MAX_UINT32, "csrc");
        return this;
    }

    /**
     * Appends an extension element, copying {@code value[offset, offset + length)}. Ids 1-255 and lengths
     * 0-255 are accepted (the two-byte limits); staged elements may use {@link #MAX_EXTENSION_BYTES} in all.
     */
    public RtpPacketWriter addExtension(int id, byte[] value, int offset, int length) {
        if (!HeaderExtensionForm.TWO_BYTE.canEncode(id, length)) {
            throw new IllegalArgumentException("extension id " + id + " with length " + length + " is not encodable");
        }
        if (!Bounds.isValidRange(value, offset, length)) {
            throw new IllegalArgumentException("extension value range outside its array");
        }
        if (extensionsLength + 2 + length > MAX_EXTENSION_BYTES) {
            throw new IllegalArgumentException("more than " + MAX_EXTENSION_BYTES + " bytes of extensions");
        }
        extensions[extensionsLength] = (byte) id;
        extensions[extensionsLength + 1] = (byte) length;
        System.arraycopy(value, offset, extensions, extensionsLength + 2, length);
        extensionsLength += 2 + length;
        extensionCount++;
        return this;
    }

    /** Forces the two-byte form even when every element would fit the one-byte form. */
    public RtpPacketWriter twoByteExtensions(boolean force) {
        this.forceTwoByte = force;
        return this;
    }

    /** References {@code payload[offset, offset + length)}; it is read by {@link #write}, not copied now. */
    public RtpPacketWriter payload(byte[] payload, int offset, int length) {
        if (!Bounds.isValidRange(payload, offset, length)) {
            throw new IllegalArgumentException("payload range outside its array");
        }
        this.payload = payload;
        this.payloadOffset = offset;
        this.payloadLength = length;
        return this;
    }

    /** Appends {@code length} padding octets (0-255) and sets the P bit when non-zero (RFC 3550 §5.1). */
    public RtpPacketWriter padding(int length) {
        this.paddingLength = Fields.requireRange(length, MAX_PADDING, "padding length");
        return this;
    }

    /** The form {@link #write} will use for the staged extensions, or null when there are none. */
    public HeaderExtensionForm extensionForm() {
        if (extensionsLength == 0) {
            return null;
        }
        if (forceTwoByte) {
            return HeaderExtensionForm.TWO_BYTE;
        }
        for (int i = 0; i < extensionsLength; i += 2 + (extensions[i + 1] & 0xFF)) {
            if (!HeaderExtensionForm.ONE_BYTE.canEncode(extensions[i] & 0xFF, extensions[i + 1] & 0xFF)) {
                return HeaderExtensionForm.TWO_BYTE;
            }
        }
        return HeaderExtensionForm.ONE_BYTE;
    }

    /** Total bytes {@link #write} will produce. */
    public int length() {
        return headerLength(extensionForm()) + payloadLength + paddingLength;
    }

    /**
     * Writes the packet at {@code destination[offset]} and returns its length.
     *
     * @throws IllegalArgumentException if the packet does not fit in {@code destination} from {@code offset}
     */
    public int write(byte[] destination, int offset) {
        HeaderExtensionForm form = extensionForm();
        int header = headerLength(form);
        int total = header + payloadLength + paddingLength;
        if (!Bounds.isValidRange(destination, offset, total)) {
            throw new IllegalArgumentException("packet of " + total + " bytes does not fit at offset " + offset);
        }
        destination[offset] = (byte) (RtpPacket.VERSION << 6
                | (paddingLength > 0 ? RtpPacket.PADDING_BIT : 0)
                | (form != null ? RtpPacket.EXTENSION_BIT : 0)
                | csrcCount);
        destination[offset + 1] = (byte) ((marker ? RtpPacket.MARKER_BIT : 0) | payloadType);
        BigEndian.putUint16(destination, offset + 2, sequenceNumber);
        BigEndian.putUint32(destination, offset + 4, timestamp);
        BigEndian.putUint32(destination, offset + 8, ssrc);
        int index = offset + RtpPacket.FIXED_HEADER_LENGTH;
        for (int i = 0; i < csrcCount; i++, index += 4) {
            BigEndian.putUint32(destination, index, csrcs[i]);
        }
        if (form != null) {
            writeExtensions(form, destination, index, offset + header);
        }
        if (payloadLength > 0) {
            System.arraycopy(payload, payloadOffset, destination, offset + header, payloadLength);
        }
        if (paddingLength > 0) {
            int paddingStart = offset + header + payloadLength;
            Arrays.fill(destination, paddingStart, paddingStart + paddingLength - 1, (byte) 0);
            destination[paddingStart + paddingLength - 1] = (byte) paddingLength;
        }
        return total;
    }

    private void writeExtensions(HeaderExtensionForm form, byte[] destination, int blockStart, int blockEnd) {
        // RFC 3550 §5.3.1: profile and length in 32-bit words of the data that follows.
        BigEndian.putUint16(destination, blockStart, form.profile());
        BigEndian.putUint16(destination, blockStart + 2, (blockEnd - blockStart - 4) / 4);
        int index = blockStart + 4;
        for (int i = 0; i < extensionsLength; ) {
            int id = extensions[i] & 0xFF;
            int length = extensions[i + 1] & 0xFF;
            if (form == HeaderExtensionForm.ONE_BYTE) {
                destination[index++] = (byte) (id << 4 | (length - 1));
            } else {
                destination[index++] = (byte) id;
                destination[index++] = (byte) length;
            }
            System.arraycopy(extensions, i + 2, destination, index, length);
            index += length;
            i += 2 + length;
        }
        // RFC 8285 §4.1: zero padding up to the 32-bit boundary.
        Arrays.fill(destination, index, blockEnd, (byte) 0);
    }

    private int headerLength(HeaderExtensionForm form) {
        int length = RtpPacket.FIXED_HEADER_LENGTH + csrcCount * 4;
        if (form != null) {
            length += 4 + align4(extensionDataLength(form));
        }
        return length;
    }

    private int extensionDataLength(HeaderExtensionForm form) {
        // Staging stores two header bytes per element; the one-byte form needs only one.
        return form == HeaderExtensionForm.ONE_BYTE ? extensionsLength - extensionCount : extensionsLength;
    }

    private static int align4(int length) {
        return (length + 3) & ~3;
    }
}
