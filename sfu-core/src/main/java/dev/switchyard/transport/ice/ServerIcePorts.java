package dev.switchyard.transport.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.SinglePortUdpHarvester;
import org.ice4j.ice.harvest.TcpHarvester;

/**
 * The server's media ports, shared by every participant: one UDP port (demultiplexed by the ICE ufrag of the
 * first STUN request, like Jitsi Videobridge's port 10000) and optionally one passive ICE-TCP port for clients
 * whose network blocks UDP.
 *
 * <p>The advertised address replaces the bound address in signalled candidates, for a server behind a 1:1 NAT
 * (mediasoup's announced IP): remote checks arrive at the bound address after translation either way.
 */
public final class ServerIcePorts implements AutoCloseable {

    private final SharedPortSender udpSender;
    private final SinglePortUdpHarvester udpHarvester;
    private final TcpHarvester tcpHarvester;
    private final InetAddress advertisedAddress;

    private ServerIcePorts(SharedPortSender udpSender, SinglePortUdpHarvester udpHarvester,
                           TcpHarvester tcpHarvester, InetAddress advertisedAddress) {
        this.udpSender = udpSender;
        this.udpHarvester = udpHarvester;
        this.tcpHarvester = tcpHarvester;
        this.advertisedAddress = advertisedAddress;
    }

    /**
     * Binds the media ports.
     *
     * @param bindAddress local address to bind, e.g. 127.0.0.1 or 0.0.0.0's concrete interface address
     * @param udpPort UDP media port; 0 picks a free one (tests)
     * @param tcpPort passive ICE-TCP port, -1 to disable ICE-TCP. ice4j advertises the configured port as is
     *                (so 0 is not allowed) and never offers TCP candidates on loopback addresses
     * @param advertisedAddress address to put in candidates instead of {@code bindAddress}, or null
     */
    public static ServerIcePorts bind(IceSettings settings, InetAddress bindAddress, int udpPort, int tcpPort,
                                      InetAddress advertisedAddress) throws IOException {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (tcpPort == 0 || tcpPort < -1 || tcpPort > 65535) {
            throw new IllegalArgumentException("tcpPort must be 1..65535, or -1 to disable ICE-TCP: " + tcpPort);
        }
        settings.apply();
        // The sender binds first so that ice4j's sockets, bound after it on the same port, receive everything.
        SharedPortSender sender = SharedPortSender.bind(new InetSocketAddress(bindAddress, udpPort));
        SinglePortUdpHarvester udp = null;
        TcpHarvester tcp = null;
        try {
            udp = new SinglePortUdpHarvester(
                    new TransportAddress(bindAddress, sender.localAddress().getPort(), Transport.UDP));
            if (tcpPort >= 0) {
                tcp = new TcpHarvester(List.of(new TransportAddress(bindAddress, tcpPort, Transport.TCP)));
            }
        } catch (IOException | RuntimeException e) {
            if (udp != null) {
                udp.close();
            }
            sender.close();
            throw e;
        }
        return new ServerIcePorts(sender, udp, tcp, advertisedAddress);
    }

    /** The bound UDP media address. */
    public InetSocketAddress udpAddress() {
        return udpHarvester.getLocalAddress();
    }

    /** Sends media from the UDP port, bypassing ice4j's per-packet send path. */
    SharedPortSender udpSender() {
        return udpSender;
    }

    /** Harvesters every server-side agent uses: they hand out candidates on the shared ports. */
    List<CandidateHarvester> harvesters() {
        List<CandidateHarvester> harvesters = new ArrayList<>(2);
        harvesters.add(udpHarvester);
        if (tcpHarvester != null) {
            harvesters.add(tcpHarvester);
        }
        return harvesters;
    }

    /** The address to signal for a local candidate bound to {@code bound}. */
    InetSocketAddress advertised(InetSocketAddress bound) {
        return advertisedAddress == null ? bound : new InetSocketAddress(advertisedAddress, bound.getPort());
    }

    @Override
    public void close() {
        udpHarvester.close();
        udpSender.close();
        if (tcpHarvester != null) {
            tcpHarvester.close();
        }
    }
}
