package dev.switchyard.sdp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code a=fmtp:<pt> <parameters>} (RFC 8866 §6.15). The parameter text is format specific, so it is kept as
 * written; {@link #parameterMap()} reads the common {@code key=value;key=value} form.
 */
public record Fmtp(int payloadType, String parameters) implements TypedAttribute {

    public static final String NAME = "fmtp";

    public Fmtp {
        Objects.requireNonNull(parameters, "parameters");
    }

    /** Builds {@code key=value;...} parameters in the map's iteration order. */
    public static Fmtp of(int payloadType, Map<String, String> parameters) {
        return new Fmtp(payloadType, parameters.entrySet().stream()
                .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + '=' + e.getValue())
                .collect(Collectors.joining(";")));
    }

    public static Fmtp parse(String value) {
        int space = value.indexOf(' ');
        if (space < 0 || space == value.length() - 1) {
            throw new SdpParseException("a=fmtp: expected <payload type> <parameters>");
        }
        int payloadType = SdpSyntax.parseInt(value.substring(0, space), 0, SdpSyntax.MAX_PAYLOAD_TYPE,
                "a=fmtp payload type");
        return new Fmtp(payloadType, value.substring(space + 1));
    }

    /**
     * Parameters split on ';' with surrounding spaces trimmed, in order; a part without '=' (such as the
     * {@code 0-15} of telephone-event or {@code 111/111} of RED) maps to the empty string.
     */
    public Map<String, String> parameterMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String part : parameters.split(";")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                map.putIfAbsent(trimmed, "");
            } else {
                map.putIfAbsent(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
            }
        }
        return map;
    }

    public Optional<String> parameter(String key) {
        return Optional.ofNullable(parameterMap().get(key));
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        return payloadType + " " + parameters;
    }
}
