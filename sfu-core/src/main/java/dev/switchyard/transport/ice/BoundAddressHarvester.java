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
 * tests and load generators run client and server on 127.0.0.1.
 */
final class BoundAddressHarvester implements CandidateHarvester {

    private final InetAddress address;
    private final HarvestStatistics statistics = new HarvestStatistics();

    BoundAddressHarvester(InetAddress address) {
        this.address = address;
    }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        IceSocketWrapper socket;
        try {
            socket = new IceUdpSocketWrapper(new MultiplexingDatagramSocket(0, address));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind a UDP socket on " + address, e);
        }
        HostCandidate candidate = new HostCandidate(socket, component, Transport.UDP);
        component.addLocalCandidate(candidate);
        // Connectivity checks are read by the STUN stack, everything else by the component's socket.
        candidate.getStunStack().addSocket(candidate.getStunSocket(null));
        component.getComponentSocket().add(socket);
        return List.of(candidate);
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
