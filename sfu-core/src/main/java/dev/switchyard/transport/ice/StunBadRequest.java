package dev.switchyard.transport.ice;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The Binding error response 400 (Bad Request) that answers a connectivity check without MESSAGE-INTEGRITY
 * (RFC 8489 §9.1.3): such a request cannot be authenticated, so it gets neither a success response nor triggered
 * checks, which would let anyone who knows a session's ufrag make the server send several packets for one.
 * The response is no larger than a typical check.
 */
final class StunBadRequest {

    private static final int HEADER_BYTES = 20;
    private static final int BINDING_ERROR_RESPONSE = 0x0111;
    private static final int MAGIC_COOKIE = 0x2112A442;
    private static final int ERROR_CODE = 0x0009;
    private static final int FINGERPRINT = 0x8028;
    /** RFC 8489 §14.7: the CRC-32 of the message is XORed with this. */
    private static final long FINGERPRINT_XOR = 0x5354554EL;
    private static final byte[] REASON = "Bad Request".getBytes(StandardCharsets.US_ASCII);

    private StunBadRequest() {
    }

    /** The response to {@code request} (its transaction id is copied), as a new array. */
    static byte[] answering(byte[] request, int offset) {
        int reasonPadded = (REASON.length + 3) & ~3;
        int errorAttribute = 4 + 4 + reasonPadded;
        int fingerprintAttribute = 8;
        byte[] response = new byte[HEADER_BYTES + errorAttribute + fingerprintAttribute];
        putShort(response, 0, BINDING_ERROR_RESPONSE);
        putShort(response, 2, errorAttribute + fingerprintAttribute);
        putInt(response, 4, MAGIC_COOKIE);
        System.arraycopy(request, offset + 8, response, 8, 12);
        int position = HEADER_BYTES;
        putShort(response, position, ERROR_CODE);
        putShort(response, position + 2, 4 + REASON.length);
        response[position + 6] = 4;
        response[position + 7] = 0;
        System.arraycopy(REASON, 0, response, position + 8, REASON.length);
        position += errorAttribute;
        CRC32 crc = new CRC32();
        crc.update(response, 0, position);
        putShort(response, position, FINGERPRINT);
        putShort(response, position + 2, 4);
        putInt(response, position + 4, (int) (crc.getValue() ^ FINGERPRINT_XOR));
        return response;
    }

    private static void putShort(byte[] bytes, int at, int value) {
        bytes[at] = (byte) (value >> 8);
        bytes[at + 1] = (byte) value;
    }

    private static void putInt(byte[] bytes, int at, int value) {
        putShort(bytes, at, value >>> 16);
        putShort(bytes, at + 2, value);
    }
}
