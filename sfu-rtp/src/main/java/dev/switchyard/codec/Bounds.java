package dev.switchyard.codec;

/** Argument checks shared by the descriptor parsers, which must reject rather than throw. */
final class Bounds {

    private Bounds() {
    }

    /** Whether {@code [offset, offset + length)} is a real slice of {@code buffer}. */
    static boolean isSlice(byte[] buffer, int offset, int length) {
        return buffer != null && offset >= 0 && length >= 0 && length <= buffer.length - offset;
    }
}
