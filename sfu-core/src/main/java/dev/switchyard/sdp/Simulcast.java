package dev.switchyard.sdp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code a=simulcast:send <streams> [recv <streams>]} (RFC 8853 §5.1), streams separated by ';'. Either list may
 * be empty; at least one is not. The two lists are written send first whatever order they were read in (the
 * original line is kept verbatim by {@link Attributes}).
 */
public record Simulcast(List<SimulcastStream> send, List<SimulcastStream> recv) implements TypedAttribute {

    public static final String NAME = "simulcast";

    public Simulcast {
        send = List.copyOf(send);
        recv = List.copyOf(recv);
        if (send.isEmpty() && recv.isEmpty()) {
            throw new IllegalArgumentException("a=simulcast needs a send or a recv list");
        }
    }

    public static Simulcast parse(String value) {
        List<String> fields = SdpSyntax.split(value, ' ', "a=simulcast");
        if (fields.size() != 2 && fields.size() != 4) {
            throw new SdpParseException("a=simulcast: expected <send|recv> <streams> [<recv|send> <streams>]");
        }
        RidDirection first = RidDirection.parse(fields.get(0), "a=simulcast");
        List<SimulcastStream> firstStreams = parseStreams(fields.get(1));
        List<SimulcastStream> secondStreams = List.of();
        if (fields.size() == 4) {
            if (RidDirection.parse(fields.get(2), "a=simulcast") == first) {
                throw new SdpParseException("a=simulcast: direction '" + first.token() + "' given twice");
            }
            secondStreams = parseStreams(fields.get(3));
        }
        return first == RidDirection.SEND
                ? new Simulcast(firstStreams, secondStreams)
                : new Simulcast(secondStreams, firstStreams);
    }

    private static List<SimulcastStream> parseStreams(String text) {
        return SdpSyntax.split(text, ';', "a=simulcast").stream().map(SimulcastStream::parse).toList();
    }

    @Override
    public String attributeName() {
        return NAME;
    }

    @Override
    public String attributeValue() {
        String sendList = format(RidDirection.SEND, send);
        String recvList = format(RidDirection.RECV, recv);
        if (sendList.isEmpty()) {
            return recvList;
        }
        return recvList.isEmpty() ? sendList : sendList + ' ' + recvList;
    }

    private static String format(RidDirection direction, List<SimulcastStream> streams) {
        if (streams.isEmpty()) {
            return "";
        }
        return direction.token() + ' '
                + streams.stream().map(SimulcastStream::toString).collect(Collectors.joining(";"));
    }
}
