package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.BigEndian;

/**
 * Transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01 §2): a 16-bit counter
 * shared by every stream on the transport, echoed in transport-cc feedback.
 */
public final class TransportSequenceNumber {

    public static final String URI = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final int LENGTH = 2;
    /** Returned by {@link #read} for a value that is not exactly two bytes inside the buffer. */
    public static final int INVALID = -1;

    private TransportSequenceNumber() {
    }

    /** The sequence number (0-65535) or {@link #INVALID}; never throws. */
    public static int read(byte[] buffer, int offset, int length) {
        return FixedLength.isReadable(buffer, offset, length, LENGTH) ? BigEndian.getUint16(buffer, offset) : INVALID;
    }

    /**
     * Writes the sequence number and returns {@link #LENGTH}.
     *
     * @throws IllegalArgumentException if it does not fit in 16 bits or the bytes do not fit
     */
    public static int write(byte[] buffer, int offset, int sequenceNumber) {
        if ((sequenceNumber & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("transport sequence number out of 16-bit range: " + sequenceNumber);
        }
        FixedLength.requireWritable(buffer, offset, LENGTH);
        BigEndian.putUint16(buffer, offset, sequenceNumber);
        return LENGTH;
    }
}
