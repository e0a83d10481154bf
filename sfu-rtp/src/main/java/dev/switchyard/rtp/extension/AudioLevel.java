package dev.switchyard.rtp.extension;

/**
 * Client-to-mixer audio level (RFC 6464 §3): one byte, the V (voice activity) flag in the top bit and the
 * level in -dBov (0 loudest, 127 silence) in the low seven.
 *
 * <p>{@link #read} returns the whole byte so a caller gets both fields in one allocation-free call and
 * splits them with {@link #voiceActivity(int)} and {@link #level(int)}.
 */
public final class AudioLevel {

    public static final String URI = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final int LENGTH = 1;
    public static final int MAX_LEVEL = 127;
    /** Returned by {@link #read} for a value that is not exactly one byte inside the buffer. */
    public static final int INVALID = -1;

    private static final int VOICE_FLAG = 0x80;

    private AudioLevel() {
    }

    /** The encoded byte (0-255) or {@link #INVALID}; never throws. */
    public static int read(byte[] buffer, int offset, int length) {
        return FixedLength.isReadable(buffer, offset, length, LENGTH) ? buffer[offset] & 0xFF : INVALID;
    }

    public static boolean voiceActivity(int encoded) {
        return (encoded & VOICE_FLAG) != 0;
    }

    /** The level in -dBov, 0-127. */
    public static int level(int encoded) {
        return encoded & MAX_LEVEL;
    }

    /**
     * Writes the value and returns {@link #LENGTH}.
     *
     * @throws IllegalArgumentException if {@code level} is outside 0-127 or the byte does not fit
     */
    public static int write(byte[] buffer, int offset, boolean voiceActivity, int level) {
        if (level < 0 || level > MAX_LEVEL) {
            throw new IllegalArgumentException("audio level out of range [0, 127]: " + level);
        }
        FixedLength.requireWritable(buffer, offset, LENGTH);
        buffer[offset] = (byte) ((voiceActivity ? VOICE_FLAG : 0) | level);
        return LENGTH;
    }
}
