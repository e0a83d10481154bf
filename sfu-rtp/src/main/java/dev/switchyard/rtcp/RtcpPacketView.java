package dev.switchyard.rtcp;

/**
 * Base of the reusable, allocation-free reader views, one subclass per RTCP packet format.
 *
 * <p>{@link #wrap} checks the common header and the packet type, then lets the subclass validate its body, so
 * after a successful wrap every accessor stays inside the packet. Accessors are only meaningful after
 * {@code wrap} returned true.
 */
public abstract class RtcpPacketView {

    private final int packetType;
    byte[] buffer;
    int offset;
    int packetLength;
    /** Offset just past the last byte before padding. */
    int contentEnd;

    RtcpPacketView(int packetType) {
        this.packetType = packetType;
    }

    /**
     * Wraps the first RTCP packet in {@code buffer[offset, offset + length)}; bytes after it are ignored.
     *
     * @return false, never an exception, if the packet is malformed or of another type or format
     */
    public final boolean wrap(byte[] buffer, int offset, int length) {
        int packetLength = RtcpHeader.packetLength(buffer, offset, length);
        if (packetLength < 0 || RtcpHeader.packetType(buffer, offset) != packetType) {
            return false;
        }
        this.buffer = buffer;
        this.offset = offset;
        this.packetLength = packetLength;
        this.contentEnd = offset + RtcpHeader.unpaddedLength(buffer, offset, packetLength);
        return validate();
    }

    /** Wraps the iterator's current packet. */
    public final boolean wrap(RtcpCompoundIterator iterator) {
        return wrap(iterator.buffer(), iterator.packetOffset(), iterator.packetLength());
    }

    /** Checks the body between {@link #offset} and {@link #contentEnd}; must not read outside it. */
    abstract boolean validate();

    /** The 5-bit count / subtype / FMT field. */
    public final int count() {
        return RtcpHeader.count(buffer, offset);
    }

    /** Length of the wrapped packet in bytes, including header and padding. */
    public final int packetLength() {
        return packetLength;
    }

    public final int offset() {
        return offset;
    }

    public final byte[] buffer() {
        return buffer;
    }

    /** Bytes from the start of the packet up to its padding. */
    final int contentLength() {
        return contentEnd - offset;
    }
}
