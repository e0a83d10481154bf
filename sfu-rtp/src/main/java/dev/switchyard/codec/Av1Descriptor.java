package dev.switchyard.codec;

import dev.switchyard.rtp.Bounds;

/**
 * The aggregation header of an AV1 RTP payload (AV1 RTP specification §4.4) and a bounds-checked walk over
 * the OBU elements behind it (§4.3), which tells whether a sequence header OBU starts in the packet.
 *
 * <p>Reusable and allocation-free: {@link #parse} overwrites every field.
 */
public final class Av1Descriptor {

    // AV1 RTP §4.4: |Z|Y| W |N|-|-|-|
    private static final int Z = 0x80;
    private static final int Y = 0x40;
    private static final int N = 0x08;
    // AV1 bitstream §5.3.1, OBU header: |F| obu_type |X|S|R|
    private static final int OBU_TYPE_SHIFT = 3;
    private static final int OBU_TYPE_MASK = 0x0F;
    private static final int OBU_SEQUENCE_HEADER = 1;

    private boolean startsWithFragment;
    private boolean endsWithFragment;
    private boolean keyframe;
    private int elementCount;
    private boolean sequenceHeader;

    /**
     * Parses an RTP payload. Returns {@code false}, leaving the descriptor empty, if Z and N are both set,
     * an element length is malformed or overruns the payload, an element is empty, or fewer elements than W
     * announces are present.
     */
    public boolean parse(byte[] payload, int offset, int length) {
        reset();
        if (!Bounds.isValidRange(payload, offset, length) || length < 2) {
            return false;
        }
        int header = payload[offset] & 0xFF;
        int declaredCount = (header >>> 4) & 0x03;
        boolean z = (header & Z) != 0;
        boolean n = (header & N) != 0;
        // AV1 RTP §4.4: a coded video sequence cannot start with the tail of an earlier OBU.
        if (z && n) {
            return false;
        }
        int end = offset + length;
        int position = offset + 1;
        int count = 0;
        boolean foundSequenceHeader = false;
        while (position < end) {
            count++;
            int size;
            // With W = 0 every element has a length; otherwise the W-th and last one fills the rest.
            if (declaredCount == 0 || count < declaredCount) {
                long leb = Leb128.read(payload, position, end);
                if (leb == Leb128.INVALID) {
                    return false;
                }
                position += Leb128.size(leb);
                if (Leb128.value(leb) > end - position) {
                    return false;
                }
                size = (int) Leb128.value(leb);
            } else {
                size = end - position;
            }
            if (size == 0) {
                return false;
            }
            boolean continuesFragment = z && count == 1;
            if (!continuesFragment) {
                foundSequenceHeader |= obuType(payload[position]) == OBU_SEQUENCE_HEADER;
            }
            position += size;
        }
        if (declaredCount != 0 && count != declaredCount) {
            return false;
        }
        startsWithFragment = z;
        endsWithFragment = (header & Y) != 0;
        keyframe = n;
        elementCount = count;
        sequenceHeader = foundSequenceHeader;
        return true;
    }

    /** Z bit: the first OBU element continues an OBU fragmented in the previous packet. */
    public boolean startsWithFragment() {
        return startsWithFragment;
    }

    /** Y bit: the last OBU element is continued in the next packet. */
    public boolean endsWithFragment() {
        return endsWithFragment;
    }

    /** N bit: this packet is the first of a new coded video sequence, which starts with a keyframe. */
    public boolean isKeyframe() {
        return keyframe;
    }

    /** Number of OBU elements (whole OBUs or fragments) in the payload. */
    public int elementCount() {
        return elementCount;
    }

    /**
     * Whether an OBU element in this packet starts a sequence header OBU. Senders repeat the sequence header
     * before keyframes, so this corroborates {@link #isKeyframe()} for senders that leave N unset.
     */
    public boolean hasSequenceHeader() {
        return sequenceHeader;
    }

    @Override
    public String toString() {
        return "Av1Descriptor{z=" + startsWithFragment + ", y=" + endsWithFragment + ", keyframe=" + keyframe
                + ", elementCount=" + elementCount + ", sequenceHeader=" + sequenceHeader + "}";
    }

    private static int obuType(byte obuHeader) {
        return ((obuHeader & 0xFF) >>> OBU_TYPE_SHIFT) & OBU_TYPE_MASK;
    }

    private void reset() {
        startsWithFragment = false;
        endsWithFragment = false;
        keyframe = false;
        elementCount = 0;
        sequenceHeader = false;
    }
}
