package dev.switchyard.sdp;

import java.util.List;

/**
 * {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>} (RFC 8866 §5.2). The
 * session id is kept as the digit string it was written as; browsers use up to 20 digits.
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addressType,
                     String address) {

    public Origin {
        SdpSyntax.requireField(username, "username");
        SdpSyntax.requireField(sessionId, "sessionId");
        SdpSyntax.requireField(netType, "netType");
        SdpSyntax.requireField(addressType, "addressType");
        SdpSyntax.requireField(address, "address");
    }

    /** The origin WebRTC endpoints write (RFC 8829 §5.2.1): {@code - <id> <version> IN IP4 127.0.0.1}. */
    public static Origin of(String sessionId, long sessionVersion) {
        return new Origin("-", sessionId, sessionVersion, "IN", "IP4", "127.0.0.1");
    }

    /** RFC 3264 §8: every changed description of a session carries a higher version. */
    public Origin withSessionVersion(long version) {
        return new Origin(username, sessionId, version, netType, addressType, address);
    }

    static Origin parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', 6, "o=");
        String sessionId = fields.get(1);
        if (sessionId.length() > 20 || !sessionId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new SdpParseException("o=: invalid session id '" + sessionId + "'");
        }
        long version = SdpSyntax.parseNumber(fields.get(2), 0, Long.MAX_VALUE, "o= session version");
        return new Origin(fields.get(0), sessionId, version, fields.get(3), fields.get(4), fields.get(5));
    }

    @Override
    public String toString() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + netType + ' ' + addressType + ' ' + address;
    }
}
