package dev.switchyard.sdp;

/** {@code a=setup} (RFC 4145 §4): which side opens the DTLS connection (RFC 8842 §5). */
public enum Setup implements TypedAttribute {
    ACTPASS("actpass"),
    ACTIVE("active"),
    PASSIVE("passive"),
    HOLDCONN("holdconn");

    public static final String NAME = "setup";

    private final String token;

    Setup(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }

    public static Setup parse(String value) {
        for (Setup setup : values()) {
            if (setup.token.equals(value)) {
                return setup;
            }
        }
        throw new SdpParseException("a=setup: unknown role '" + value + "'");
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return token;
    }
}
