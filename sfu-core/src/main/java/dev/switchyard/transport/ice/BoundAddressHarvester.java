package dev.switchyard.transport.ice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

import org.ice4j.Transport;
import org.ice4j.ice.Component;
import org.ice4j.ice.HostCandidate;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;
import org.ice4j.socket.IceSocketWrapper;
import org.ice4j.socket.IceUdpSocketWrapper;
import org.ice4j.socket.MultiplexingDatagramSocket;

/**
 * Harvests one UDP host candidate on an ephemeral port of a given local address.
 *
 * <p>The client transport needs this because ice4j's own host harvester skips loopback interfaces, while
 * tests and load generators run client and server on 127.0.0.1. The socket is not handed to the component's
 * merging socket, whose 100-packet queue drops media bursts: the client reads non-STUN datagrams straight from
 * {@link #socket()}, while STUN goes to ice4j's stack through its own filtered view of the same socket.
 */
final class BoundAddressHarvester implements CandidateHarvester {

    private final InetAddress address;
    private final int receiveBufferBytes;
    private final HarvestStatistics statistics = new HarvestStatistics();
    private volatile MultiplexingDatagramSocket socket;

    BoundAddressHarvester(InetAddress address, int receiveBufferBytes) {
        this.address = address;
        this.receiveBufferBytes = receiveBufferBytes;
    }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        MultiplexingDatagramSocket bound;
        try {
            bound = new MultiplexingDatagramSocket(0, address);
            // The kernel caps this at net.core.rmem_max; the default (about 200 KB) overflows on media bursts.
            bound.setReceiveBufferSize(receiveBufferBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP socket on " + address, e);
        }
        socket = bound;
        IceSocketWrapper wrapper = new IceUdpSocketWrapper(bound);
        HostCandidate candidate = new HostCandidate(wrapper, component, Transport.UDP);
        component.addLocalCandidate(candidate);
        candidate.getStunStack().addSocket(candidate.getStunSocket(null));
        return List.of(candidate);
    }

    /** The harvested socket: its plain {@code receive} yields every datagram that is not STUN. */
    MultiplexingDatagramSocket socket() {
        return socket;
    }

    @Override
    public HarvestStatistics getHarvestStatistics() {
        return statistics;
    }

    @Override
    public boolean isHostHarvester() {
        return true;
    }
}
