package dev.switchyard.codec;

import dev.switchyard.rtp.BigEndian;
import dev.switchyard.rtp.Bounds;

/**
 * What an SFU needs from an H.264 RTP payload (RFC 6184): the packet type and whether it starts an IDR
 * picture or carries parameter sets.
 *
 * <p>Accepts the packet types of packetization modes 0 and 1, the only ones WebRTC negotiates: single NAL
 * unit packets (types 1-23), STAP-A (24) and FU-A (28). Interleaved-mode types (STAP-B, MTAP16, MTAP24,
 * FU-B) and reserved types are rejected. Reusable and allocation-free.
 */
public final class H264Descriptor {

    /** NAL unit type of an IDR slice (H.264 Table 7-1). */
    public static final int IDR = 5;
    /** NAL unit type of a sequence parameter set. */
    public static final int SPS = 7;
    /** NAL unit type of a picture parameter set. */
    public static final int PPS = 8;
    /** Single-time aggregation packet (RFC 6184 §5.7.1). */
    public static final int STAP_A = 24;
    /** Fragmentation unit without decoding order number (RFC 6184 §5.8). */
    public static final int FU_A = 28;

    private static final int TYPE = 0x1F;
    private static final int MAX_NAL_UNIT_TYPE = 23;
    private static final int STAP_SIZE_FIELD = 2;
    // RFC 6184 §5.8, FU header: |S|E|R| Type |
    private static final int FU_START = 0x80;
    private static final int FU_END = 0x40;

    private int nalUnitType;
    private int fragmentedNalUnitType;
    private boolean fragmentStart;
    private boolean fragmentEnd;
    private int aggregatedUnitCount;
    private boolean keyframe;
    private boolean sps;
    private boolean pps;

    public H264Descriptor() {
        reset();
    }

    /**
     * Parses an RTP payload. Returns {@code false}, leaving the descriptor empty, for an unsupported packet
     * type, an STAP-A whose units do not exactly fill the payload, or an FU-A with both S and E set.
     */
    public boolean parse(byte[] payload, int offset, int length) {
        reset();
        if (!Bounds.isValidRange(payload, offset, length) || length == 0) {
            return false;
        }
        int type = payload[offset] & TYPE;
        boolean parsed;
        if (isNalUnitType(type)) {
            note(type);
            parsed = true;
        } else if (type == STAP_A) {
            parsed = parseAggregation(payload, offset + 1, offset + length);
        } else if (type == FU_A) {
            parsed = parseFragment(payload, offset, length);
        } else {
            parsed = false;
        }
        if (!parsed) {
            reset();
            return false;
        }
        nalUnitType = type;
        return true;
    }

    // RFC 6184 §5.7.1: each unit is a 16-bit size followed by that many bytes, up to the end of the payload.
    private boolean parseAggregation(byte[] payload, int position, int end) {
        while (position < end) {
            if (end - position < STAP_SIZE_FIELD) {
                return false;
            }
            int size = BigEndian.getUint16(payload, position);
            position += STAP_SIZE_FIELD;
            if (size == 0 || size > end - position) {
                return false;
            }
            int type = payload[position] & TYPE;
            if (!isNalUnitType(type)) {
                return false;
            }
            note(type);
            aggregatedUnitCount++;
            position += size;
        }
        return aggregatedUnitCount > 0;
    }

    private boolean parseFragment(byte[] payload, int offset, int length) {
        if (length < 2) {
            return false;
        }
        int header = payload[offset + 1] & 0xFF;
        fragmentStart = (header & FU_START) != 0;
        fragmentEnd = (header & FU_END) != 0;
        fragmentedNalUnitType = header & TYPE;
        // RFC 6184 §5.8: a NAL unit small enough for one FU must not be fragmented, so S and E exclude each other.
        if ((fragmentStart && fragmentEnd) || !isNalUnitType(fragmentedNalUnitType)) {
            return false;
        }
        if (fragmentStart) {
            note(fragmentedNalUnitType);
        }
        return true;
    }

    private void note(int type) {
        keyframe |= type == IDR;
        sps |= type == SPS;
        pps |= type == PPS;
    }

    private static boolean isNalUnitType(int type) {
        return type >= 1 && type <= MAX_NAL_UNIT_TYPE;
    }

    /** Type field of the payload's first byte: a NAL unit type (1-23), {@link #STAP_A} or {@link #FU_A}. */
    public int nalUnitType() {
        return nalUnitType;
    }

    /** For FU-A, the type of the NAL unit being fragmented; otherwise {@code -1}. */
    public int fragmentedNalUnitType() {
        return fragmentedNalUnitType;
    }

    /** For FU-A, whether this is the first fragment (S bit). */
    public boolean isFragmentStart() {
        return fragmentStart;
    }

    /** For FU-A, whether this is the last fragment (E bit). */
    public boolean isFragmentEnd() {
        return fragmentEnd;
    }

    /** For STAP-A, the number of aggregated NAL units; otherwise 0. */
    public int aggregatedUnitCount() {
        return aggregatedUnitCount;
    }

    /** Whether an IDR NAL unit starts in this packet, whole, aggregated, or as its first fragment. */
    public boolean isKeyframe() {
        return keyframe;
    }

    /** Whether a sequence parameter set starts in this packet. */
    public boolean hasSps() {
        return sps;
    }

    /** Whether a picture parameter set starts in this packet. */
    public boolean hasPps() {
        return pps;
    }

    @Override
    public String toString() {
        return "H264Descriptor{nalUnitType=" + nalUnitType + ", fragmentedNalUnitType=" + fragmentedNalUnitType
                + ", fragmentStart=" + fragmentStart + ", fragmentEnd=" + fragmentEnd
                + ", aggregatedUnitCount=" + aggregatedUnitCount + ", keyframe=" + keyframe
                + ", sps=" + sps + ", pps=" + pps + "}";
    }

    private void reset() {
        nalUnitType = 0;
        fragmentedNalUnitType = -1;
        fragmentStart = false;
        fragmentEnd = false;
        aggregatedUnitCount = 0;
        keyframe = false;
        sps = false;
        pps = false;
    }
}
