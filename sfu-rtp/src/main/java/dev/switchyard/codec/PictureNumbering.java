package dev.switchyard.codec;

/**
 * The picture ID and TL0PICIDX fields of a parsed VP8 (RFC 7741 §4.2) or VP9 (RFC 9628 §4.2) descriptor,
 * which both codecs encode identically, and their in-place rewriting.
 *
 * <p>The picture ID's first byte has an M bit that selects a 15-bit value spread over two bytes; otherwise
 * the value is that byte's low 7 bits. Rewrites keep the form, so the packet never changes size.
 */
final class PictureNumbering {

    private static final int M = 0x80;

    private byte[] buffer;
    private int pictureIdOffset;
    private int pictureIdSize;
    private int tl0PicIdxOffset;

    PictureNumbering() {
        reset();
    }

    void reset() {
        buffer = null;
        pictureIdOffset = -1;
        pictureIdSize = 0;
        tl0PicIdxOffset = -1;
    }

    /** Notes a picture ID at {@code position}; returns the bytes it occupies, or 0 if it overruns {@code end}. */
    int notePictureId(byte[] payload, int position, int end) {
        if (position >= end) {
            return 0;
        }
        int size = (payload[position] & M) != 0 ? 2 : 1;
        if (size > end - position) {
            return 0;
        }
        pictureIdOffset = position;
        pictureIdSize = size;
        return size;
    }

    void noteTl0PicIdx(int position) {
        tl0PicIdxOffset = position;
    }

    /** Binds the noted positions to {@code payload} once the whole descriptor has parsed. */
    void attach(byte[] payload) {
        buffer = payload;
    }

    int pictureId() {
        if (pictureIdSize == 0) {
            return -1;
        }
        return pictureIdSize == 2
                ? ((buffer[pictureIdOffset] & 0x7F) << 8) | (buffer[pictureIdOffset + 1] & 0xFF)
                : buffer[pictureIdOffset] & 0x7F;
    }

    int pictureIdBits() {
        return pictureIdSize == 0 ? 0 : pictureIdSize * 8 - 1;
    }

    int tl0PicIdx() {
        return tl0PicIdxOffset < 0 ? -1 : buffer[tl0PicIdxOffset] & 0xFF;
    }

    void setPictureId(int pictureId) {
        if (pictureIdSize == 0) {
            throw new IllegalStateException("no picture ID in the parsed descriptor");
        }
        if (pictureIdSize == 2) {
            buffer[pictureIdOffset] = (byte) (M | ((pictureId >>> 8) & 0x7F));
            buffer[pictureIdOffset + 1] = (byte) pictureId;
        } else {
            buffer[pictureIdOffset] = (byte) (pictureId & 0x7F);
        }
    }

    void setTl0PicIdx(int tl0PicIdx) {
        if (tl0PicIdxOffset < 0) {
            throw new IllegalStateException("no TL0PICIDX in the parsed descriptor");
        }
        buffer[tl0PicIdxOffset] = (byte) tl0PicIdx;
    }
}
