package dev.switchyard.rtcp;

/**
 * Walks the packets of a compound RTCP packet (RFC 3550 §6.1) without allocating.
 *
 * <p>Each step validates the common header with {@link RtcpHeader#packetLength}; on the first malformed
 * packet (or trailing bytes too short for a header) iteration stops and {@link #isMalformed()} turns true.
 * The first-packet-is-a-report rule is deliberately not enforced, because reduced-size RTCP (RFC 5506), which
 * browsers negotiate with {@code a=rtcp-rsize}, sends feedback packets on their own.
 *
 * <pre>{@code
 * iterator.reset(buffer, offset, length);
 * while (iterator.next()) {
 *     switch (iterator.packetType()) { ... view.wrap(iterator) ... }
 * }
 * if (iterator.isMalformed()) { ... }
 * }</pre>
 */
public final class RtcpCompoundIterator {

    private byte[] buffer;
    private int position;
    private int end;
    private int packetOffset;
    private int packetLength;
    private boolean malformed;

    /** Positions the iterator before the first packet of {@code buffer[offset, offset + length)}. */
    public RtcpCompoundIterator reset(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.end = offset + length;
        this.packetOffset = offset;
        this.packetLength = 0;
        this.malformed = false;
        return this;
    }

    /** Advances to the next packet; false at the end of the compound packet or on malformed input. */
    public boolean next() {
        if (malformed || position == end) {
            return false;
        }
        int length = RtcpHeader.packetLength(buffer, position, end - position);
        if (length < 0) {
            malformed = true;
            packetLength = 0;
            return false;
        }
        packetOffset = position;
        packetLength = length;
        position += length;
        return true;
    }

    /** True once iteration stopped on bytes that are not a valid RTCP packet. */
    public boolean isMalformed() {
        return malformed;
    }

    public byte[] buffer() {
        return buffer;
    }

    public int packetOffset() {
        return packetOffset;
    }

    /** Length of the current packet in bytes, including its header and padding. */
    public int packetLength() {
        return packetLength;
    }

    public int packetType() {
        return RtcpHeader.packetType(buffer, packetOffset);
    }

    /** The 5-bit count field: report count, subtype or feedback message type (FMT) depending on the type. */
    public int count() {
        return RtcpHeader.count(buffer, packetOffset);
    }
}
