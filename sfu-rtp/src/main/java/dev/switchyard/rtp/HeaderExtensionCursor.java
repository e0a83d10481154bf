package dev.switchyard.rtp;

import java.util.Arrays;

/**
 * Reusable, allocation-free cursor over the RFC 8285 elements of one {@link RtpPacket}'s header extension.
 *
 * <pre>{@code
 * if (cursor.wrap(packet) && cursor.find(audioLevelId)) {
 *     int level = AudioLevel.read(packet.buffer(), cursor.valueOffset(), cursor.valueLength());
 * }
 * }</pre>
 *
 * <p>Iteration skips padding bytes and stops at the end of the block, at a one-byte id 15 (RFC 8285 §4.2)
 * or at the first element that is malformed or would overrun the block. The in-place edits
 * ({@link #setId}, {@link #remove}) never move any other byte, so an SFU can adapt a packet to each
 * subscriber's extmap without copying the payload.
 */
public final class HeaderExtensionCursor {

    private static final int RESERVED_ONE_BYTE_ID = 15;

    private byte[] buffer;
    private HeaderExtensionForm form;
    private int dataStart;
    private int dataEnd;
    private int nextIndex;
    private int elementOffset = -1;
    private int id;
    private int valueLength;

    /**
     * Positions the cursor before the first element of {@code packet}'s header extension. Returns false if
     * the packet has no extension or its profile is not one of the RFC 8285 forms.
     */
    public boolean wrap(RtpPacket packet) {
        form = HeaderExtensionForm.fromProfile(packet.extensionProfile());
        if (form == null) {
            buffer = null;
            return false;
        }
        buffer = packet.buffer();
        dataStart = packet.extensionDataOffset();
        dataEnd = dataStart + packet.extensionDataLength();
        rewind();
        return true;
    }

    /** Moves back before the first element. */
    public void rewind() {
        nextIndex = dataStart;
        elementOffset = -1;
    }

    public HeaderExtensionForm form() {
        return form;
    }

    /** Advances to the next element; false when there is none (the cursor is then not on an element). */
    public boolean next() {
        elementOffset = -1;
        while (nextIndex < dataEnd) {
            int first = buffer[nextIndex] & 0xFF;
            if (first == 0) {
                // RFC 8285 §4.1: zero bytes are padding between elements in both forms.
                nextIndex++;
                continue;
            }
            int elementId;
            int length;
            int headerLength = form.elementHeaderLength();
            if (form == HeaderExtensionForm.ONE_BYTE) {
                elementId = first >>> 4;
                length = (first & 0x0F) + 1;
                if (elementId == RESERVED_ONE_BYTE_ID || elementId == 0) {
                    // Id 15 ends processing by definition; id 0 with a length is not padding but garbage.
                    return stop();
                }
            } else {
                if (nextIndex + headerLength > dataEnd) {
                    return stop();
                }
                elementId = first;
                length = buffer[nextIndex + 1] & 0xFF;
            }
            if (nextIndex + headerLength + length > dataEnd) {
                return stop();
            }
            elementOffset = nextIndex;
            id = elementId;
            valueLength = length;
            nextIndex += headerLength + length;
            return true;
        }
        return false;
    }

    /** Scans from the start for the first element with {@code id}; on success the cursor is on it. */
    public boolean find(int id) {
        rewind();
        while (next()) {
            if (this.id == id) {
                return true;
            }
        }
        return false;
    }

    /** The buffer the element indices refer to (the packet's buffer). */
    public byte[] buffer() {
        return buffer;
    }

    public int id() {
        requireElement();
        return id;
    }

    /** Absolute index of the current element's value in {@link #buffer()}. */
    public int valueOffset() {
        requireElement();
        return elementOffset + form.elementHeaderLength();
    }

    public int valueLength() {
        requireElement();
        return valueLength;
    }

    /** Absolute index of the current element's id byte. */
    public int elementOffset() {
        requireElement();
        return elementOffset;
    }

    /** Id/length header plus value. */
    public int elementLength() {
        requireElement();
        return form.elementHeaderLength() + valueLength;
    }

    /**
     * Rewrites the current element's id in place, e.g. to the extmap id a subscriber negotiated. Returns
     * false, changing nothing, if this form cannot carry {@code newId} (one-byte ids are 1-14).
     *
     * @throws IllegalStateException if the cursor is not on an element
     */
    public boolean setId(int newId) {
        requireElement();
        if (!form.canEncodeId(newId)) {
            return false;
        }
        buffer[elementOffset] = form == HeaderExtensionForm.ONE_BYTE
                ? (byte) (newId << 4 | (buffer[elementOffset] & 0x0F))
                : (byte) newId;
        id = newId;
        return true;
    }

    /**
     * Neutralises the current element by overwriting it, header and value, with padding bytes, which both
     * forms skip (RFC 8285 §4.1). Payload and other elements stay where they are. The cursor is left
     * between elements; {@link #next()} continues after the removed one.
     *
     * @throws IllegalStateException if the cursor is not on an element
     */
    public void remove() {
        int length = elementLength();
        Arrays.fill(buffer, elementOffset, elementOffset + length, (byte) 0);
        elementOffset = -1;
    }

    private boolean stop() {
        nextIndex = dataEnd;
        elementOffset = -1;
        return false;
    }

    private void requireElement() {
        if (elementOffset < 0) {
            throw new IllegalStateException("cursor is not on an extension element");
        }
    }
}
