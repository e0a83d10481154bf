package dev.switchyard.sdp;

import java.util.Objects;

/** {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 §4.1), e.g. {@code a=ssrc:1 cname:abc}. */
public record Ssrc(long ssrc, String attribute, String value) implements TypedAttribute {

    public static final String NAME = "ssrc";
    public static final String CNAME = "cname";

    public Ssrc {
        Objects.requireNonNull(attribute, "attribute");
        if (ssrc < 0 || ssrc > SdpSyntax.MAX_UINT32) {
            throw new IllegalArgumentException("ssrc out of range: " + ssrc);
        }
    }

    public static Ssrc parse(String value) {
        int space = value.indexOf(' ');
        if (space < 0) {
            throw new SdpParseException("a=ssrc: expected <ssrc> <attribute>");
        }
        long ssrc = SdpSyntax.parseNumber(value.substring(0, space), 0, SdpSyntax.MAX_UINT32, "a=ssrc");
        String attribute = value.substring(space + 1);
        int colon = attribute.indexOf(':');
        String name = colon < 0 ? attribute : attribute.substring(0, colon);
        SdpSyntax.requireToken(name, "a=ssrc attribute name");
        return new Ssrc(ssrc, name, colon < 0 ? null : attribute.substring(colon + 1));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return value == null ? ssrc + " " + attribute : ssrc + " " + attribute + ':' + value;
    }
}
