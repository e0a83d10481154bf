package dev.switchyard.transport.dtls;

/**
 * Screens datagrams before Bouncy Castle sees them. RFC 6347 §4.1.2.7 says invalid records should be silently
 * discarded, but Bouncy Castle answers a protected record too short to hold the AEAD nonce and tag with a fatal
 * decode_error, so a single stray datagram could end an association. Only well-framed DTLS records pass.
 */
public final class DtlsRecordFilter {

    /** RFC 6347 §4.1: type(1) version(2) epoch(2) sequence_number(6) length(2). */
    static final int RECORD_HEADER_LENGTH = 13;

    /**
     * The shortest protected record with the suites we negotiate (AES-GCM only): 8-byte explicit nonce and
     * 16-byte tag (RFC 5288 §3).
     */
    static final int MIN_PROTECTED_LENGTH = 8 + 16;

    private static final int FIRST_CONTENT_TYPE = 20; // change_cipher_spec
    private static final int HANDSHAKE_CONTENT_TYPE = 22;
    private static final int CLIENT_HELLO = 1; // RFC 6347 §4.3.2 HandshakeType
    private static final int LAST_CONTENT_TYPE = 24; // heartbeat
    private static final int DTLS_MAJOR_VERSION = 0xFE;

    private DtlsRecordFilter() {
    }

    /**
     * Whether the datagram starts with a ClientHello (an unprotected handshake record whose first message is of
     * type client_hello): what a DTLS server waits for before its handshake has anything to do.
     */
    public static boolean isClientHello(byte[] buffer, int offset, int length) {
        return isWellFramed(buffer, offset, length) && length > RECORD_HEADER_LENGTH
                && (buffer[offset] & 0xFF) == HANDSHAKE_CONTENT_TYPE
                && buffer[offset + 3] == 0 && buffer[offset + 4] == 0
                && (buffer[offset + RECORD_HEADER_LENGTH] & 0xFF) == CLIENT_HELLO;
    }

    /**
     * Whether {@code buffer[offset, offset + length)} is a sequence of whole DTLS records (RFC 6347 §4.1.1
     * allows several per datagram) with known content types, each protected one long enough to decrypt.
     */
    static boolean isWellFramed(byte[] buffer, int offset, int length) {
        if (length <= 0) {
            return false;
        }
        int position = offset;
        int end = offset + length;
        while (position < end) {
            if (end - position < RECORD_HEADER_LENGTH) {
                return false;
            }
            int contentType = buffer[position] & 0xFF;
            int epoch = ((buffer[position + 3] & 0xFF) << 8) | (buffer[position + 4] & 0xFF);
            int recordLength = ((buffer[position + 11] & 0xFF) << 8) | (buffer[position + 12] & 0xFF);
            if (contentType < FIRST_CONTENT_TYPE || contentType > LAST_CONTENT_TYPE
                    || (buffer[position + 1] & 0xFF) != DTLS_MAJOR_VERSION
                    || recordLength > end - position - RECORD_HEADER_LENGTH
                    || (epoch != 0 && recordLength < MIN_PROTECTED_LENGTH)) {
                return false;
            }
            position += RECORD_HEADER_LENGTH + recordLength;
        }
        return true;
    }
}
