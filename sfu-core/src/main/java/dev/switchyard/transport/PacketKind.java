package dev.switchyard.transport;

/**
 * What a datagram on a WebRTC 5-tuple carries, decided by its first bytes (RFC 7983 §7, RFC 5761 §4).
 */
public enum PacketKind {
    STUN, DTLS, RTP, RTCP, UNKNOWN;

    private static final int MIN_RTP_HEADER = 12;
    private static final int MIN_RTCP_HEADER = 8;

    /**
     * Classifies a datagram. First byte 0–3 is STUN, 20–63 DTLS, 128–191 RTP or RTCP; RTCP is told apart by the
     * packet type in the second byte (RFC 5761 §4: 192–223 are RTCP types once the marker bit is folded in).
     * Anything else, including TURN channel data (64–79) that never reaches us on a direct path, is unknown.
     */
    public static PacketKind classify(byte[] buffer, int offset, int length) {
        if (length < 1) {
            return UNKNOWN;
        }
        int first = buffer[offset] & 0xFF;
        if (first <= 3) {
            return STUN;
        }
        if (first >= 20 && first <= 63) {
            return DTLS;
        }
        if (first >= 128 && first <= 191) {
            if (length < MIN_RTCP_HEADER) {
                return UNKNOWN;
            }
            int packetType = buffer[offset + 1] & 0xFF;
            if (packetType >= 192 && packetType <= 223) {
                return RTCP;
            }
            return length >= MIN_RTP_HEADER ? RTP : UNKNOWN;
        }
        return UNKNOWN;
    }
}
