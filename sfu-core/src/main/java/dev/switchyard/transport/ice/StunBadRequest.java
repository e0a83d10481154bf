package dev.switchyard.transport.ice;

import java.nio.charset.StandardCharsets;

/**
 * The Binding error response 400 (Bad Request) that answers a connectivity check without MESSAGE-INTEGRITY
 * (RFC 8489 §9.1.3): such a request cannot be authenticated, so it gets neither a success response nor triggered
 * checks, which would let anyone who knows a session's ufrag make the server send several packets for one.
 * The response is no larger than a typical check.
 */
final class StunBadRequest {

    /** RFC 8489 §14.8: two reserved bytes, the class (4) and the number (0) of 400, then the reason phrase. */
    private static final byte[] ERROR_CODE_VALUE = errorCodeValue(4, 0, "Bad Request");
    /** Header, ERROR-CODE and FINGERPRINT. */
    private static final int RESPONSE_BYTES = Stun.HEADER_BYTES + 4 + ((ERROR_CODE_VALUE.length + 3) & ~3) + 8;

    private StunBadRequest() {
    }

    /** The response to {@code request} (its transaction id is copied), as a new array. */
    static byte[] answering(byte[] request, int offset) {
        byte[] response = new byte[RESPONSE_BYTES];
        new StunMessageWriter(response, Stun.BINDING_ERROR_RESPONSE, request, offset + Stun.TRANSACTION_ID_OFFSET)
                .attribute(Stun.ERROR_CODE, ERROR_CODE_VALUE)
                .fingerprint();
        return response;
    }

    private static byte[] errorCodeValue(int errorClass, int number, String reason) {
        byte[] phrase = reason.getBytes(StandardCharsets.US_ASCII);
        byte[] value = new byte[4 + phrase.length];
        value[2] = (byte) errorClass;
        value[3] = (byte) number;
        System.arraycopy(phrase, 0, value, 4, phrase.length);
        return value;
    }
}
