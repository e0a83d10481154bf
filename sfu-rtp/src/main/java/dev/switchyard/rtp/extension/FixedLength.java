package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.Bounds;

/** Checks shared by the codecs whose values have one fixed size on the wire. */
final class FixedLength {

    private FixedLength() {
    }

    /** Whether an element value of {@code length} bytes at {@code offset} is readable as {@code size}. */
    static boolean isReadable(byte[] buffer, int offset, int length, int size) {
        return length == size && Bounds.isValidRange(buffer, offset, length);
    }

    /** @throws IllegalArgumentException unless {@code size} bytes fit at {@code offset} */
    static void requireWritable(byte[] buffer, int offset, int size) {
        if (!Bounds.isValidRange(buffer, offset, size)) {
            throw new IllegalArgumentException(size + " bytes do not fit at offset " + offset);
        }
    }
}
