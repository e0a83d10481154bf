package dev.switchyard.sdp;

import java.util.Objects;

/** {@code b=<bwtype>:<bandwidth>} (RFC 8866 §5.8), e.g. {@code AS} in kbit/s or {@code TIAS} in bit/s (RFC 3890). */
public record Bandwidth(String type, long value) {

    public static final String AS = "AS";
    public static final String TIAS = "TIAS";

    public Bandwidth {
        Objects.requireNonNull(type, "type");
    }

    static Bandwidth parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new SdpParseException("b=: expected <type>:<bandwidth>");
        }
        String type = SdpSyntax.requireToken(text.substring(0, colon), "b= type");
        return new Bandwidth(type, SdpSyntax.parseNumber(text.substring(colon + 1), 0, Long.MAX_VALUE, "b="));
    }

    @Override
    public String toString() {
        return type + ':' + value;
    }
}
