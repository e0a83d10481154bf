package dev.switchyard.transport.ice;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import dev.switchyard.rtp.BigEndian;

/**
 * The Binding error response 400 (Bad Request) that answers a connectivity check without MESSAGE-INTEGRITY
 * (RFC 8489 §9.1.3): such a request cannot be authenticated, so it gets neither a success response nor triggered
 * checks, which would let anyone who knows a session's ufrag make the server send several packets for one.
 * The response is no larger than a typical check.
 */
final class StunBadRequest {

    private static final int BINDING_ERROR_RESPONSE = 0x0111;
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
        byte[] response = new byte[StunBindingRequest.HEADER_BYTES + errorAttribute + fingerprintAttribute];
        BigEndian.putUint16(response, 0, BINDING_ERROR_RESPONSE);
        BigEndian.putUint16(response, 2, errorAttribute + fingerprintAttribute);
        BigEndian.putUint32(response, 4, StunBindingRequest.MAGIC_COOKIE);
        System.arraycopy(request, offset + 8, response, 8, 12);
        int position = StunBindingRequest.HEADER_BYTES;
        BigEndian.putUint16(response, position, ERROR_CODE);
        BigEndian.putUint16(response, position + 2, 4 + REASON.length);
        response[position + 6] = 4;
        response[position + 7] = 0;
        System.arraycopy(REASON, 0, response, position + 8, REASON.length);
        position += errorAttribute;
        CRC32 crc = new CRC32();
        crc.update(response, 0, position);
        BigEndian.putUint16(response, position, FINGERPRINT);
        BigEndian.putUint16(response, position + 2, 4);
        BigEndian.putUint32(response, position + 4, crc.getValue() ^ FINGERPRINT_XOR);
        return response;
    }
}
