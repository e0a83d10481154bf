package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.BigEndian;

/**
 * Absolute send time (webrtc.org abs-send-time): the sender's clock at send time as a 24-bit unsigned
 * 6.18 fixed-point number of seconds, so it wraps every 64 seconds with a resolution of about 3.8 µs.
 */
public final class AbsSendTime {

    public static final String URI = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final int LENGTH = 3;
    /** Returned by {@link #read} for a value that is not exactly three bytes inside the buffer. */
    public static final int INVALID = -1;

    private static final int FRACTION_BITS = 18;
    private static final int MASK = 0xFF_FFFF;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private AbsSendTime() {
    }

    /** The 24-bit value or {@link #INVALID}; never throws. */
    public static int read(byte[] buffer, int offset, int length) {
        return FixedLength.isReadable(buffer, offset, length, LENGTH) ? BigEndian.getUint24(buffer, offset) : INVALID;
    }

    /**
     * Writes a 24-bit value and returns {@link #LENGTH}.
     *
     * @throws IllegalArgumentException if {@code value} does not fit in 24 bits or the bytes do not fit
     */
    public static int write(byte[] buffer, int offset, int value) {
        if ((value & ~MASK) != 0) {
            throw new IllegalArgumentException("abs-send-time out of 24-bit range: " + value);
        }
        FixedLength.requireWritable(buffer, offset, LENGTH);
        BigEndian.putUint24(buffer, offset, value);
        return LENGTH;
    }

    /** Encodes a non-negative clock reading, keeping its seconds modulo 64 and truncating to 2^-18 s. */
    public static int fromNanos(long nanos) {
        long seconds = nanos / NANOS_PER_SECOND;
        // The sub-second part shifted by 18 stays below 2^48, so this cannot overflow for any clock value.
        long fraction = ((nanos % NANOS_PER_SECOND) << FRACTION_BITS) / NANOS_PER_SECOND;
        return (int) ((seconds << FRACTION_BITS | fraction) & MASK);
    }

    /** Decodes a 24-bit value to nanoseconds within the 64-second cycle, rounded down. */
    public static long toNanos(int value) {
        return ((value & MASK) * NANOS_PER_SECOND) >> FRACTION_BITS;
    }
}
