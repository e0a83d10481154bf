package dev.switchyard.sdp;

import java.util.List;
import java.util.Objects;

/** {@code a=group:<semantics> <mid>...} (RFC 5888 §5), e.g. the BUNDLE group (RFC 9143 §7.1). */
public record Group(String semantics, List<String> mids) implements TypedAttribute {

    public static final String NAME = "group";
    public static final String BUNDLE = "BUNDLE";

    public Group {
        Objects.requireNonNull(semantics, "semantics");
        mids = List.copyOf(mids);
    }

    public static Group bundle(List<String> mids) {
        return new Group(BUNDLE, mids);
    }

    public static Group parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "a=group");
        String semantics = SdpSyntax.requireToken(fields.get(0), "a=group semantics");
        return new Group(semantics, fields.subList(1, fields.size()));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return mids.isEmpty() ? semantics : semantics + ' ' + String.join(" ", mids);
    }
}
