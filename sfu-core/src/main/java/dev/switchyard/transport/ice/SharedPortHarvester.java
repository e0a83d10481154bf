package dev.switchyard.transport.ice;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.ice4j.Transport;
import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;
import org.ice4j.ice.harvest.HarvestStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.transport.udp.DatagramHandler;
import dev.switchyard.transport.udp.SharedUdpPort;

/**
 * Demultiplexes the shared UDP port between server ICE sessions, as Jitsi Videobridge's single-port harvester
 * does, but on Switchyard's own sockets: a Binding request is routed by the local ufrag in its USERNAME, every
 * other datagram by its source address, which a session claims with its first authenticated-looking check.
 * STUN goes to the session's ice4j agent; DTLS, SRTP and SRTCP go straight to the session's receiver on the
 * media worker that received them.
 */
final class SharedPortHarvester implements CandidateHarvester, DatagramHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SharedPortHarvester.class);

    private final SharedUdpPort port;
    private final TransportAddress localAddress;
    private final Map<String, SharedPortCandidate> candidatesByUfrag = new ConcurrentHashMap<>();
    private final Map<InetSocketAddress, RemoteStunSocket> remotes = new ConcurrentHashMap<>();
    private final HarvestStatistics statistics = new HarvestStatistics();
    private final AtomicLong droppedUnknownSource = new AtomicLong();
    private final AtomicLong droppedUnknownUfrag = new AtomicLong();
    private final AtomicLong rejectedUnauthenticated = new AtomicLong();

    SharedPortHarvester(SharedUdpPort port) {
        this.port = port;
        this.localAddress = new TransportAddress(port.localAddress(), Transport.UDP);
    }

    SharedUdpPort port() {
        return port;
    }

    /** ICE sessions with a candidate on the shared port now: one per open server transport. */
    int sessions() {
        return candidatesByUfrag.size();
    }

    /** Remote addresses whose datagrams are routed to a session now. */
    int remoteAddresses() {
        return remotes.size();
    }

    @Override
    public Collection<LocalCandidate> harvest(Component component) {
        IceMediaStream stream = component.getParentStream();
        Agent agent = stream.getParentAgent();
        String ufrag = agent.getLocalUfrag();
        SharedPortCandidate candidate = new SharedPortCandidate(this, localAddress, component, ufrag);
        candidatesByUfrag.put(ufrag, candidate);
        component.addLocalCandidate(candidate);
        return List.of(candidate);
    }

    @Override
    public void onDatagram(byte[] data, int offset, int length, InetSocketAddress from) {
        if (Stun.isStun(data, offset, length)) {
            onStun(data, offset, length, from);
            return;
        }
        RemoteStunSocket remote = remotes.get(from);
        // The claimed socket's address, one object per remote, lets the session compare sources by reference.
        if (remote == null || !remote.candidate().deliver(data, offset, length, remote.remote())) {
            droppedUnknownSource.incrementAndGet();
        }
    }

    private void onStun(byte[] data, int offset, int length, InetSocketAddress from) {
        RemoteStunSocket remote = remotes.get(from);
        String ufrag = StunBindingRequest.localUfrag(data, offset, length);
        if (ufrag != null && !StunBindingRequest.hasMessageIntegrity(data, offset, length)) {
            answerUnauthenticated(data, offset, from, ufrag);
            return;
        }
        if (ufrag != null && (remote == null || !remote.candidate().ufrag().equals(ufrag))) {
            // A new address of a peer, or a known address checking another session (an ICE restart).
            SharedPortCandidate candidate = candidatesByUfrag.get(ufrag);
            if (candidate == null) {
                droppedUnknownUfrag.incrementAndGet();
                return;
            }
            remote = accept(candidate, from);
        }
        if (remote == null) {
            droppedUnknownSource.incrementAndGet();
            return;
        }
        remote.offer(data, offset, length);
    }

    /** A check that names a session but cannot be authenticated gets 400; unknown ufrags get no answer. */
    private void answerUnauthenticated(byte[] data, int offset, InetSocketAddress from, String ufrag) {
        if (!candidatesByUfrag.containsKey(ufrag)) {
            droppedUnknownUfrag.incrementAndGet();
            return;
        }
        rejectedUnauthenticated.incrementAndGet();
        byte[] response = StunBadRequest.answering(data, offset);
        try {
            port.send(response, 0, response.length, from);
        } catch (IOException e) {
            LOG.debug("cannot answer an unauthenticated check from {}: {}", from, e.toString());
        }
    }

    private RemoteStunSocket accept(SharedPortCandidate candidate, InetSocketAddress from) {
        try {
            return candidate.acceptRemote(from);
        } catch (SocketException e) {
            LOG.warn("cannot accept ICE checks from {}: {}", from, e.toString());
            return null;
        }
    }

    /** {@code remote}'s datagrams go to the session of {@code socket} from now on. */
    void claim(InetSocketAddress remote, RemoteStunSocket socket) {
        remotes.put(remote, socket);
    }

    /** A session is over: its ufrag no longer routes checks. */
    void forget(SharedPortCandidate candidate) {
        candidatesByUfrag.remove(candidate.ufrag(), candidate);
    }

    /** An address no longer belongs to a session, unless another one has claimed it since. */
    void forget(InetSocketAddress remote, RemoteStunSocket socket) {
        remotes.remove(remote, socket);
    }

    /** Datagrams dropped because no session claimed their source address. */
    long droppedUnknownSource() {
        return droppedUnknownSource.get();
    }

    /** Binding requests without MESSAGE-INTEGRITY answered with 400. */
    long rejectedUnauthenticated() {
        return rejectedUnauthenticated.get();
    }

    /** Binding requests dropped because their USERNAME named no session. */
    long droppedUnknownUfrag() {
        return droppedUnknownUfrag.get();
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
