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
import org.ice4j.ice.harvest.TcpHarvester;

import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.ForwardingLanes;
import dev.switchyard.transport.udp.MediaWorker;
import dev.switchyard.transport.udp.SharedUdpPort;

/**
 * The server's media ports, shared by every participant: one UDP port that Switchyard owns (its media workers
 * receive everything; {@link SharedPortHarvester} hands STUN to ice4j and the rest to the transports, like
 * Jitsi Videobridge's port 10000) and optionally one passive ICE-TCP port, run by ice4j, for clients whose
 * network blocks UDP.
 *
 * <p>The advertised address replaces the bound address in signalled candidates, for a server behind a 1:1 NAT
 * (mediasoup's announced IP): remote checks arrive at the bound address after translation either way.
 */
public final class ServerIcePorts implements AutoCloseable {

    private final SharedUdpPort udpPort;
    private final ForwardingLanes forwardingLanes;
    private final SharedPortHarvester udpHarvester;
    private final TcpHarvester tcpHarvester;
    private final InetAddress advertisedAddress;

    private ServerIcePorts(SharedUdpPort udpPort, ForwardingLanes forwardingLanes, SharedPortHarvester udpHarvester,
                           TcpHarvester tcpHarvester, InetAddress advertisedAddress) {
        this.udpPort = udpPort;
        this.forwardingLanes = forwardingLanes;
        this.udpHarvester = udpHarvester;
        this.tcpHarvester = tcpHarvester;
        this.advertisedAddress = advertisedAddress;
    }

    /**
     * Binds the media ports with one media worker per available core.
     *
     * @see #bind(IceSettings, InetAddress, int, int, InetAddress, int)
     */
    public static ServerIcePorts bind(IceSettings settings, InetAddress bindAddress, int udpPort, int tcpPort,
                                      InetAddress advertisedAddress) throws IOException {
        return bind(settings, bindAddress, udpPort, tcpPort, advertisedAddress,
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Binds the media ports and starts the media workers.
     *
     * @param bindAddress local address to bind, a concrete address of this machine (candidates announce it)
     * @param udpPort UDP media port; 0 picks a free one (tests)
     * @param tcpPort passive ICE-TCP port, -1 to disable ICE-TCP. ice4j advertises the configured port as is
     *                (so 0 is not allowed) and never offers TCP candidates on loopback addresses
     * @param advertisedAddress address to put in candidates instead of {@code bindAddress}, or null
     * @param workers media workers (threads with a socket each on the UDP port)
     */
    public static ServerIcePorts bind(IceSettings settings, InetAddress bindAddress, int udpPort, int tcpPort,
                                      InetAddress advertisedAddress, int workers) throws IOException {
        Objects.requireNonNull(bindAddress, "bindAddress");
        if (tcpPort == 0 || tcpPort < -1 || tcpPort > 65535) {
            throw new IllegalArgumentException("tcpPort must be 1..65535, or -1 to disable ICE-TCP: " + tcpPort);
        }
        settings.apply();
        SharedUdpPort port = SharedUdpPort.bind(new InetSocketAddress(bindAddress, udpPort), workers,
                settings.udpReceiveBufferBytes());
        TcpHarvester tcp = null;
        try {
            SharedPortHarvester udp = new SharedPortHarvester(port);
            if (tcpPort >= 0) {
                tcp = new TcpHarvester(List.of(new TransportAddress(bindAddress, tcpPort, Transport.TCP)));
            }
            ForwardingLanes lanes = runLanesOnWorkers(port);
            port.start(udp);
            return new ServerIcePorts(port, lanes, udp, tcp, advertisedAddress);
        } catch (IOException | RuntimeException e) {
            if (tcp != null) {
                tcp.close();
            }
            port.close();
            throw e;
        }
    }

    /** One forwarding lane per media worker, run by that worker's thread. */
    private static ForwardingLanes runLanesOnWorkers(SharedUdpPort port) {
        ForwardingLanes lanes = new ForwardingLanes(port.workers().size());
        for (MediaWorker worker : port.workers()) {
            ForwardingLane lane = lanes.get(worker.index());
            lane.setWakeup(worker::wakeup);
            worker.setHandOverHooks(lane::beforeWait, lane::drain);
        }
        return lanes;
    }

    /** ICE sessions (ice4j agents) on the media port now: what a transport that never closes would leave. */
    public int iceSessions() {
        return udpHarvester.sessions();
    }

    /** Remote addresses the media port routes to an ICE session now. */
    public int iceRemoteAddresses() {
        return udpHarvester.remoteAddresses();
    }

    /** Datagrams dropped because no ICE session claimed their source or their USERNAME named none. */
    public long droppedFromStrangers() {
        return udpHarvester.droppedUnknownSource() + udpHarvester.droppedUnknownUfrag();
    }

    /** Connectivity checks without MESSAGE-INTEGRITY, answered 400 (RFC 8489 §9.1.3). */
    public long rejectedUnauthenticatedChecks() {
        return udpHarvester.rejectedUnauthenticated();
    }

    /** Datagrams dropped by the media workers: handling one threw, or it was larger than any WebRTC packet. */
    public long droppedByWorkers() {
        long dropped = 0;
        for (MediaWorker worker : udpPort.workers()) {
            dropped += worker.droppedFailed() + worker.droppedOversized();
        }
        return dropped;
    }

    /** The media workers of the UDP port, each with its own counters. */
    public List<MediaWorker> mediaWorkers() {
        return udpPort.workers();
    }

    public long datagramsReceived() {
        return udpPort.workers().stream().mapToLong(MediaWorker::datagramsReceived).sum();
    }

    public long bytesReceived() {
        return udpPort.workers().stream().mapToLong(MediaWorker::bytesReceived).sum();
    }

    public long datagramsSent() {
        return udpPort.datagramsSent();
    }

    public long bytesSent() {
        return udpPort.bytesSent();
    }

    /** The forwarding lanes of the media workers: which thread sends to which subscriber. */
    public ForwardingLanes forwardingLanes() {
        return forwardingLanes;
    }

    /** The bound UDP media address. */
    public InetSocketAddress udpAddress() {
        return udpPort.localAddress();
    }

    /** The shared UDP port: its media workers, and sending from it. */
    public SharedUdpPort udpPort() {
        return udpPort;
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
        udpPort.close();
        if (tcpHarvester != null) {
            tcpHarvester.close();
        }
    }
}
