package dev.switchyard.rtp;

/** Range checks shared by every parser that receives an untrusted {@code (buffer, offset, length)} triple. */
public final class Bounds {

    private Bounds() {
    }

    /**
     * Whether {@code [offset, offset + length)} lies inside {@code buffer}; false for a null buffer and for
     * negative or overflowing values, so parsers can reject bad arguments without throwing.
     */
    public static boolean isValidRange(byte[] buffer, int offset, int length) {
        return buffer != null && offset >= 0 && length >= 0 && length <= buffer.length - offset;
    }
}
