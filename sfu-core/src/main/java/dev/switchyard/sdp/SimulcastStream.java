package dev.switchyard.sdp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One simulcast stream: the ','-separated alternative rids of which exactly one is sent (RFC 8853 §5.1),
 * usually a single rid.
 */
public record SimulcastStream(List<SimulcastRid> alternatives) {

    public SimulcastStream {
        alternatives = List.copyOf(alternatives);
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("a simulcast stream needs at least one rid");
        }
    }

    public static SimulcastStream of(String rid) {
        return new SimulcastStream(List.of(new SimulcastRid(rid, false)));
    }

    static SimulcastStream parse(String text) {
        return new SimulcastStream(SdpSyntax.split(text, ',', "a=simulcast").stream()
                .map(SimulcastRid::parse)
                .toList());
    }

    @Override
    public String toString() {
        return alternatives.stream().map(SimulcastRid::toString).collect(Collectors.joining(","));
    }
}
