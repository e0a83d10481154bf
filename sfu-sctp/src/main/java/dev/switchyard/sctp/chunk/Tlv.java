package dev.switchyard.sctp.chunk;

import java.util.Arrays;

import dev.switchyard.sctp.SctpParseException;

import static dev.switchyard.sctp.BigEndian.getUint16;
import static dev.switchyard.sctp.BigEndian.putUint16;

/**
 * The type-length-value layout that INIT parameters, error causes, the Heartbeat Info and RE-CONFIG parameters
 * all share (RFC 9260 §3.2.1, §3.3.10; RFC 6525 §4): a 16-bit type, a 16-bit length counting the four header
 * bytes and the value, then the value padded to four bytes.
 *
 * <p>Inside a chunk, the padding of every parameter but the last counts in the chunk length; the last one's is
 * the chunk's own padding (RFC 9260 §3.2). Writers follow that, readers accept it either way.
 */
final class Tlv {

    static final int HEADER_SIZE = 4;
    static final int MAX_VALUE_LENGTH = 0xFFFF - HEADER_SIZE;

    /** Receives each parameter of a list: its type and where its value lies in the buffer. */
    @FunctionalInterface
    interface Visitor {
        void visit(int type, int valueOffset, int valueLength) throws SctpParseException;
    }

    private Tlv() {
    }

    /**
     * The length of a run of parameters as the chunk length counts it, given the run so far and the length
     * field (header and value) of one more: the padding of the previous one now counts, the new one's not yet.
     */
    static int append(int lengthSoFar, int parameterLength) {
        return ChunkHeader.padded(lengthSoFar) + parameterLength;
    }

    /**
     * Checks that a value of {@code valueLength} bytes fits a parameter's 16-bit length field.
     *
     * @throws IllegalArgumentException if it does not
     */
    static int requireValueLength(String parameter, int valueLength) {
        if (valueLength > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException(parameter + " of " + valueLength + " bytes exceeds the "
                    + MAX_VALUE_LENGTH + " bytes a parameter can carry");
        }
        return valueLength;
    }

    /** Writes a parameter header and returns where the value goes. */
    static int writeHeader(byte[] buffer, int offset, int type, int valueLength) {
        putUint16(buffer, offset, type);
        putUint16(buffer, offset + 2, HEADER_SIZE + valueLength);
        return offset + HEADER_SIZE;
    }

    /** Writes a parameter whose value is a byte array, zero padding included, and returns its padded size. */
    static int write(byte[] buffer, int offset, int type, byte[] value) {
        int valueOffset = writeHeader(buffer, offset, type, value.length);
        System.arraycopy(value, 0, buffer, valueOffset, value.length);
        int size = ChunkHeader.padded(HEADER_SIZE + value.length);
        Arrays.fill(buffer, valueOffset + value.length, offset + size, (byte) 0);
        return size;
    }

    /**
     * Walks the parameters in {@code length} bytes at {@code offset}. Each must have a length of at least its
     * header and lie inside the range; the last one's padding may lie outside it.
     *
     * @param where names the list in error messages, e.g. "INIT parameter"
     */
    static void forEach(String where, byte[] buffer, int offset, int length, Visitor visitor)
            throws SctpParseException {
        int position = offset;
        int end = offset + length;
        while (position < end) {
            int remaining = end - position;
            if (remaining < HEADER_SIZE) {
                throw new SctpParseException(where + ": " + remaining + " stray bytes where a parameter header "
                        + "should be");
            }
            int type = getUint16(buffer, position);
            int parameterLength = getUint16(buffer, position + 2);
            if (parameterLength < HEADER_SIZE) {
                throw new SctpParseException(String.format("%s 0x%04x: length %d is shorter than its header",
                        where, type, parameterLength));
            }
            if (parameterLength > remaining) {
                throw new SctpParseException(String.format("%s 0x%04x: length %d runs past the %d bytes left",
                        where, type, parameterLength, remaining));
            }
            visitor.visit(type, position + HEADER_SIZE, parameterLength - HEADER_SIZE);
            position += Math.min(ChunkHeader.padded(parameterLength), remaining);
        }
    }
}
