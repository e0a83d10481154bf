package dev.switchyard.conference;

/**
 * How the server treats media, beyond negotiation.
 *
 * @param retransmission whether subscribers may ask for lost video packets again (RFC 4585 NACK, answered with
 *                       RFC 4588 RTX where negotiated)
 * @param retransmissionBitsPerSecond the most bitrate retransmissions to one subscriber may take
 * @param maxVideoBitsPerSecond the most bitrate one published video track may take: the server tells each
 *                              publisher (REMB) at most this much per video track it sends
 */
public record MediaSettings(boolean retransmission, long retransmissionBitsPerSecond, long maxVideoBitsPerSecond) {

    public static final MediaSettings DEFAULTS = new MediaSettings(true, 1_500_000, 2_500_000);

    public MediaSettings {
        if (maxVideoBitsPerSecond <= 0) {
            throw new IllegalArgumentException("maxVideoBitsPerSecond must be positive: " + maxVideoBitsPerSecond);
        }
        if (retransmissionBitsPerSecond <= 0) {
            throw new IllegalArgumentException("retransmissionBitsPerSecond must be positive: "
                    + retransmissionBitsPerSecond);
        }
    }
}
