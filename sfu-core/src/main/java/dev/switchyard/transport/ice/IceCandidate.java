package dev.switchyard.transport.ice;

import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * One ICE candidate as signalled to the other side (RFC 8839 §5.1), independent of ice4j's classes.
 *
 * @param tcpType {@code "passive"}, {@code "active"} or {@code "so"} for TCP candidates, null for UDP
 */
public record IceCandidate(String foundation, int componentId, Transport transport, long priority,
                           InetSocketAddress address, Type type, String tcpType) {

    /** Transport protocol of a candidate. */
    public enum Transport { UDP, TCP }

    /** Candidate types of RFC 8445 §5.1.1. */
    public enum Type {
        HOST("host"), SERVER_REFLEXIVE("srflx"), PEER_REFLEXIVE("prflx"), RELAYED("relay");

        private final String sdpName;

        Type(String sdpName) {
            this.sdpName = sdpName;
        }

        public String sdpName() {
            return sdpName;
        }
    }

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
    }

    /** The value of an SDP {@code a=candidate} attribute, e.g. {@code 1 1 udp 2130706431 127.0.0.1 10000 typ host}. */
    public String toSdpValue() {
        StringBuilder value = new StringBuilder()
                .append(foundation).append(' ')
                .append(componentId).append(' ')
                .append(transport.name().toLowerCase(Locale.ROOT)).append(' ')
                .append(priority).append(' ')
                .append(address.getAddress().getHostAddress()).append(' ')
                .append(address.getPort())
                .append(" typ ").append(type.sdpName());
        if (tcpType != null) {
            value.append(" tcptype ").append(tcpType);
        }
        return value.toString();
    }
}
