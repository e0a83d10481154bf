package dev.switchyard.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code a=candidate} (RFC 8839 §5.1):
 * {@code <foundation> <component> <transport> <priority> <address> <port> typ <type> [raddr <a>] [rport <p>]
 * [tcptype <t>] [generation <g>] [<name> <value>]...}.
 * Transport and type are kept as written (Chromium sends {@code udp}, Firefox {@code UDP}); extension pairs such as
 * Chromium's {@code network-id} stay in order. Written back, the known pairs come first in the order above.
 */
public record Candidate(
        String foundation,
        int component,
        String transport,
        long priority,
        String address,
        int port,
        String type,
        String relatedAddress,
        int relatedPort,
        String tcpType,
        long generation,
        Map<String, String> extensions) implements TypedAttribute {

    public static final String NAME = "candidate";
    public static final String TYPE_HOST = "host";
    public static final String TYPE_SRFLX = "srflx";
    public static final String TYPE_PRFLX = "prflx";
    public static final String TYPE_RELAY = "relay";
    /** {@link #relatedPort} when there is no {@code rport}. */
    public static final int NO_PORT = -1;
    /** {@link #generation} when there is no {@code generation}. */
    public static final long NO_GENERATION = -1;

    private static final String TRICKLE_PREFIX = NAME + ':';
    private static final int MAX_COMPONENT = 256;
    private static final int MAX_FOUNDATION_LENGTH = 32;

    public Candidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** A candidate without related address, tcptype, generation or extensions. */
    public static Candidate of(String foundation, int component, String transport, long priority, String address,
                               int port, String type) {
        return new Candidate(foundation, component, transport, priority, address, port, type,
                null, NO_PORT, null, NO_GENERATION, Map.of());
    }

    public Candidate withRelated(String address, int port) {
        return new Candidate(foundation, component, transport, priority, this.address, this.port, type,
                address, port, tcpType, generation, extensions);
    }

    public Candidate withTcpType(String tcpType) {
        return new Candidate(foundation, component, transport, priority, address, port, type,
                relatedAddress, relatedPort, tcpType, generation, extensions);
    }

    public Candidate withGeneration(long generation) {
        return new Candidate(foundation, component, transport, priority, address, port, type,
                relatedAddress, relatedPort, tcpType, generation, extensions);
    }

    public Candidate withExtension(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Candidate(foundation, component, transport, priority, address, port, type,
                relatedAddress, relatedPort, tcpType, generation, more);
    }

    /** Parses the value of an {@code a=candidate} line (the text after {@code candidate:}). */
    public static Candidate parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "a=candidate");
        if (fields.size() < 8 || fields.size() % 2 != 0) {
            throw new SdpParseException("a=candidate: expected 8 fields plus name/value pairs but found "
                    + fields.size());
        }
        String foundation = fields.get(0);
        if (foundation.length() > MAX_FOUNDATION_LENGTH || !isIceChars(foundation)) {
            throw new SdpParseException("a=candidate: invalid foundation '" + foundation + "'");
        }
        int component = SdpSyntax.parseInt(fields.get(1), 1, MAX_COMPONENT, "a=candidate component");
        String transport = SdpSyntax.requireToken(fields.get(2), "a=candidate transport");
        long priority = SdpSyntax.parseNumber(fields.get(3), 0, SdpSyntax.MAX_UINT32, "a=candidate priority");
        String address = fields.get(4);
        int port = SdpSyntax.parseInt(fields.get(5), 0, SdpSyntax.MAX_PORT, "a=candidate port");
        if (!fields.get(6).equals("typ")) {
            throw new SdpParseException("a=candidate: expected 'typ' but found '" + fields.get(6) + "'");
        }
        String type = SdpSyntax.requireToken(fields.get(7), "a=candidate type");

        String relatedAddress = null;
        int relatedPort = NO_PORT;
        String tcpType = null;
        long generation = NO_GENERATION;
        Map<String, String> extensions = new LinkedHashMap<>();
        for (int i = 8; i < fields.size(); i += 2) {
            String name = fields.get(i);
            String pairValue = fields.get(i + 1);
            switch (name) {
                case "raddr" -> {
                    requireFirst(relatedAddress == null, name);
                    relatedAddress = pairValue;
                }
                case "rport" -> {
                    requireFirst(relatedPort == NO_PORT, name);
                    relatedPort = SdpSyntax.parseInt(pairValue, 0, SdpSyntax.MAX_PORT, "a=candidate rport");
                }
                case "tcptype" -> {
                    requireFirst(tcpType == null, name);
                    tcpType = pairValue;
                }
                case "generation" -> {
                    requireFirst(generation == NO_GENERATION, name);
                    generation = SdpSyntax.parseNumber(pairValue, 0, SdpSyntax.MAX_UINT32, "a=candidate generation");
                }
                default -> requireFirst(extensions.putIfAbsent(name, pairValue) == null, name);
            }
        }
        return new Candidate(foundation, component, transport, priority, address, port, type,
                relatedAddress, relatedPort, tcpType, generation, extensions);
    }

    /** Parses the {@code candidate} string of a trickled RTCIceCandidate: {@code candidate:<value>}. */
    public static Candidate parseTrickle(String candidate) {
        if (candidate == null || !candidate.startsWith(TRICKLE_PREFIX)) {
            throw new SdpParseException("trickled candidate must start with '" + TRICKLE_PREFIX + "'");
        }
        return parse(candidate.substring(TRICKLE_PREFIX.length()));
    }

    /** The form a browser's {@code addIceCandidate} takes: {@code candidate:<value>}. */
    public String toTrickle() {
        return TRICKLE_PREFIX + attributeValue();
    }

    public boolean isUdp() {
        return transport.equalsIgnoreCase("udp");
    }

    private static void requireFirst(boolean first, String name) {
        if (!first) {
            throw new SdpParseException("a=candidate: '" + name + "' given twice");
        }
    }

    /** RFC 8839 §5.1: ice-char = ALPHA / DIGIT / "+" / "/". */
    static boolean isIceChars(String text) {
        return SdpSyntax.isNonEmptyOf(text, c -> SdpSyntax.isAlphaNumeric(c) || c == '+' || c == '/');
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        StringBuilder text = new StringBuilder()
                .append(foundation).append(' ').append(component).append(' ').append(transport).append(' ')
                .append(priority).append(' ').append(address).append(' ').append(port).append(" typ ").append(type);
        if (relatedAddress != null) {
            text.append(" raddr ").append(relatedAddress);
        }
        if (relatedPort != NO_PORT) {
            text.append(" rport ").append(relatedPort);
        }
        if (tcpType != null) {
            text.append(" tcptype ").append(tcpType);
        }
        if (generation != NO_GENERATION) {
            text.append(" generation ").append(generation);
        }
        extensions.forEach((name, value) -> text.append(' ').append(name).append(' ').append(value));
        return text.toString();
    }
}
