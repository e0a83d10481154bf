package dev.switchyard.conference;

/**
 * How the server treats media, beyond negotiation.
 *
 * @param retransmission whether subscribers may ask for lost video packets again (RFC 4585 NACK, answered with
 *                       RFC 4588 RTX where negotiated)
 * @param retransmissionBitsPerSecond the most bitrate retransmissions to one subscriber may take
 */
public record MediaSettings(boolean retransmission, long retransmissionBitsPerSecond) {

    public static final MediaSettings DEFAULTS = new MediaSettings(true, 1_500_000);

    public MediaSettings {
        if (retransmissionBitsPerSecond <= 0) {
            throw new IllegalArgumentException("retransmissionBitsPerSecond must be positive: "
                    + retransmissionBitsPerSecond);
        }
    }
}
