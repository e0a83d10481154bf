package dev.switchyard.sdp;

import java.util.Objects;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<extension attributes>]} (RFC 8285 §8). Firefox sends the direction
 * form, e.g. {@code extmap:2/recvonly}; {@link #direction} is null when it is omitted.
 */
public record Extmap(int id, Direction direction, String uri, String extensionAttributes) implements TypedAttribute {

    public static final String NAME = "extmap";

    public Extmap {
        Objects.requireNonNull(uri, "uri");
    }

    public Extmap(int id, String uri) {
        this(id, null, uri, null);
    }

    public static Extmap parse(String value) {
        int firstSpace = value.indexOf(' ');
        if (firstSpace < 0) {
            throw new SdpParseException("a=extmap: expected <id> <uri>");
        }
        String entry = value.substring(0, firstSpace);
        int slash = entry.indexOf('/');
        int id = parseId(slash < 0 ? entry : entry.substring(0, slash));
        Direction direction = null;
        if (slash >= 0) {
            String token = entry.substring(slash + 1);
            direction = Direction.fromToken(token)
                    .orElseThrow(() -> new SdpParseException("a=extmap: unknown direction '" + token + "'"));
        }
        String rest = value.substring(firstSpace + 1);
        int secondSpace = rest.indexOf(' ');
        String uri = secondSpace < 0 ? rest : rest.substring(0, secondSpace);
        String attributes = secondSpace < 0 ? null : rest.substring(secondSpace + 1);
        if (uri.isEmpty() || (attributes != null && attributes.isEmpty())) {
            throw new SdpParseException("a=extmap: empty field in '" + value + "'");
        }
        return new Extmap(id, direction, uri, attributes);
    }

    /**
     * RFC 8285 §5 and §7: 1-14 for one-byte and up to 255 for two-byte headers; 4096-4351 only appear in offers
     * that let the answerer choose.
     */
    private static int parseId(String token) {
        int id = SdpSyntax.parseInt(token, 1, 4351, "a=extmap id");
        if (id > 255 && id < 4096) {
            throw new SdpParseException("a=extmap id: " + id + " is outside 1..255 and 4096..4351");
        }
        return id;
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder text = new StringBuilder().append(id);
        if (direction != null) {
            text.append('/').append(direction.token());
        }
        text.append(' ').append(uri);
        if (extensionAttributes != null) {
            text.append(' ').append(extensionAttributes);
        }
        return text.toString();
    }
}
