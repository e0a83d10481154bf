package dev.switchyard.sdp;

import java.util.List;
import java.util.Objects;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2). Identifiers are kept as written: Firefox wraps them in
 * braces, which the token grammar does not allow, so only the field structure is checked.
 */
public record Msid(String streamId, String appData) implements TypedAttribute {

    public static final String NAME = "msid";

    public Msid {
        Objects.requireNonNull(streamId, "streamId");
    }

    public static Msid parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "a=msid");
        if (fields.size() > 2) {
            throw new SdpParseException("a=msid: expected at most 2 fields but found " + fields.size());
        }
        return new Msid(fields.get(0), fields.size() == 2 ? fields.get(1) : null);
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return appData == null ? streamId : streamId + ' ' + appData;
    }
}
