package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.Bounds;

import java.nio.charset.StandardCharsets;

/**
 * Identifiers that travel as SDES items in header extensions (RFC 7941): the media section's mid
 * (RFC 8843 §15), rtp-stream-id and repaired-rtp-stream-id (RFC 8852 §3). Each is a short US-ASCII token.
 *
 * <p>On the wire the value is the text itself, without terminator. As senders have been seen to pad it
 * with NULs, the text ends at the first NUL (and must have at least one character before it). Only visible
 * ASCII (0x21-0x7E) is accepted, which covers both the mid token and the rid syntax (RFC 8851 §10).
 *
 * <p>Hot-path reads do not allocate: {@link #matches} compares with a known identifier and {@link #copy}
 * fills the caller's buffer. {@link #read} returns a String for signaling and tests.
 */
public final class SdesIdentifier {

    public static final String MID_URI = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String RTP_STREAM_ID_URI = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String REPAIRED_RTP_STREAM_ID_URI = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    /** An element value is at most 255 bytes (RFC 8285 two-byte form). */
    public static final int MAX_LENGTH = 255;
    /** Returned by {@link #length} and {@link #copy} for a malformed value. */
    public static final int INVALID = -1;

    private SdesIdentifier() {
    }

    /** Length of the identifier text in the element value, or {@link #INVALID}; never throws. */
    public static int length(byte[] buffer, int offset, int length) {
        if (!Bounds.isValidRange(buffer, offset, length) || length > MAX_LENGTH) {
            return INVALID;
        }
        int textLength = 0;
        while (textLength < length && buffer[offset + textLength] != 0) {
            if (!isVisibleAscii(buffer[offset + textLength])) {
                return INVALID;
            }
            textLength++;
        }
        return textLength == 0 ? INVALID : textLength;
    }

    /** Whether the element value holds exactly the identifier whose ASCII bytes are {@code expected}. */
    public static boolean matches(byte[] buffer, int offset, int length, byte[] expected) {
        int textLength = length(buffer, offset, length);
        if (textLength == INVALID || textLength != expected.length) {
            return false;
        }
        for (int i = 0; i < textLength; i++) {
            if (buffer[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies the identifier text to {@code destination[destinationOffset]} and returns its length, or
     * {@link #INVALID} (copying nothing) if the value is malformed or the text does not fit.
     */
    public static int copy(byte[] buffer, int offset, int length, byte[] destination, int destinationOffset) {
        int textLength = length(buffer, offset, length);
        if (textLength == INVALID || !Bounds.isValidRange(destination, destinationOffset, textLength)) {
            return INVALID;
        }
        System.arraycopy(buffer, offset, destination, destinationOffset, textLength);
        return textLength;
    }

    /** The identifier as a String, or null if the value is malformed. Allocates; not for the hot path. */
    public static String read(byte[] buffer, int offset, int length) {
        int textLength = length(buffer, offset, length);
        return textLength == INVALID ? null : new String(buffer, offset, textLength, StandardCharsets.US_ASCII);
    }

    /**
     * Writes the identifier's ASCII bytes and returns how many were written.
     *
     * @throws IllegalArgumentException if it is empty, longer than 255, not visible ASCII, or does not fit
     */
    public static int write(byte[] buffer, int offset, CharSequence identifier) {
        int textLength = identifier.length();
        if (textLength == 0 || textLength > MAX_LENGTH) {
            throw new IllegalArgumentException("identifier length out of range [1, 255]: " + textLength);
        }
        if (!Bounds.isValidRange(buffer, offset, textLength)) {
            throw new IllegalArgumentException(textLength + " bytes do not fit at offset " + offset);
        }
        for (int i = 0; i < textLength; i++) {
            char c = identifier.charAt(i);
            if (c > 0x7F || !isVisibleAscii((byte) c)) {
                throw new IllegalArgumentException("identifier is not visible US-ASCII: " + identifier);
            }
        }
        for (int i = 0; i < textLength; i++) {
            buffer[offset + i] = (byte) identifier.charAt(i);
        }
        return textLength;
    }

    private static boolean isVisibleAscii(byte b) {
        return b >= 0x21 && b <= 0x7E;
    }
}
