package dev.switchyard.codec;

import java.util.Arrays;

import dev.switchyard.rtp.BigEndian;
import dev.switchyard.rtp.Bounds;

/**
 * The VP9 payload descriptor at the start of an RTP payload (RFC 9628 §4.2), in flexible and non-flexible
 * mode, including the scalability structure (RFC 9628 §4.2.1) when present.
 *
 * <p>Reusable and allocation-free: {@link #parse} overwrites every field. After a successful parse the
 * descriptor keeps a reference to the parsed buffer so that {@link #setPictureId} and {@link #setTl0PicIdx}
 * can renumber the packet in place. Optional fields read as {@code -1} when absent.
 */
public final class Vp9Descriptor {

    /** At most three reference indices follow in flexible mode (RFC 9628 §4.2). */
    public static final int MAX_REFERENCES = 3;
    /** N_S is three bits, so a scalability structure describes at most eight spatial layers. */
    public static final int MAX_SPATIAL_LAYERS = 8;

    // RFC 9628 §4.2, first byte: |I|P|L|F|B|E|V|Z|
    private static final int I = 0x80;
    private static final int P = 0x40;
    private static final int L = 0x20;
    private static final int F = 0x10;
    private static final int B = 0x08;
    private static final int E = 0x04;
    private static final int V = 0x02;
    private static final int Z = 0x01;
    // Layer indices: |TID|U|SID|D|
    private static final int U = 0x10;
    private static final int D = 0x01;
    // Reference index: |P_DIFF|N|
    private static final int MORE_REFERENCES = 0x01;
    // RFC 9628 §4.2.1, scalability structure: |N_S|Y|G|-|-|-|, then per picture group |TID|U|R|-|-|
    private static final int SS_Y = 0x10;
    private static final int SS_G = 0x08;
    private static final int RESOLUTION_SIZE = 4;

    private final int[] referenceDiffs = new int[MAX_REFERENCES];
    private final int[] widths = new int[MAX_SPATIAL_LAYERS];
    private final int[] heights = new int[MAX_SPATIAL_LAYERS];

    private final PictureNumbering numbering = new PictureNumbering();
    private int headerSize;
    private int flags;
    private int temporalId;
    private boolean switchingUpPoint;
    private int spatialId;
    private boolean interLayerDependency;
    private int referenceCount;
    private int spatialLayerCount;
    private boolean hasResolutions;

    public Vp9Descriptor() {
        reset();
    }

    /**
     * Parses the descriptor at the start of an RTP payload. Returns {@code false}, leaving the descriptor
     * empty, if any announced field is truncated, more than {@value #MAX_REFERENCES} reference indices are
     * chained, or no VP9 payload byte follows the descriptor.
     */
    public boolean parse(byte[] payload, int offset, int length) {
        reset();
        if (!Bounds.isValidRange(payload, offset, length) || length == 0) {
            return false;
        }
        int end = offset + length;
        int position = offset;
        flags = payload[position++] & 0xFF;
        if (has(I)) {
            int size = numbering.notePictureId(payload, position, end);
            if (size == 0) {
                return reject();
            }
            position += size;
        }
        if (has(L)) {
            if (position == end) {
                return reject();
            }
            int layers = payload[position++] & 0xFF;
            temporalId = layers >>> 5;
            switchingUpPoint = (layers & U) != 0;
            spatialId = (layers >>> 1) & 0x07;
            interLayerDependency = (layers & D) != 0;
            // TL0PICIDX exists only in non-flexible mode, where a picture group structure replaces references.
            if (!has(F)) {
                if (position == end) {
                    return reject();
                }
                numbering.noteTl0PicIdx(position++);
            }
        }
        if (has(F) && has(P)) {
            position = parseReferences(payload, position, end);
            if (position < 0) {
                return reject();
            }
        }
        if (has(V)) {
            position = parseScalabilityStructure(payload, position, end);
            if (position < 0) {
                return reject();
            }
        }
        if (position == end) {
            return reject();
        }
        numbering.attach(payload);
        headerSize = position - offset;
        return true;
    }

    private int parseReferences(byte[] payload, int position, int end) {
        int reference;
        do {
            if (position == end || referenceCount == MAX_REFERENCES) {
                return -1;
            }
            reference = payload[position++] & 0xFF;
            referenceDiffs[referenceCount++] = reference >>> 1;
        } while ((reference & MORE_REFERENCES) != 0);
        return position;
    }

    private int parseScalabilityStructure(byte[] payload, int position, int end) {
        if (position == end) {
            return -1;
        }
        int header = payload[position++] & 0xFF;
        int layers = (header >>> 5) + 1;
        if ((header & SS_Y) != 0) {
            if (end - position < layers * RESOLUTION_SIZE) {
                return -1;
            }
            for (int i = 0; i < layers; i++, position += RESOLUTION_SIZE) {
                widths[i] = BigEndian.getUint16(payload, position);
                heights[i] = BigEndian.getUint16(payload, position + 2);
            }
            hasResolutions = true;
        }
        if ((header & SS_G) != 0) {
            if (position == end) {
                return -1;
            }
            int pictureGroupSize = payload[position++] & 0xFF;
            for (int i = 0; i < pictureGroupSize; i++) {
                if (position == end) {
                    return -1;
                }
                int referenceCountInGroup = ((payload[position++] & 0xFF) >>> 2) & 0x03;
                if (end - position < referenceCountInGroup) {
                    return -1;
                }
                position += referenceCountInGroup;
            }
        }
        spatialLayerCount = layers;
        return position;
    }

    /** Bytes before the VP9 payload, i.e. the size of the descriptor. */
    public int headerSize() {
        return headerSize;
    }

    /** Picture ID, or {@code -1} if absent. */
    public int pictureId() {
        return numbering.pictureId();
    }

    /** Width of the picture ID in bits: 7, 15, or 0 when absent. Picture IDs wrap at this width. */
    public int pictureIdBits() {
        return numbering.pictureIdBits();
    }

    /** P bit: the picture is predicted from earlier pictures of the same spatial layer. */
    public boolean isInterPicturePredicted() {
        return has(P);
    }

    /** F bit: flexible mode, where each packet lists its references instead of relying on a picture group. */
    public boolean isFlexibleMode() {
        return has(F);
    }

    /** B bit: this packet starts a layer frame. */
    public boolean isStartOfFrame() {
        return has(B);
    }

    /** E bit: this packet ends a layer frame. */
    public boolean isEndOfFrame() {
        return has(E);
    }

    /** Z bit: higher spatial layers of this picture do not reference this layer frame. */
    public boolean isNotUpperLayerReference() {
        return has(Z);
    }

    /** Whether the layer indices (L bit) are present. */
    public boolean hasLayerIndices() {
        return has(L);
    }

    /** TID, or {@code -1} without layer indices. */
    public int temporalId() {
        return temporalId;
    }

    /** U bit: a receiver may switch up to a higher temporal layer at this frame. */
    public boolean isSwitchingUpPoint() {
        return switchingUpPoint;
    }

    /** SID, or {@code -1} without layer indices. */
    public int spatialId() {
        return spatialId;
    }

    /** D bit: this layer frame depends on the next lower spatial layer of the same picture. */
    public boolean isInterLayerDependent() {
        return interLayerDependency;
    }

    /** TL0PICIDX, or {@code -1} if absent (it never appears in flexible mode). */
    public int tl0PicIdx() {
        return numbering.tl0PicIdx();
    }

    /** Number of reference indices (P_DIFF) present in flexible mode, 0 to {@value #MAX_REFERENCES}. */
    public int referenceCount() {
        return referenceCount;
    }

    /** P_DIFF of reference {@code index} (below {@link #referenceCount()}): how many pictures back it is. */
    public int referenceDiff(int index) {
        return referenceDiffs[index];
    }

    /** Whether a scalability structure (V bit) is present. */
    public boolean hasScalabilityStructure() {
        return has(V);
    }

    /** Number of spatial layers the scalability structure announces, or 0 without one. */
    public int spatialLayerCount() {
        return spatialLayerCount;
    }

    /** Whether the scalability structure carries per-layer resolutions. */
    public boolean hasResolutions() {
        return hasResolutions;
    }

    /** Width of spatial layer {@code layer} from the scalability structure, or 0 if not carried. */
    public int width(int layer) {
        return widths[layer];
    }

    /** Height of spatial layer {@code layer} from the scalability structure, or 0 if not carried. */
    public int height(int layer) {
        return heights[layer];
    }

    /** Whether this packet starts a keyframe: the first packet of a base-layer frame without inter prediction. */
    public boolean isKeyframe() {
        return headerSize > 0 && !has(P) && has(B) && spatialId <= 0;
    }

    /**
     * Overwrites the picture ID in the parsed buffer, modulo {@link #pictureIdBits()} so the field keeps its
     * size.
     *
     * @throws IllegalStateException if the last parse failed or found no picture ID
     */
    public void setPictureId(int pictureId) {
        numbering.setPictureId(pictureId);
    }

    /**
     * Overwrites TL0PICIDX in the parsed buffer, modulo 256.
     *
     * @throws IllegalStateException if the last parse failed or found no TL0PICIDX
     */
    public void setTl0PicIdx(int tl0PicIdx) {
        numbering.setTl0PicIdx(tl0PicIdx);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Vp9Descriptor{headerSize=").append(headerSize)
                .append(", flags=").append(Integer.toBinaryString(flags))
                .append(", pictureId=").append(pictureId()).append('/').append(pictureIdBits()).append("bit")
                .append(", tid=").append(temporalId).append(", u=").append(switchingUpPoint)
                .append(", sid=").append(spatialId).append(", d=").append(interLayerDependency)
                .append(", tl0PicIdx=").append(tl0PicIdx()).append(", pDiffs=[");
        for (int i = 0; i < referenceCount; i++) {
            sb.append(i == 0 ? "" : ",").append(referenceDiffs[i]);
        }
        sb.append("], spatialLayers=").append(spatialLayerCount);
        for (int i = 0; hasResolutions && i < spatialLayerCount; i++) {
            sb.append(' ').append(widths[i]).append('x').append(heights[i]);
        }
        return sb.append(", keyframe=").append(isKeyframe()).append('}').toString();
    }

    private boolean has(int flag) {
        return (flags & flag) != 0;
    }

    private boolean reject() {
        reset();
        return false;
    }

    private void reset() {
        numbering.reset();
        headerSize = 0;
        flags = 0;
        temporalId = -1;
        switchingUpPoint = false;
        spatialId = -1;
        interLayerDependency = false;
        referenceCount = 0;
        spatialLayerCount = 0;
        hasResolutions = false;
        Arrays.fill(referenceDiffs, 0);
        Arrays.fill(widths, 0);
        Arrays.fill(heights, 0);
    }
}
