package dev.switchyard.sctp.association;

import java.time.Duration;
import java.util.Objects;

/**
 * How one SCTP association over DTLS behaves (RFC 8261, RFC 8831).
 *
 * @param port                    the SCTP port of both ends, from the SDP's {@code a=sctp-port} (RFC 8841 §5)
 * @param maxMessageSize          largest message accepted or sent, the SDP's {@code a=max-message-size}
 * @param receiveWindow           bytes this end buffers for reassembly and ordering (its advertised window)
 * @param mtu                     largest SCTP packet, so that one DTLS record fits one UDP datagram on any path
 * @param rtoInitial              retransmission timeout before the first round trip is measured
 * @param rtoMin                  lower bound of the retransmission timeout
 * @param rtoMax                  upper bound of the retransmission timeout
 * @param delayedAck              longest wait before acknowledging a lone DATA packet (RFC 9260 §6.2: ≤ 500 ms)
 * @param maxRetransmissions      consecutive timeouts after which the peer counts as unreachable
 * @param streams                 inbound and outbound streams this end asks for (RFC 8831 §6.2: 65535)
 */
public record AssociationSettings(int port, int maxMessageSize, int receiveWindow, int mtu, Duration rtoInitial,
                                  Duration rtoMin, Duration rtoMax, Duration delayedAck, int maxRetransmissions,
                                  int streams) {

    /** The SCTP port WebRTC uses unless the SDP says otherwise (RFC 8841 §5). */
    public static final int DEFAULT_PORT = 5000;
    /** A quarter MiB, the size browsers advertise as {@code a=max-message-size} today. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 256 * 1024;

    public AssociationSettings {
        Objects.requireNonNull(rtoInitial, "rtoInitial");
        Objects.requireNonNull(rtoMin, "rtoMin");
        Objects.requireNonNull(rtoMax, "rtoMax");
        Objects.requireNonNull(delayedAck, "delayedAck");
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (mtu < 256 || maxMessageSize < 1 || receiveWindow < mtu || maxRetransmissions < 1) {
            throw new IllegalArgumentException("mtu >= 256, maxMessageSize >= 1, receiveWindow >= mtu and "
                    + "maxRetransmissions >= 1 are required");
        }
        if (streams < 1 || streams > 0xFFFF) {
            throw new IllegalArgumentException("streams must be 1..65535: " + streams);
        }
        if (rtoMin.compareTo(rtoInitial) > 0 || rtoInitial.compareTo(rtoMax) > 0) {
            throw new IllegalArgumentException("rtoMin <= rtoInitial <= rtoMax is required");
        }
    }

    /**
     * WebRTC's usual values: port 5000, 256 KiB messages, a 1 MiB window, 1200-byte packets (the DTLS record and
     * the UDP datagram then stay under 1280 bytes), and timeouts shorter than RFC 9260's general-purpose ones
     * (which assume the whole Internet) because a data channel runs on a path ICE has just measured.
     */
    public static AssociationSettings webRtc() {
        return new AssociationSettings(DEFAULT_PORT, DEFAULT_MAX_MESSAGE_SIZE, 1024 * 1024, 1200,
                Duration.ofMillis(500), Duration.ofMillis(120), Duration.ofSeconds(6), Duration.ofMillis(100), 10,
                0xFFFF);
    }

    /** The same on another SCTP port (the SDP's {@code a=sctp-port}). */
    public AssociationSettings withPort(int sctpPort) {
        return new AssociationSettings(sctpPort, maxMessageSize, receiveWindow, mtu, rtoInitial, rtoMin, rtoMax,
                delayedAck, maxRetransmissions, streams);
    }

    /** The same with another largest packet (what one DTLS record of the transport beneath can carry). */
    public AssociationSettings withMtu(int bytes) {
        return new AssociationSettings(port, maxMessageSize, receiveWindow, bytes, rtoInitial, rtoMin, rtoMax,
                delayedAck, maxRetransmissions, streams);
    }

    /** The same with another largest message (the peer's {@code a=max-message-size}, for instance). */
    public AssociationSettings withMaxMessageSize(int bytes) {
        return new AssociationSettings(port, bytes, Math.max(receiveWindow, bytes), mtu, rtoInitial, rtoMin, rtoMax,
                delayedAck, maxRetransmissions, streams);
    }
}
