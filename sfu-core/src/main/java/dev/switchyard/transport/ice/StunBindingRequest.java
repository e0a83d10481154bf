package dev.switchyard.transport.ice;

import java.nio.charset.StandardCharsets;

import dev.switchyard.rtp.BigEndian;

/**
 * Reads the one thing the shared port needs from a STUN message before ice4j sees it: which local ICE session
 * a Binding request is for. The USERNAME of a connectivity check is "local ufrag:remote ufrag" (RFC 8445
 * §7.2.2), so its first part names the agent.
 */
final class StunBindingRequest {

    /** RFC 8489 §14.3: USERNAME is at most 513 bytes. */
    private static final int MAX_USERNAME_BYTES = 513;

    private StunBindingRequest() {
    }

    /**
     * The local ufrag a Binding request is addressed to, or null if the datagram is no well-formed Binding
     * request with a USERNAME.
     */
    static String localUfrag(byte[] data, int offset, int length) {
        if (length < Stun.HEADER_BYTES || BigEndian.getUint16(data, offset) != Stun.BINDING_REQUEST) {
            return null;
        }
        int value = findAttribute(data, offset, length, Stun.USERNAME);
        if (value < 0) {
            return null;
        }
        int valueLength = BigEndian.getUint16(data, value - 2);
        return valueLength <= MAX_USERNAME_BYTES ? ufragBeforeColon(data, value, valueLength) : null;
    }

    /** Whether a well-formed Binding request carries MESSAGE-INTEGRITY (RFC 8489 §14.5). */
    static boolean hasMessageIntegrity(byte[] data, int offset, int length) {
        return findAttribute(data, offset, length, Stun.MESSAGE_INTEGRITY) >= 0;
    }

    /** The offset of the first attribute of {@code type}'s value, or -1 (also for a malformed message). */
    private static int findAttribute(byte[] data, int offset, int length, int wanted) {
        if (length < Stun.HEADER_BYTES || BigEndian.getInt32(data, offset + 4) != Stun.MAGIC_COOKIE) {
            return -1;
        }
        int bodyLength = BigEndian.getUint16(data, offset + 2);
        if ((bodyLength & 3) != 0 || Stun.HEADER_BYTES + bodyLength > length) {
            return -1;
        }
        int position = offset + Stun.HEADER_BYTES;
        int end = position + bodyLength;
        while (position + 4 <= end) {
            int type = BigEndian.getUint16(data, position);
            int valueLength = BigEndian.getUint16(data, position + 2);
            int valueStart = position + 4;
            if (valueStart + valueLength > end) {
                return -1;
            }
            if (type == wanted) {
                return valueStart;
            }
            position = valueStart + ((valueLength + 3) & ~3);
        }
        return -1;
    }

    private static String ufragBeforeColon(byte[] data, int start, int length) {
        for (int i = 0; i < length; i++) {
            if (data[start + i] == ':') {
                return i == 0 ? null : new String(data, start, i, StandardCharsets.US_ASCII);
            }
        }
        return null;
    }
}
