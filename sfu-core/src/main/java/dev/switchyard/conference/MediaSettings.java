package dev.switchyard.conference;

/**
 * How the server treats media, beyond negotiation.
 *
 * @param retransmission whether subscribers may ask for lost video packets again (RFC 4585 NACK, answered with
 *                       RFC 4588 RTX where negotiated)
 * @param retransmissionBitsPerSecond the most bitrate retransmissions to one subscriber may take
 * @param maxVideoBitsPerSecond the most bitrate one published video track may take: the server tells each
 *                              publisher (REMB) at most this much per video track it sends
 * @param startVideoBitsPerSecond where a publisher's bandwidth estimate starts (at most the maximum), told in the
 *                                answer ({@code x-google-start-bitrate}, which Chromium reads): browsers start at
 *                                300 kbit/s by default and need seconds of feedback to climb to a camera's rate
 */
public record MediaSettings(boolean retransmission, long retransmissionBitsPerSecond, long maxVideoBitsPerSecond,
                            long startVideoBitsPerSecond) {

    public static final MediaSettings DEFAULTS = new MediaSettings(true, 1_500_000, 2_500_000, 1_000_000);

    public MediaSettings {
        if (maxVideoBitsPerSecond <= 0) {
            throw new IllegalArgumentException("maxVideoBitsPerSecond must be positive: " + maxVideoBitsPerSecond);
        }
        if (startVideoBitsPerSecond <= 0) {
            throw new IllegalArgumentException("startVideoBitsPerSecond must be positive: " + startVideoBitsPerSecond);
        }
        if (retransmissionBitsPerSecond <= 0) {
            throw new IllegalArgumentException("retransmissionBitsPerSecond must be positive: "
                    + retransmissionBitsPerSecond);
        }
    }

    /** The start of a publisher's estimate for one video track: the configured start, within the maximum. */
    public long videoStartBitsPerSecond() {
        return Math.min(startVideoBitsPerSecond, maxVideoBitsPerSecond);
    }
}
