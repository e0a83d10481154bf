package dev.switchyard.transport.dtls;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpProfile;

/**
 * One DTLS-SRTP association (RFC 5764) over a transport's selected ICE pair: a DTLS 1.2 handshake that
 * authenticates the peer by its SDP fingerprint and yields SRTP keys.
 *
 * <p>The transport passes every DTLS datagram (first byte 20–63, RFC 7983 §7) to {@link #receive}, which copies
 * it and never blocks. The handshake runs on a thread of the executor given to {@link #start}, blocking on those
 * copies as Bouncy Castle's handshake code requires, for at most the handshake timeout. Once established no
 * thread is held: later records (a retransmitted final flight the peer still waits an answer to, close_notify,
 * alerts, application data) are processed inside {@link #receive} on the caller's thread, or on the handshake
 * thread for records that arrived while it ran. Application data (SCTP for data channels, RFC 8261) goes to the
 * listener; {@link #sendApplicationData} sends it.
 *
 * <p>Listener calls: exactly one of {@code onHandshakeComplete} or {@code onHandshakeFailed}, unless
 * {@link #close()} comes first; then {@code onClosed} at most once, after {@link #close()} or when the peer
 * closes (close_notify or a fatal alert). A failed handshake is not followed by {@code onClosed}. Thread-safe.
 */
public final class DtlsSession {

    /** Listener of the session's life cycle; called on the handshake thread or a {@link #receive} caller. */
    public interface Listener {
        /** The peer is authenticated and these are the SRTP keys, local and remote by our role. */
        void onHandshakeComplete(SrtpKeyingMaterial keys);

        /** The handshake failed (timeout, fingerprint mismatch, no common profile, protocol error); no keys. */
        void onHandshakeFailed(Exception cause);

        /** The association ended: the peer closed it, or {@link #close()} was called. */
        void onClosed();

        /**
         * One record of application data from the peer, in a buffer the session reuses: copy what is kept. Called
         * only after {@code onHandshakeComplete}, one record at a time.
         */
        void onApplicationData(byte[] buffer, int offset, int length);
    }

    /**
     * Below every path MTU on the Internet once IP, UDP and TURN headers are added; the same size browsers
     * use for their DTLS flights.
     */
    static final int DEFAULT_SEND_LIMIT = 1200;

    /**
     * Never actually waited: once established the transport throws instead of blocking. It only has to be
     * positive, since Bouncy Castle treats 0 as "wait forever".
     */
    private static final int NON_BLOCKING_WAIT_MILLIS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(DtlsSession.class);

    private enum State { NEW, HANDSHAKING, ESTABLISHED, FAILED, CLOSED }

    private final DtlsRole role;
    private final DtlsSrtpHandshake handshake;
    private final QueuedDatagramTransport transport;
    private final Listener listener;
    private final Object stateLock = new Object();
    /** Serialises Bouncy Castle's record layer after the handshake: it is not thread-safe. */
    private final Object recordLock = new Object();
    /** Serialises reading received records, so their application data reaches the listener in order. */
    private final Object deliveryLock = new Object();
    private final AtomicBoolean closedNotified = new AtomicBoolean();

    private volatile State state = State.NEW;
    private DTLSTransport dtls;
    /** Set once the listener knows the keys, so post-handshake events never precede onHandshakeComplete. */
    private volatile boolean processingRecords;
    private byte[] applicationData;

    /**
     * @param profilesInPreferenceOrder SRTP profiles to offer (client) or accept (server), best first
     * @param handshakeTimeout          how long the handshake may take from {@link #start} before it fails
     * @param outbound                  sends our DTLS datagrams to the peer
     */
    public DtlsSession(DtlsRole role, DtlsCertificate localCertificate, CertificateFingerprint remoteFingerprint,
                       List<SrtpProfile> profilesInPreferenceOrder, Duration handshakeTimeout, DatagramSender outbound,
                       Listener listener) {
        this(role, localCertificate, remoteFingerprint, profilesInPreferenceOrder, handshakeTimeout, outbound,
                listener, DEFAULT_SEND_LIMIT);
    }

    /** As the public constructor, with the largest datagram to send (tests use a small one to force fragmentation). */
    DtlsSession(DtlsRole role, DtlsCertificate localCertificate, CertificateFingerprint remoteFingerprint,
                List<SrtpProfile> profilesInPreferenceOrder, Duration handshakeTimeout, DatagramSender outbound,
                Listener listener, int sendLimit) {
        this.role = Objects.requireNonNull(role, "role");
        List<SrtpProfile> profiles = List.copyOf(profilesInPreferenceOrder);
        if (profiles.isEmpty() || EnumSet.copyOf(profiles).size() != profiles.size()) {
            throw new IllegalArgumentException("SRTP profiles must be non-empty and distinct: " + profiles);
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshake timeout must be positive: " + handshakeTimeout);
        }
        this.handshake = new DtlsSrtpHandshake(role, Objects.requireNonNull(localCertificate, "localCertificate"),
                Objects.requireNonNull(remoteFingerprint, "remoteFingerprint"), profiles);
        this.transport = new QueuedDatagramTransport(Objects.requireNonNull(outbound, "outbound"),
                PacketBuffer.MAX_PACKET, sendLimit, handshakeTimeout);
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Starts the handshake on {@code handshakeExecutor}, which must run it on a thread that may block for up to
     * the handshake timeout. Datagrams received before this call are kept for the handshake.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start(Executor handshakeExecutor) {
        synchronized (stateLock) {
            if (state != State.NEW) {
                throw new IllegalStateException("DTLS session cannot start in state " + state);
            }
            state = State.HANDSHAKING;
        }
        handshakeExecutor.execute(this::runHandshake);
    }

    /**
     * Hands over one DTLS datagram. Copies it and returns at once during the handshake; afterwards processes it
     * here (answering a retransmitted final flight, noticing close_notify). Never throws for any content.
     */
    public void receive(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        State current = state;
        if (current == State.FAILED || current == State.CLOSED
                || !DtlsRecordFilter.isWellFramed(buffer, offset, length)) {
            return;
        }
        transport.offer(buffer, offset, length);
        if (processingRecords) {
            processQueuedRecords();
        }
    }

    public boolean isEstablished() {
        return state == State.ESTABLISHED;
    }

    /**
     * Sends one record of application data. False if the session is not established, the data is larger than
     * {@link #applicationDataLimit()}, or the datagram could not be sent (to the caller, a lost packet).
     */
    public boolean sendApplicationData(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (state != State.ESTABLISHED) {
            return false;
        }
        synchronized (recordLock) {
            DTLSTransport established = dtls;
            try {
                if (state != State.ESTABLISHED || length > established.getSendLimit()) {
                    return false;
                }
                established.send(buffer, offset, length);
                return true;
            } catch (IOException | RuntimeException e) {
                LOG.debug("DTLS {} application data not sent: {}", role, e.getMessage());
                return false;
            }
        }
    }

    /** The largest application data one record carries, or 0 before the handshake completed. */
    public int applicationDataLimit() {
        synchronized (recordLock) {
            DTLSTransport established = dtls;
            try {
                return state == State.ESTABLISHED ? established.getSendLimit() : 0;
            } catch (IOException e) {
                return 0;
            }
        }
    }

    /** Sends close_notify if established, stops the handshake if running, and releases the session. */
    public void close() {
        DTLSTransport established;
        synchronized (stateLock) {
            if (state == State.CLOSED || state == State.FAILED) {
                return;
            }
            state = State.CLOSED;
            established = dtls;
        }
        if (established != null) {
            synchronized (recordLock) {
                closeQuietly(established);
            }
        }
        transport.close();
        notifyClosed();
    }

    private void runHandshake() {
        // The clock starts here: time spent queued for a handshake thread is not the peer's.
        transport.startHandshake();
        DTLSTransport established;
        try {
            established = role == DtlsRole.SERVER ? acceptAsServer() : new DTLSClientProtocol().connect(
                    new DtlsSrtpClient(handshake, this::onPeerClosed), transport);
        } catch (IOException | RuntimeException e) {
            handshakeFailed(e);
            return;
        }
        synchronized (stateLock) {
            if (state != State.HANDSHAKING) {
                closeQuietly(established);
                return;
            }
            dtls = established;
            applicationData = new byte[PacketBuffer.MAX_PACKET];
            transport.switchToNonBlocking();
            state = State.ESTABLISHED;
        }
        notifyListener(() -> listener.onHandshakeComplete(handshake.keys()));
        processingRecords = true;
        processQueuedRecords();
    }

    private DTLSTransport acceptAsServer() throws IOException {
        DTLSServerProtocol protocol = new DTLSServerProtocol();
        // RFC 6347 §4.2.1 cookies defend against amplification by spoofed sources; DTLS here only runs on a pair
        // ICE has already validated (RFC 8445 §7.2.5), so the extra round trip buys nothing.
        protocol.setVerifyRequests(false);
        return protocol.accept(new DtlsSrtpServer(handshake, this::onPeerClosed), transport);
    }

    private void handshakeFailed(Exception cause) {
        synchronized (stateLock) {
            if (state != State.HANDSHAKING) {
                return;
            }
            state = State.FAILED;
        }
        transport.close();
        LOG.debug("DTLS {} handshake failed: {}", role, cause.getMessage());
        notifyListener(() -> listener.onHandshakeFailed(cause));
    }

    /**
     * Reads what is queued, one record at a time. The listener hears of application data outside the record
     * lock, so that it may send (a SCTP SACK in answer) or take its own locks, which a thread sending under them
     * may hold while it waits for the record lock.
     */
    private void processQueuedRecords() {
        synchronized (deliveryLock) {
            try {
                while (state == State.ESTABLISHED && transport.hasQueued()) {
                    int length;
                    synchronized (recordLock) {
                        length = dtls.receive(applicationData, 0, applicationData.length, NON_BLOCKING_WAIT_MILLIS);
                    }
                    if (length >= 0) {
                        byte[] data = applicationData;
                        notifyListener(() -> listener.onApplicationData(data, 0, length));
                    }
                }
            } catch (QueuedDatagramTransport.Drained e) {
                // Every queued datagram has been processed.
            } catch (IOException | RuntimeException e) {
                LOG.debug("DTLS {} connection ended: {}", role, e.getMessage());
                onPeerClosed();
            }
        }
    }

    /** The peer sent close_notify or a fatal alert after the handshake. */
    private void onPeerClosed() {
        synchronized (stateLock) {
            if (state != State.ESTABLISHED) {
                return;
            }
            state = State.CLOSED;
        }
        transport.close();
        notifyClosed();
    }

    private void notifyClosed() {
        if (closedNotified.compareAndSet(false, true)) {
            notifyListener(listener::onClosed);
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("DTLS session listener failed", e);
        }
    }

    private static void closeQuietly(DTLSTransport established) {
        try {
            established.close();
        } catch (IOException e) {
            LOG.debug("DTLS close_notify could not be sent: {}", e.getMessage());
        }
    }
}
