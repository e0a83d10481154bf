package dev.switchyard.transport.ice;

import java.beans.PropertyChangeEvent;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import org.ice4j.TransportAddress;
import org.ice4j.ice.Agent;
import org.ice4j.ice.CandidatePair;
import org.ice4j.ice.CandidateTcpType;
import org.ice4j.ice.CandidateType;
import org.ice4j.ice.Component;
import org.ice4j.ice.IceMediaStream;
import org.ice4j.ice.IceProcessingState;
import org.ice4j.ice.KeepAliveStrategy;
import org.ice4j.ice.LocalCandidate;
import org.ice4j.ice.RemoteCandidate;
import org.ice4j.ice.harvest.CandidateHarvester;

/**
 * One ICE session (RFC 8445) with one component, rtcp-mux and BUNDLE being mandatory here: an ice4j agent that
 * reaches a selected pair and then carries every non-STUN packet of a WebRTC transport.
 *
 * <p>A server connection is the controlled agent on the shared {@link ServerIcePorts}; received packets are
 * handed to the listener on the media worker that received them. A client connection is the controlling agent
 * on its own ephemeral port, with one reader thread. An ICE restart replaces the whole connection (new
 * credentials, new agent) while the DTLS and SRTP state above it stays.
 */
public final class IceConnection implements AutoCloseable {

    /** What an ICE connection reports. Calls come from ice4j's threads or the client reader thread. */
    public interface Listener {
        /** A pair was selected; {@link #send} now reaches the peer. */
        void onConnected(IceConnection connection);

        /**
         * A server connection's first pair passed its check: {@link #send} reaches the peer already, before the
         * peer nominates a pair (RFC 8445 §12.1), which a browser does only with its next check, tens of
         * milliseconds later.
         */
        default void onValidPair(IceConnection connection) {
        }

        /** Connectivity establishment failed; the connection is unusable. */
        void onFailed(IceConnection connection, String reason);

        /**
         * A non-STUN datagram arrived from {@code from} (on a server connection the same object for every datagram
         * of one remote address); the buffer is only valid during the call.
         */
        void onPacket(IceConnection connection, byte[] buffer, int offset, int length, InetSocketAddress from);
    }

    private static final int COMPONENT_ID = Component.RTP;
    private static final int MAX_DATAGRAM = 2048;

    private final Agent agent;
    private final Component component;
    private final IceMediaStream stream;
    private final Listener listener;
    private final ServerIcePorts serverPorts;
    private final BoundAddressHarvester clientHarvester;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean connected = new AtomicBoolean();
    private volatile long lastConsentNanos;
    private volatile Thread clientReader;
    /** The peer's address as its authenticated media last showed it, once that differed from the selected pair. */
    private volatile InetSocketAddress latchedRemote;
    /** The peer's address on the first pair that passed its check, where data goes until one is selected. */
    private volatile InetSocketAddress validRemote;
    /** The source {@link #confirmSource} last looked at: the same object again needs no further work. */
    private volatile InetSocketAddress confirmedSource;

    private IceConnection(Agent agent, Component component, Listener listener, ServerIcePorts serverPorts,
                          BoundAddressHarvester clientHarvester) {
        this.agent = agent;
        this.component = component;
        this.stream = component.getParentStream();
        this.listener = listener;
        this.serverPorts = serverPorts;
        this.clientHarvester = clientHarvester;
        this.lastConsentNanos = System.nanoTime();
        agent.addStateChangeListener(this::onAgentStateChange);
        stream.addPairChangeListener(this::onPairChange);
    }

    /** A controlled agent on the server's shared media ports. */
    public static IceConnection forServer(ServerIcePorts ports, Listener listener) throws IOException {
        Agent agent = newAgent(false, ports.harvesters());
        // The component socket stays for ICE-TCP, which ice4j delivers there.
        Component component = createComponent(agent, true);
        IceConnection connection = new IceConnection(agent, component, listener, ports, null);
        for (LocalCandidate candidate : component.getLocalCandidates()) {
            if (candidate instanceof SharedPortCandidate shared) {
                shared.attach(connection::onSharedPortDatagram);
            }
        }
        return connection;
    }

    /** A controlling agent on an ephemeral UDP port of {@code bindAddress}. */
    public static IceConnection forClient(IceSettings settings, InetAddress bindAddress, Listener listener)
            throws IOException {
        settings.apply();
        BoundAddressHarvester harvester = new BoundAddressHarvester(bindAddress, settings.udpReceiveBufferBytes());
        Agent agent = newAgent(true, List.of(harvester));
        Component component = createComponent(agent, false);
        return new IceConnection(agent, component, listener, null, harvester);
    }

    private static Agent newAgent(boolean controlling, List<CandidateHarvester> harvesters) {
        Agent agent = new Agent(UfragPrefix.next(), null);
        agent.setControlling(controlling);
        agent.setUseDynamicPorts(false);
        agent.setPerformConsentFreshness(true);
        harvesters.forEach(agent::addCandidateHarvester);
        return agent;
    }

    private static Component createComponent(Agent agent, boolean useComponentSocket) throws IOException {
        IceMediaStream stream = agent.createMediaStream("bundle");
        try {
            return agent.createComponent(stream, KeepAliveStrategy.SELECTED_ONLY, useComponentSocket);
        } catch (IOException | RuntimeException e) {
            agent.free();
            throw e;
        }
    }

    private void onSharedPortDatagram(byte[] data, int offset, int length, InetSocketAddress from) {
        if (!closed.get()) {
            listener.onPacket(this, data, offset, length, from);
        }
    }

    /**
     * A datagram from {@code source}, as given to {@link Listener#onPacket}, authenticated (SRTP/SRTCP under the
     * session's keys): if it came from another address than the one media goes to, the peer's NAT has rebound
     * its port (or the peer moved), and media follows it there (RFC 8445 §7.3.1.4 lets a new peer-reflexive
     * address in; the authentication is what makes following it safe). A straggler from the old address would
     * move media back until the next packet from the new one. Server connections only.
     */
    public void confirmSource(InetSocketAddress source) {
        if (source == confirmedSource) {
            return;
        }
        confirmedSource = source;
        InetSocketAddress current = remoteAddress();
        if (current != null && !source.equals(current)) {
            latchedRemote = source;
        }
    }

    /** This side's ICE credentials. */
    public IceParameters localParameters() {
        return new IceParameters(agent.getLocalUfrag(), agent.getLocalPassword());
    }

    /** This side's candidates, with the server's advertised address where one is configured. */
    public List<IceCandidate> localCandidates() {
        List<IceCandidate> candidates = new ArrayList<>();
        for (LocalCandidate local : component.getLocalCandidates()) {
            TransportAddress address = local.getTransportAddress();
            boolean tcp = address.getTransport() == org.ice4j.Transport.TCP;
            InetSocketAddress signalled = serverPorts == null ? address : serverPorts.advertised(address);
            candidates.add(new IceCandidate(local.getFoundation(), COMPONENT_ID,
                    tcp ? IceCandidate.Transport.TCP : IceCandidate.Transport.UDP, local.getPriority(), signalled,
                    IceCandidate.Type.HOST, tcp ? tcpTypeName(local.getTcpType()) : null));
        }
        return candidates;
    }

    private static String tcpTypeName(CandidateTcpType type) {
        return type == null ? "passive" : type.toString();
    }

    /**
     * Starts connectivity establishment towards the peer.
     *
     * <p>The server does not pair the peer's candidates: with the single port harvester it cannot originate
     * checks, and it learns the peer's address as peer-reflexive from the peer's first check, which also
     * covers clients behind NAT.
     */
    public void connect(IceParameters remote, List<IceCandidate> remoteCandidates) {
        Objects.requireNonNull(remote, "remote");
        stream.setRemoteUfrag(remote.usernameFragment());
        stream.setRemotePassword(remote.password());
        if (agent.isControlling()) {
            for (IceCandidate candidate : remoteCandidates) {
                addRemote(candidate);
            }
        }
        agent.startConnectivityEstablishment();
    }

    /** Adds a trickled remote candidate after {@link #connect}. */
    public void addRemoteCandidate(IceCandidate candidate) {
        if (agent.isControlling() && addRemote(candidate)) {
            component.updateRemoteCandidates();
        }
    }

    private boolean addRemote(IceCandidate candidate) {
        if (candidate.transport() != IceCandidate.Transport.UDP || candidate.componentId() != COMPONENT_ID) {
            return false;
        }
        RemoteCandidate remote = new RemoteCandidate(
                new TransportAddress(candidate.address(), org.ice4j.Transport.UDP), component,
                CandidateType.HOST_CANDIDATE, candidate.foundation(), candidate.priority(), null);
        if (agent.isStarted()) {
            component.addUpdateRemoteCandidates(remote);
        } else {
            component.addRemoteCandidate(remote);
        }
        return true;
    }

    /**
     * Sends a datagram on the selected pair. A server's UDP pair sends straight from the shared port; ICE-TCP
     * and client connections go through ice4j.
     *
     * @return false if the datagram was dropped because the socket's send buffer is full
     * @throws IOException if no pair is selected or the socket failed
     */
    public boolean send(byte[] buffer, int offset, int length) throws IOException {
        CandidatePair pair = component.getSelectedPair();
        if (serverPorts != null && pair != null
                && pair.getLocalCandidate().getTransport() == org.ice4j.Transport.UDP) {
            InetSocketAddress latched = latchedRemote;
            return serverPorts.udpPort().send(buffer, offset, length,
                    latched != null ? latched : pair.getRemoteCandidate().getTransportAddress());
        }
        InetSocketAddress valid = validRemote;
        if (pair == null && valid != null) {
            return serverPorts.udpPort().send(buffer, offset, length, valid);
        }
        component.send(buffer, offset, length);
        return true;
    }

    /**
     * Where media goes: the address the peer's authenticated media last came from if that moved away from the
     * selected pair (see {@link #confirmSource}), else the peer's address on the selected pair, or null before
     * one is selected.
     */
    public InetSocketAddress remoteAddress() {
        InetSocketAddress latched = latchedRemote;
        if (latched != null) {
            return latched;
        }
        CandidatePair pair = component.getSelectedPair();
        return pair == null ? null : pair.getRemoteCandidate().getTransportAddress();
    }

    /**
     * Milliseconds since the peer last confirmed consent (RFC 7675): the newer of what ice4j recorded on the
     * selected pair and what its consent events reported, since either alone can miss a confirmation (the pair
     * object may change under a peer-reflexive remote).
     */
    public long millisSinceConsent() {
        long sinceEvent = (System.nanoTime() - lastConsentNanos) / 1_000_000;
        CandidatePair pair = component.getSelectedPair();
        long confirmedAt = pair == null ? CandidatePair.CONSENT_FRESHNESS_UNKNOWN : pair.getConsentFreshness();
        if (confirmedAt <= 0) {
            return sinceEvent;
        }
        return Math.min(sinceEvent, System.currentTimeMillis() - confirmedAt);
    }

    public boolean isConnected() {
        return connected.get() && !closed.get();
    }

    private void onAgentStateChange(PropertyChangeEvent event) {
        if (!Agent.PROPERTY_ICE_PROCESSING_STATE.equals(event.getPropertyName()) || closed.get()) {
            return;
        }
        IceProcessingState state = (IceProcessingState) event.getNewValue();
        if (state == IceProcessingState.COMPLETED && connected.compareAndSet(false, true)) {
            lastConsentNanos = System.nanoTime();
            if (agent.isControlling()) {
                startClientReader();
            }
            listener.onConnected(this);
        } else if (state == IceProcessingState.FAILED) {
            listener.onFailed(this, "ICE connectivity checks failed");
        }
    }

    private void onPairChange(PropertyChangeEvent event) {
        // Only the selected pair is kept alive (KeepAliveStrategy.SELECTED_ONLY), so any confirmation is for it.
        if (IceMediaStream.PROPERTY_PAIR_CONSENT_FRESHNESS_CHANGED.equals(event.getPropertyName())) {
            lastConsentNanos = System.nanoTime();
        } else if (IceMediaStream.PROPERTY_PAIR_VALIDATED.equals(event.getPropertyName())
                && event.getSource() instanceof CandidatePair pair && serverPorts != null && validRemote == null
                && pair.getLocalCandidate().getTransport() == org.ice4j.Transport.UDP && !closed.get()) {
            validRemote = pair.getRemoteCandidate().getTransportAddress();
            listener.onValidPair(this);
        }
    }

    private void startClientReader() {
        Thread reader = new Thread(this::readClientSocket, "ice-client-" + agent.getLocalUfrag());
        reader.setDaemon(true);
        clientReader = reader;
        reader.start();
    }

    private void readClientSocket() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            while (!closed.get()) {
                packet.setData(buffer, 0, buffer.length);
                clientHarvester.socket().receive(packet);
                listener.onPacket(this, packet.getData(), packet.getOffset(), packet.getLength(),
                        (InetSocketAddress) packet.getSocketAddress());
            }
        } catch (SocketException e) {
            if (!closed.get()) {
                listener.onFailed(this, "socket closed: " + e.getMessage());
            }
        } catch (IOException e) {
            if (!closed.get()) {
                listener.onFailed(this, "receive failed: " + e.getMessage());
            }
        }
    }

    /** Frees the agent, its sockets and its registration on the shared port. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        agent.free();
        Thread reader = clientReader;
        if (reader != null) {
            reader.interrupt();
        }
    }
}
