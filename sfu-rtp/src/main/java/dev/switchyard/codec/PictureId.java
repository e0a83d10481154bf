package dev.switchyard.codec;

/**
 * The picture ID field that VP8 (RFC 7741 §4.2) and VP9 (RFC 9628 §4.2) encode identically: the M bit of
 * the first byte selects a 15-bit value spread over two bytes, otherwise the value is the low 7 bits.
 */
final class PictureId {

    private static final int M = 0x80;

    private PictureId() {
    }

    /** Bytes the field at {@code position} occupies, or 0 if it does not fit before {@code end}. */
    static int size(byte[] buffer, int position, int end) {
        if (position >= end) {
            return 0;
        }
        int size = (buffer[position] & M) != 0 ? 2 : 1;
        return size <= end - position ? size : 0;
    }

    static int read(byte[] buffer, int position, int size) {
        return size == 2
                ? ((buffer[position] & 0x7F) << 8) | (buffer[position + 1] & 0xFF)
                : buffer[position] & 0x7F;
    }

    /** Writes {@code value} modulo the field's width, keeping its 7- or 15-bit form. */
    static void write(byte[] buffer, int position, int size, int value) {
        if (size == 2) {
            buffer[position] = (byte) (M | ((value >>> 8) & 0x7F));
            buffer[position + 1] = (byte) value;
        } else {
            buffer[position] = (byte) (value & 0x7F);
        }
    }

    /** Width of the value in bits for a field of {@code size} bytes (0 when absent). */
    static int bits(int size) {
        return size == 0 ? 0 : size * 8 - 1;
    }
}
