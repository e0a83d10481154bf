package dev.switchyard.sdp;

/** Direction of an {@code a=rid} line (RFC 8851 §4) and of a simulcast stream list (RFC 8853 §5.1). */
public enum RidDirection {
    SEND("send"),
    RECV("recv");

    private final String token;

    RidDirection(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    static RidDirection parse(String token, String what) {
        for (RidDirection direction : values()) {
            if (direction.token.equals(token)) {
                return direction;
            }
        }
        throw new SdpParseException(what + ": expected send or recv but found '" + token + "'");
    }
}
