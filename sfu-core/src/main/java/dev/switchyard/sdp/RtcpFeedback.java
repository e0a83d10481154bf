package dev.switchyard.sdp;

import java.util.Objects;

/**
 * {@code a=rtcp-fb:<pt|*> <type> [<parameters>]} (RFC 4585 §4.2), e.g. {@code nack pli}, {@code ccm fir},
 * {@code transport-cc}.
 */
public record RtcpFeedback(int payloadType, String type, String parameter) implements TypedAttribute {

    public static final String NAME = "rtcp-fb";

    /** {@link #payloadType} of the {@code *} wildcard, which applies to every format of the section. */
    public static final int ANY_PAYLOAD_TYPE = -1;

    public RtcpFeedback {
        Objects.requireNonNull(type, "type");
    }

    public RtcpFeedback(int payloadType, String type) {
        this(payloadType, type, null);
    }

    public static RtcpFeedback parse(String value) {
        int firstSpace = value.indexOf(' ');
        if (firstSpace < 0) {
            throw new SdpParseException("a=rtcp-fb: expected <payload type> <feedback type>");
        }
        String format = value.substring(0, firstSpace);
        int payloadType = format.equals("*")
                ? ANY_PAYLOAD_TYPE
                : SdpSyntax.parseInt(format, 0, SdpSyntax.MAX_PAYLOAD_TYPE, "a=rtcp-fb payload type");
        String rest = value.substring(firstSpace + 1);
        int secondSpace = rest.indexOf(' ');
        String type = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
        String parameter = secondSpace < 0 ? null : rest.substring(secondSpace + 1);
        SdpSyntax.requireToken(type, "a=rtcp-fb feedback type");
        if (parameter != null && parameter.isEmpty()) {
            throw new SdpParseException("a=rtcp-fb: empty feedback parameter");
        }
        return new RtcpFeedback(payloadType, type, parameter);
    }

    public boolean appliesTo(int payloadType) {
        return this.payloadType == ANY_PAYLOAD_TYPE || this.payloadType == payloadType;
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        String format = payloadType == ANY_PAYLOAD_TYPE ? "*" : Integer.toString(payloadType);
        return parameter == null ? format + ' ' + type : format + ' ' + type + ' ' + parameter;
    }
}
