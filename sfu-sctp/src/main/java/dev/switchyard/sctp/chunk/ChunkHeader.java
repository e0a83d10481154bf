package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.Objects;

import dev.switchyard.sctp.SctpParseException;

import static dev.switchyard.sctp.BigEndian.putUint16;
import static dev.switchyard.sctp.BigEndian.putUint8;

/**
 * The chunk header every chunk starts with (RFC 9260 §3.2): type (8 bits), flags (8 bits) and a length (16
 * bits) counting the header and the value but not the padding that follows.
 */
final class ChunkHeader {

    static final int SIZE = 4;
    static final int MAX_LENGTH = 0xFFFF;

    private ChunkHeader() {
    }

    /** {@code length} rounded up to a multiple of four: what a chunk or parameter occupies with its padding. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }

    /**
     * Checks that a chunk of {@code length} bytes (header and value) fits the 16-bit length field.
     *
     * @throws IllegalArgumentException if it does not
     */
    static int requireLength(String chunk, int length) {
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException(chunk + " chunk of " + length + " bytes exceeds the 65535-byte "
                    + "chunk length");
        }
        return length;
    }

    /**
     * Starts writing a chunk: checks room for it with its padding, zeroes that whole range (so padding and
     * reserved bits are zero whatever the value writer skips), writes the header and returns the padded size.
     */
    static int write(byte[] buffer, int offset, int type, int flags, int length) {
        int size = padded(length);
        Objects.checkFromIndexSize(offset, size, buffer.length);
        Arrays.fill(buffer, offset, offset + size, (byte) 0);
        putUint8(buffer, offset, type);
        putUint8(buffer, offset + 1, flags);
        putUint16(buffer, offset + 2, length);
        return size;
    }

    /** Rejects a chunk whose value is not exactly {@code expected} bytes. */
    static void requireValueLength(String chunk, int valueLength, int expected) throws SctpParseException {
        if (valueLength != expected) {
            throw new SctpParseException(chunk + " chunk value has " + valueLength + " bytes, expected " + expected);
        }
    }

    /** Rejects a chunk whose value is shorter than its fixed fields. */
    static void requireMinimumValueLength(String chunk, int valueLength, int minimum) throws SctpParseException {
        if (valueLength < minimum) {
            throw new SctpParseException(chunk + " chunk value has " + valueLength + " bytes, needs at least "
                    + minimum);
        }
    }
}
