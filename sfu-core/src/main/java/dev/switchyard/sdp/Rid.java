package dev.switchyard.sdp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code a=rid:<id> <send|recv> [pt=<fmt>,...;<key>=<value>;...]} (RFC 8851 §10). The payload type list is
 * split out; the other restrictions (max-width, max-fps, depend, ...) stay in order, a key without '=' mapping
 * to the empty string.
 */
public record Rid(String id, RidDirection direction, List<Integer> payloadTypes, Map<String, String> restrictions)
        implements TypedAttribute {

    public static final String NAME = "rid";

    public Rid {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(direction, "direction");
        payloadTypes = List.copyOf(payloadTypes);
        restrictions = Collections.unmodifiableMap(new LinkedHashMap<>(restrictions));
    }

    public Rid(String id, RidDirection direction) {
        this(id, direction, List.of(), Map.of());
    }

    public static Rid parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "a=rid");
        if (fields.size() < 2 || fields.size() > 3) {
            throw new SdpParseException("a=rid: expected <id> <send|recv> [<restrictions>]");
        }
        String id = fields.get(0);
        if (!isRidId(id)) {
            throw new SdpParseException("a=rid: invalid id '" + id + "'");
        }
        RidDirection direction = RidDirection.parse(fields.get(1), "a=rid");
        List<Integer> payloadTypes = new ArrayList<>();
        Map<String, String> restrictions = new LinkedHashMap<>();
        if (fields.size() == 3) {
            for (String param : SdpSyntax.split(fields.get(2), ';', "a=rid restrictions")) {
                int equals = param.indexOf('=');
                String key = equals < 0 ? param : param.substring(0, equals);
                String paramValue = equals < 0 ? "" : param.substring(equals + 1);
                SdpSyntax.requireToken(key, "a=rid restriction");
                if (key.equals("pt")) {
                    for (String format : SdpSyntax.split(paramValue, ',', "a=rid pt")) {
                        payloadTypes.add(SdpSyntax.parseInt(format, 0, SdpSyntax.MAX_PAYLOAD_TYPE, "a=rid pt"));
                    }
                } else if (restrictions.putIfAbsent(key, paramValue) != null) {
                    throw new SdpParseException("a=rid: duplicate restriction '" + key + "'");
                }
            }
        }
        return new Rid(id, direction, payloadTypes, restrictions);
    }

    /** RFC 8851 §10: rid-id = 1*(alpha-numeric / "-" / "_"). */
    static boolean isRidId(String id) {
        return SdpSyntax.isNonEmptyOf(id, c -> SdpSyntax.isAlphaNumeric(c) || c == '-' || c == '_');
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder text = new StringBuilder(id).append(' ').append(direction.token());
        List<String> params = new ArrayList<>();
        if (!payloadTypes.isEmpty()) {
            params.add("pt=" + String.join(",", payloadTypes.stream().map(String::valueOf).toList()));
        }
        restrictions.forEach((key, v) -> params.add(v.isEmpty() ? key : key + '=' + v));
        if (!params.isEmpty()) {
            text.append(' ').append(String.join(";", params));
        }
        return text.toString();
    }
}
