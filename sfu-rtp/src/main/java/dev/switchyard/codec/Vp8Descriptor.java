package dev.switchyard.codec;

import dev.switchyard.rtp.Bounds;

/**
 * The VP8 payload descriptor at the start of an RTP payload (RFC 7741 §4.2), plus what an SFU needs from
 * the VP8 payload header behind it (RFC 7741 §4.3): whether the frame is a keyframe and, if so, its size.
 *
 * <p>Reusable and allocation-free: {@link #parse} overwrites every field. After a successful parse the
 * descriptor keeps a reference to the parsed buffer so that {@link #setPictureId} and {@link #setTl0PicIdx}
 * can renumber the packet in place, as an SFU must when it switches a receiver between simulcast streams.
 * Optional fields read as {@code -1} when absent.
 */
public final class Vp8Descriptor {

    // RFC 7741 §4.2, first byte: |X|R|N|S|R| PID |
    private static final int X = 0x80;
    private static final int N = 0x20;
    private static final int S = 0x10;
    private static final int PID = 0x07;
    // Extension byte: |I|L|T|K| RSV |
    private static final int I = 0x80;
    private static final int L = 0x40;
    private static final int T = 0x20;
    private static final int K = 0x10;
    // T/K byte: |TID|Y| KEYIDX |
    private static final int Y = 0x20;
    private static final int KEYIDX = 0x1F;

    // RFC 6386 §9.1: 3-byte frame tag, then for keyframes a start code and the 14-bit dimensions.
    private static final int INVERSE_KEYFRAME = 0x01;
    private static final int KEYFRAME_HEADER_SIZE = 10;
    private static final int DIMENSION = 0x3FFF;

    private final PictureNumbering numbering = new PictureNumbering();
    private int headerSize;
    private boolean nonReference;
    private boolean startOfPartition;
    private int partitionIndex;
    private int temporalId;
    private boolean layerSync;
    private int keyIndex;
    private boolean keyframe;
    private int width;
    private int height;

    public Vp8Descriptor() {
        reset();
    }

    /**
     * Parses the descriptor at the start of an RTP payload. Returns {@code false}, leaving the descriptor
     * empty, if the descriptor is truncated or no VP8 payload byte follows it.
     */
    public boolean parse(byte[] payload, int offset, int length) {
        reset();
        if (!Bounds.isValidRange(payload, offset, length) || length == 0) {
            return false;
        }
        int end = offset + length;
        int position = offset;
        int first = payload[position++] & 0xFF;
        nonReference = (first & N) != 0;
        startOfPartition = (first & S) != 0;
        partitionIndex = first & PID;
        if ((first & X) != 0) {
            if (position == end) {
                return reject();
            }
            int extensions = payload[position++] & 0xFF;
            if ((extensions & I) != 0) {
                int size = numbering.notePictureId(payload, position, end);
                if (size == 0) {
                    return reject();
                }
                position += size;
            }
            if ((extensions & L) != 0) {
                if (position == end) {
                    return reject();
                }
                numbering.noteTl0PicIdx(position++);
            }
            // One byte carries both TID and KEYIDX; it is present if either is.
            if ((extensions & (T | K)) != 0) {
                if (position == end) {
                    return reject();
                }
                int tk = payload[position++] & 0xFF;
                if ((extensions & T) != 0) {
                    temporalId = tk >>> 6;
                    layerSync = (tk & Y) != 0;
                }
                if ((extensions & K) != 0) {
                    keyIndex = tk & KEYIDX;
                }
            }
        }
        if (position == end) {
            return reject();
        }
        numbering.attach(payload);
        headerSize = position - offset;
        // RFC 7741 §4.3: only the first partition's first packet carries the payload header.
        keyframe = startOfPartition && partitionIndex == 0 && (payload[position] & INVERSE_KEYFRAME) == 0;
        if (keyframe && end - position >= KEYFRAME_HEADER_SIZE && hasStartCode(payload, position + 3)) {
            width = littleEndian16(payload, position + 6) & DIMENSION;
            height = littleEndian16(payload, position + 8) & DIMENSION;
        }
        return true;
    }

    /** Bytes before the VP8 payload, i.e. the size of the descriptor. */
    public int headerSize() {
        return headerSize;
    }

    /** N bit: the frame can be discarded without affecting any other frame. */
    public boolean isNonReference() {
        return nonReference;
    }

    /** S bit: this packet starts a VP8 partition. */
    public boolean isStartOfPartition() {
        return startOfPartition;
    }

    /** PID: the index of the partition this packet's first byte belongs to. */
    public int partitionIndex() {
        return partitionIndex;
    }

    /** Picture ID, or {@code -1} if absent. */
    public int pictureId() {
        return numbering.pictureId();
    }

    /** Width of the picture ID in bits: 7, 15, or 0 when absent. Picture IDs wrap at this width. */
    public int pictureIdBits() {
        return numbering.pictureIdBits();
    }

    /** TL0PICIDX (running index of temporal base layer frames), or {@code -1} if absent. */
    public int tl0PicIdx() {
        return numbering.tl0PicIdx();
    }

    /** TID, or {@code -1} if absent. */
    public int temporalId() {
        return temporalId;
    }

    /** Y bit: the frame depends only on temporal base layer frames, so a receiver can switch up here. */
    public boolean isLayerSync() {
        return layerSync;
    }

    /** KEYIDX, or {@code -1} if absent. */
    public int keyIndex() {
        return keyIndex;
    }

    /** Whether this packet starts a keyframe (RFC 7741 §4.3). */
    public boolean isKeyframe() {
        return keyframe;
    }

    /** Keyframe width in pixels, or 0 unless this packet starts a keyframe and carries its dimensions. */
    public int width() {
        return width;
    }

    /** Keyframe height in pixels, or 0 unless this packet starts a keyframe and carries its dimensions. */
    public int height() {
        return height;
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
        return "Vp8Descriptor{headerSize=" + headerSize + ", nonReference=" + nonReference
                + ", startOfPartition=" + startOfPartition + ", partitionIndex=" + partitionIndex
                + ", pictureId=" + pictureId() + "/" + pictureIdBits() + "bit, tl0PicIdx=" + tl0PicIdx()
                + ", temporalId=" + temporalId + ", layerSync=" + layerSync + ", keyIndex=" + keyIndex
                + ", keyframe=" + keyframe + ", " + width + "x" + height + "}";
    }

    private static boolean hasStartCode(byte[] buffer, int position) {
        return (buffer[position] & 0xFF) == 0x9D && buffer[position + 1] == 0x01 && buffer[position + 2] == 0x2A;
    }

    private static int littleEndian16(byte[] buffer, int position) {
        return (buffer[position] & 0xFF) | (buffer[position + 1] & 0xFF) << 8;
    }

    private boolean reject() {
        reset();
        return false;
    }

    private void reset() {
        numbering.reset();
        headerSize = 0;
        nonReference = false;
        startOfPartition = false;
        partitionIndex = 0;
        temporalId = -1;
        layerSync = false;
        keyIndex = -1;
        keyframe = false;
        width = 0;
        height = 0;
    }
}
