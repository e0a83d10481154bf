package dev.switchyard.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.dtls.DtlsRecordFilter;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.dtls.DtlsSession;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceConnection;
import dev.switchyard.transport.ice.IceParameters;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * One WebRTC transport: ICE, then DTLS 1.2 on the selected pair, then SRTP/SRTCP keyed from it, all on one
 * 5-tuple with rtcp-mux (RFC 8834 §4.4, RFC 5764).
 *
 * <p>The server side is the controlled ICE agent on the shared media port; the client side is the
 * controlling agent on its own port. The DTLS role is independent of that and comes from {@code a=setup}.
 * An ICE restart replaces the ICE connection underneath while DTLS and SRTP carry on.
 *
 * <p>Threads: received packets arrive on one ICE reader thread and are handed to the listener on it, in a
 * buffer the transport reuses. {@link #sendRtp}/{@link #sendRtcp} may be called from any thread.
 */
public final class WebRtcTransport implements AutoCloseable {

    /** What a transport reports. Packet callbacks run on the receiving thread and must not keep the buffer. */
    public interface Listener {
        /** DTLS completed and SRTP keys are in place: media can flow both ways. */
        void onConnected(WebRtcTransport transport);

        /** A decrypted RTP packet. */
        void onRtp(WebRtcTransport transport, PacketBuffer packet);

        /** A decrypted RTCP compound packet. */
        void onRtcp(WebRtcTransport transport, PacketBuffer packet);

        /** The transport is closed and its resources are freed; called once. */
        void onClosed(WebRtcTransport transport, String reason);

        /**
         * One record of DTLS application data: an SCTP packet of the connection's data channels (RFC 8261).
         * Transports that negotiated no data channel ignore it.
         */
        default void onApplicationData(WebRtcTransport transport, byte[] buffer, int offset, int length) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WebRtcTransport.class);
    private static final int RECEIVE_CAPACITY = 1500;
    /** How long a replaced ICE connection keeps receiving: the peer may switch pairs a little later than us. */
    private static final long RETIRED_ICE_GRACE_MILLIS = 2000;

    private final TransportContext context;
    private final ServerIcePorts serverPorts;
    private final InetAddress clientBindAddress;
    private final Listener listener;
    private final TransportStats stats = new TransportStats();
    private final PacketBuffer receiveBuffer = PacketBuffer.allocate(RECEIVE_CAPACITY);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean dtlsStarted = new AtomicBoolean();
    private final Object receiveLock = new Object();
    private final ScheduledFuture<?> liveness;

    private volatile IceConnection activeIce;
    private volatile IceConnection pendingIce;
    private final Set<IceConnection> retiredIce = ConcurrentHashMap.newKeySet();
    private volatile DtlsSession dtls;
    private volatile DtlsRole dtlsRole;
    /** Set once ICE connected the active pair: DTLS may run from then on. */
    private volatile boolean iceConnected;
    /** Set once a pair passed its check, before the peer nominated one: DTLS may run already (RFC 8445 §12.1). */
    private volatile boolean iceUsable;
    /** Set by the peer's first ClientHello: a DTLS server has something to answer from then on. */
    private volatile boolean clientHelloSeen;
    private final long createdNanos = System.nanoTime();
    private volatile SrtpSession srtp;
    /** When the peer last sent a packet that authenticated under its SRTP keys. */
    private volatile long lastAuthenticNanos = System.nanoTime();

    private WebRtcTransport(TransportContext context, ServerIcePorts serverPorts, InetAddress clientBindAddress,
                            Listener listener) throws IOException {
        this.context = context;
        this.serverPorts = serverPorts;
        this.clientBindAddress = clientBindAddress;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.activeIce = newIceConnection();
        long period = Math.max(100, Math.min(1000, context.settings().consentTimeout().toMillis() / 4));
        this.liveness = context.timer().scheduleWithFixedDelay(this::checkLiveness, period, period,
                TimeUnit.MILLISECONDS);
    }

    /** A server-side transport on the shared media ports (controlled ICE agent). */
    public static WebRtcTransport server(TransportContext context, ServerIcePorts ports, Listener listener)
            throws IOException {
        return new WebRtcTransport(context, Objects.requireNonNull(ports, "ports"), null, listener);
    }

    /** A client-side transport on an ephemeral port of {@code bindAddress} (controlling ICE agent). */
    public static WebRtcTransport client(TransportContext context, InetAddress bindAddress, Listener listener)
            throws IOException {
        return new WebRtcTransport(context, null, Objects.requireNonNull(bindAddress, "bindAddress"), listener);
    }

    private IceConnection newIceConnection() throws IOException {
        IceConnection.Listener iceListener = new IceEvents();
        return serverPorts != null
                ? IceConnection.forServer(serverPorts, iceListener)
                : IceConnection.forClient(context.settings().ice(), clientBindAddress, iceListener);
    }

    /** This side's ICE credentials, candidates and certificate fingerprint, to signal to the peer. */
    public TransportDescription localDescription() {
        IceConnection ice = pendingIce != null ? pendingIce : activeIce;
        return new TransportDescription(ice.localParameters(), ice.localCandidates(),
                context.certificate().fingerprint());
    }

    /**
     * Starts connecting to the peer.
     *
     * @param remote the peer's ICE credentials, candidates and the fingerprint its certificate must match
     * @param localDtlsRole this side's DTLS role, from the negotiated {@code a=setup}
     */
    public void connect(TransportDescription remote, DtlsRole localDtlsRole) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(localDtlsRole, "localDtlsRole");
        if (dtls != null) {
            throw new IllegalStateException("connect() was already called");
        }
        dtlsRole = localDtlsRole;
        dtls = new DtlsSession(localDtlsRole, context.certificate(), remote.fingerprint(),
                context.settings().srtpProfiles(), context.settings().handshakeTimeout(), this::sendDatagram,
                new DtlsEvents());
        activeIce.connect(remote.ice(), remote.candidates());
    }

    /** Adds a trickled remote candidate. */
    public void addRemoteCandidate(IceCandidate candidate) {
        IceConnection ice = pendingIce != null ? pendingIce : activeIce;
        ice.addRemoteCandidate(candidate);
    }

    /**
     * Begins an ICE restart (RFC 8445 §9): a new ICE connection with new credentials, returned for signalling.
     * The current connection keeps carrying media until the new one is connected.
     */
    public TransportDescription beginIceRestart() throws IOException {
        IceConnection previous = pendingIce;
        pendingIce = newIceConnection();
        if (previous != null) {
            previous.close();
        }
        return localDescription();
    }

    /** Whether {@link #beginIceRestart} was called and the peer's new credentials are still awaited or checking. */
    public boolean isIceRestarting() {
        return pendingIce != null;
    }

    /** Completes an ICE restart with the peer's new credentials and candidates. */
    public void completeIceRestart(IceParameters remote, List<IceCandidate> remoteCandidates) {
        IceConnection pending = pendingIce;
        if (pending == null) {
            throw new IllegalStateException("no ICE restart in progress");
        }
        pending.connect(remote, remoteCandidates);
    }

    /** Protects an RTP packet in place and sends it. Returns false when it was dropped (counted). */
    public boolean sendRtp(PacketBuffer packet) {
        SrtpSession session = srtp;
        if (session == null || !session.protectRtp(packet) || !sendProtected(packet)) {
            stats.sendFailures.incrementAndGet();
            return false;
        }
        stats.rtpSent.incrementAndGet();
        return true;
    }

    /** Protects an RTCP compound packet in place and sends it. Returns false when it was dropped (counted). */
    public boolean sendRtcp(PacketBuffer packet) {
        SrtpSession session = srtp;
        if (session == null || !session.protectRtcp(packet) || !sendProtected(packet)) {
            stats.sendFailures.incrementAndGet();
            return false;
        }
        stats.rtcpSent.incrementAndGet();
        return true;
    }

    /** Sends one record of DTLS application data (an SCTP packet). False when it was dropped (counted). */
    public boolean sendApplicationData(byte[] buffer, int offset, int length) {
        DtlsSession session = dtls;
        if (session == null || closed.get() || !session.sendApplicationData(buffer, offset, length)) {
            stats.sendFailures.incrementAndGet();
            return false;
        }
        return true;
    }

    /** The largest application data one DTLS record carries, or 0 before DTLS is up. */
    public int applicationDataLimit() {
        DtlsSession session = dtls;
        return session == null ? 0 : session.applicationDataLimit();
    }

    private boolean sendProtected(PacketBuffer packet) {
        try {
            return activeIce.send(packet.buffer(), packet.offset(), packet.length());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Starts the handshake once ICE has a usable pair, and as a DTLS server only once the peer's ClientHello
     * came: a handshake holds a thread while it runs, and a peer that connects ICE but never sends a ClientHello
     * must not hold one (the connect deadline closes such a transport).
     */
    private void startDtlsWhenDue() {
        boolean due = (iceConnected || iceUsable) && (dtlsRole == DtlsRole.CLIENT || clientHelloSeen);
        if (due && dtlsStarted.compareAndSet(false, true)) {
            dtls.start(context.handshakeExecutor());
        }
    }

    /**
     * Sends a datagram as is on the selected pair: DTLS records, and raw bytes in robustness tests. A datagram
     * dropped for a full send buffer is only counted: to DTLS it is a lost datagram, which it retransmits.
     */
    void sendDatagram(byte[] buffer, int offset, int length) throws IOException {
        if (!activeIce.send(buffer, offset, length)) {
            stats.sendFailures.incrementAndGet();
        }
    }

    public boolean isConnected() {
        return srtp != null && !closed.get();
    }

    public boolean isClosed() {
        return closed.get();
    }

    public TransportStats stats() {
        return stats;
    }

    /** The SRTP session, once keyed; its counters hold authentication and replay drops. */
    public SrtpSession srtpSession() {
        return srtp;
    }

    /** The peer's address on the selected ICE pair, or null. */
    public InetSocketAddress remoteAddress() {
        return activeIce.remoteAddress();
    }

    /** The local ICE credentials in use, which change with every ICE restart. */
    public IceParameters activeIceParameters() {
        return activeIce.localParameters();
    }

    /** The ICE connection media currently flows on; tests cut it to simulate a peer that vanished. */
    IceConnection activeIceConnection() {
        return activeIce;
    }

    @Override
    public void close() {
        close("closed locally");
    }

    private void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        LOG.debug("transport closing: {}", reason);
        liveness.cancel(false);
        DtlsSession session = dtls;
        if (session != null) {
            session.close();
        }
        IceConnection pending = pendingIce;
        if (pending != null) {
            pending.close();
        }
        retiredIce.forEach(IceConnection::close);
        activeIce.close();
        listener.onClosed(this, reason);
    }

    private void retire(IceConnection previous) {
        retiredIce.add(previous);
        context.timer().schedule(() -> {
            retiredIce.remove(previous);
            previous.close();
        }, RETIRED_ICE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Closes a transport that did not become ready for media within the connect timeout, and a ready one once
     * the peer has shown no sign of life for the consent timeout. A consent
     * confirmation (RFC 7675) is one sign; an authenticated SRTP or SRTCP packet is another, since only the peer
     * holding the keys can send one: ice4j sometimes records no confirmation for a pair whose peer is plainly
     * there, and a peer that goes away stops both.
     */
    private void checkLiveness() {
        if (srtp == null) {
            long waitedMillis = (System.nanoTime() - createdNanos) / 1_000_000;
            if (waitedMillis > context.settings().connectTimeout().toMillis()) {
                close("not ready for media " + waitedMillis + " ms after it was created (ICE "
                        + (iceConnected ? "connected" : "not connected") + ", DTLS "
                        + (dtlsStarted.get() ? "not finished" : "not started") + ")");
            }
            return;
        }
        IceConnection ice = activeIce;
        if (!ice.isConnected()) {
            return;
        }
        long sinceAuthentic = (System.nanoTime() - lastAuthenticNanos) / 1_000_000;
        long silentMillis = Math.min(ice.millisSinceConsent(), sinceAuthentic);
        if (silentMillis > context.settings().consentTimeout().toMillis()) {
            close("ICE consent expired (RFC 7675): no consent response and no authenticated packet for "
                    + silentMillis + " ms");
        }
    }

    private void onDatagram(IceConnection via, InetSocketAddress source, byte[] buffer, int offset, int length) {
        switch (PacketKind.classify(buffer, offset, length)) {
            case DTLS -> {
                DtlsSession session = dtls;
                if (session != null) {
                    session.receive(buffer, offset, length);
                    if (!clientHelloSeen && DtlsRecordFilter.isClientHello(buffer, offset, length)) {
                        clientHelloSeen = true;
                        startDtlsWhenDue();
                    }
                }
            }
            case RTP -> receiveSrtp(via, source, buffer, offset, length, false);
            case RTCP -> receiveSrtp(via, source, buffer, offset, length, true);
            default -> stats.droppedUnknownKind.incrementAndGet();
        }
    }

    private void receiveSrtp(IceConnection via, InetSocketAddress source, byte[] buffer, int offset, int length,
                             boolean rtcp) {
        SrtpSession session = srtp;
        if (session == null) {
            stats.droppedBeforeKeys.incrementAndGet();
            return;
        }
        if (length > receiveBuffer.capacity()) {
            stats.droppedOversized.incrementAndGet();
            return;
        }
        synchronized (receiveLock) {
            receiveBuffer.copyFrom(buffer, offset, length);
            boolean authentic = rtcp ? session.unprotectRtcp(receiveBuffer) : session.unprotectRtp(receiveBuffer);
            if (!authentic) {
                stats.droppedUnprotectFailed.incrementAndGet();
                return;
            }
            lastAuthenticNanos = System.nanoTime();
            if (serverPorts != null) {
                // Only the peer holds the keys: its media may lead the way to a rebound NAT port.
                via.confirmSource(source);
            }
            if (rtcp) {
                stats.rtcpReceived.incrementAndGet();
                listener.onRtcp(this, receiveBuffer);
            } else {
                stats.rtpReceived.incrementAndGet();
                listener.onRtp(this, receiveBuffer);
            }
        }
    }

    /** ICE events of both the active connection and one being restarted. */
    private final class IceEvents implements IceConnection.Listener {
        @Override
        public void onConnected(IceConnection connection) {
            if (connection == pendingIce) {
                IceConnection previous = activeIce;
                activeIce = connection;
                pendingIce = null;
                retire(previous);
                return;
            }
            if (connection == activeIce) {
                iceConnected = true;
                startDtlsWhenDue();
            }
        }

        @Override
        public void onValidPair(IceConnection connection) {
            if (connection == activeIce) {
                iceUsable = true;
                startDtlsWhenDue();
            }
        }

        @Override
        public void onFailed(IceConnection connection, String reason) {
            if (connection == activeIce) {
                close(reason);
            } else if (connection == pendingIce) {
                LOG.info("ICE restart failed, keeping the previous connection: {}", reason);
            }
        }

        @Override
        public void onPacket(IceConnection connection, byte[] buffer, int offset, int length,
                             InetSocketAddress source) {
            onDatagram(connection, source, buffer, offset, length);
        }
    }

    private final class DtlsEvents implements DtlsSession.Listener {
        @Override
        public void onHandshakeComplete(SrtpKeyingMaterial keys) {
            srtp = new SrtpSession(keys);
            listener.onConnected(WebRtcTransport.this);
        }

        @Override
        public void onHandshakeFailed(Exception cause) {
            close("DTLS handshake failed: " + cause.getMessage());
        }

        @Override
        public void onClosed() {
            close("DTLS session closed by the peer");
        }

        @Override
        public void onApplicationData(byte[] buffer, int offset, int length) {
            listener.onApplicationData(WebRtcTransport.this, buffer, offset, length);
        }
    }
}
