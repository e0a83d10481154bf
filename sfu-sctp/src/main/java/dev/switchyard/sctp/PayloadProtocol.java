package dev.switchyard.sctp;

/**
 * Payload Protocol Identifiers that WebRTC data channels put in DATA chunks (RFC 8831 §8, IANA "SCTP Payload
 * Protocol Identifiers"). An empty message cannot be sent as a DATA chunk, so it travels as one byte tagged
 * with an {@code _EMPTY} identifier (RFC 8831 §6.6).
 */
public final class PayloadProtocol {

    /** Data Channel Establishment Protocol messages (RFC 8832). */
    public static final int DCEP = 50;
    /** A UTF-8 string message. */
    public static final int STRING = 51;
    /** A binary message. */
    public static final int BINARY = 53;
    /** An empty string message, carried as a single ignored byte. */
    public static final int STRING_EMPTY = 56;
    /** An empty binary message, carried as a single ignored byte. */
    public static final int BINARY_EMPTY = 57;

    private PayloadProtocol() {
    }
}
