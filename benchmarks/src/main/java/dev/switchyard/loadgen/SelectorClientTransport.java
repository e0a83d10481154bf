package dev.switchyard.loadgen;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.BigEndian;
import dev.switchyard.transport.PacketKind;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.dtls.DtlsSession;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceParameters;
import dev.switchyard.transport.ice.Stun;
import dev.switchyard.transport.ice.StunMessageWriter;
import dev.switchyard.transport.srtp.SrtpKeyingMaterial;
import dev.switchyard.transport.srtp.SrtpSession;

/**
 * A client WebRTC transport as lean as a receiver of a hundred streams on one core has to be: one connected,
 * non-blocking UDP socket read by a shared {@link DatagramSelector}, and SRTP packets handed to the listener still
 * protected, so that it pays for decryption only on the packets it wants to read.
 *
 * <p>ICE is the controlling side's minimum (RFC 8445 §7.2): Binding requests with USERNAME, PRIORITY,
 * ICE-CONTROLLING and USE-CANDIDATE to the server's best host candidate until one is answered, and a success
 * response to every Binding request of the server (its triggered check and consent checks, RFC 7675), which
 * are not authenticated here: the peer is the server under test on the same host. DTLS is sfu-core's
 * {@link DtlsSession} in the client role, SRTP sfu-core's {@link SrtpSession}.
 *
 * <p>Threads: datagrams arrive on the selector thread; {@link #sendRtcp} may be called from any thread.
 */
final class SelectorClientTransport implements AutoCloseable {

    /** What the transport reports. Packet callbacks run on the selector thread and must not keep the bytes. */
    interface Listener {
        /** DTLS completed and SRTP keys are in place. */
        void onConnected(SelectorClientTransport transport);

        /** An SRTP packet as received: the RTP header is clear text, the payload is not. */
        void onProtectedRtp(SelectorClientTransport transport, byte[] data, int offset, int length);

        /** The transport is closed; called once. */
        void onClosed(SelectorClientTransport transport, String reason);
    }

    /** RFC 8445 §5.1.2.1 with type preference 126 (host) and local preference 65535, component 1. */
    private static final long HOST_PRIORITY = (126L << 24) | (65535L << 8) | 255;
    /** RFC 8445 §7.1.1: PRIORITY in a check carries the peer-reflexive type preference, 110. */
    private static final long PEER_REFLEXIVE_PRIORITY = (110L << 24) | (65535L << 8) | 255;
    private static final long CHECK_INTERVAL_MILLIS = 50;
    /** RFC 8839 §5.4: ice-ufrag of 4 to 256 and ice-pwd of 22 to 256 ice-chars. */
    private static final int UFRAG_CHARS = 8;
    private static final int PASSWORD_CHARS = 24;
    private static final char[] ICE_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final int STUN_MESSAGE_CAPACITY = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransportContext context;
    private final DatagramSelector selector;
    private final Listener listener;
    private final DatagramChannel channel;
    private final InetSocketAddress localAddress;
    private final IceParameters localIce = new IceParameters(randomIceString(UFRAG_CHARS),
            randomIceString(PASSWORD_CHARS));
    private final byte[] checkTransactionId = new byte[Stun.TRANSACTION_ID_BYTES];
    private final long tieBreaker = RANDOM.nextLong();
    private final AtomicBoolean iceConnected = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile IceParameters remoteIce;
    private volatile InetSocketAddress remoteAddress;
    private volatile ScheduledFuture<?> checks;
    private volatile DtlsSession dtls;
    private volatile SrtpSession srtp;
    private long checksDeadlineNanos;

    /** Binds an ephemeral UDP port of {@code bindAddress}; reading starts with {@link #connect}. */
    SelectorClientTransport(TransportContext context, DatagramSelector selector, InetAddress bindAddress,
                            Listener listener) throws IOException {
        this.context = context;
        this.selector = selector;
        this.listener = Objects.requireNonNull(listener, "listener");
        this.channel = DatagramChannel.open();
        try {
            channel.setOption(StandardSocketOptions.SO_RCVBUF,
                    context.settings().ice().udpReceiveBufferBytes());
            channel.bind(new InetSocketAddress(bindAddress, 0));
            localAddress = (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        RANDOM.nextBytes(checkTransactionId);
    }

    /** This side's ICE credentials, its one host candidate and the certificate fingerprint. */
    TransportDescription localDescription() {
        IceCandidate host = new IceCandidate("1", 1, IceCandidate.Transport.UDP, HOST_PRIORITY, localAddress,
                IceCandidate.Type.HOST, null);
        return new TransportDescription(localIce, List.of(host), context.certificate().fingerprint());
    }

    /**
     * Connects the socket to the server's best UDP candidate and starts the checks; this side is DTLS client.
     * A socket bound to loopback prefers a loopback candidate: the server answers one from the address it was
     * sent to, and a connected socket accepts nothing from any other.
     */
    void connect(TransportDescription remote) throws IOException {
        remoteIce = remote.ice();
        boolean loopback = localAddress.getAddress().isLoopbackAddress();
        remoteAddress = remote.candidates().stream()
                .filter(candidate -> candidate.transport() == IceCandidate.Transport.UDP
                        && candidate.address().getAddress() instanceof Inet4Address)
                .max(Comparator.<IceCandidate, Boolean>comparing(
                                candidate -> candidate.address().getAddress().isLoopbackAddress() == loopback)
                        .thenComparingLong(IceCandidate::priority))
                .map(IceCandidate::address)
                .orElseThrow(() -> new IOException("the server offers no IPv4 UDP candidate"));
        dtls = new DtlsSession(DtlsRole.CLIENT, context.certificate(), remote.fingerprint(),
                context.settings().srtpProfiles(), context.settings().handshakeTimeout(), this::send,
                new DtlsEvents());
        channel.connect(remoteAddress);
        selector.register(channel, this::onDatagram);
        checksDeadlineNanos = System.nanoTime() + context.settings().handshakeTimeout().toNanos();
        checks = context.timer().scheduleWithFixedDelay(this::sendCheck, 0, CHECK_INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Authenticates and decrypts a copy of a packet given to {@link Listener#onProtectedRtp}. */
    boolean unprotectRtp(PacketBuffer packet) {
        SrtpSession session = srtp;
        return session != null && session.unprotectRtp(packet);
    }

    /** The bytes SRTP adds to an RTP packet: a received packet's RTP length is its length minus these. */
    int srtpOverhead() {
        SrtpSession session = srtp;
        return session == null ? 0 : session.profile().tagLength();
    }

    /** Protects an RTCP compound packet in place and sends it; false if it was not sent. */
    boolean sendRtcp(PacketBuffer packet) {
        SrtpSession session = srtp;
        if (session == null || !session.protectRtcp(packet)) {
            return false;
        }
        try {
            return send(packet.buffer(), packet.offset(), packet.length());
        } catch (IOException e) {
            return false;
        }
    }

    /** RFC 8445 §7.2.2: a connectivity check that also nominates the pair (USE-CANDIDATE). */
    private void sendCheck() {
        if (iceConnected.get() || closed.get()) {
            stopChecks();
            return;
        }
        if (System.nanoTime() > checksDeadlineNanos) {
            close("ICE: no answer to connectivity checks");
            return;
        }
        IceParameters remote = remoteIce;
        byte[] message = new byte[STUN_MESSAGE_CAPACITY];
        int length = new StunMessageWriter(message, Stun.BINDING_REQUEST, checkTransactionId, 0)
                .attribute(Stun.USERNAME, (remote.usernameFragment() + ":" + localIce.usernameFragment())
                        .getBytes(StandardCharsets.US_ASCII))
                .uint32Attribute(Stun.PRIORITY, PEER_REFLEXIVE_PRIORITY)
                .uint64Attribute(Stun.ICE_CONTROLLING, tieBreaker)
                .flagAttribute(Stun.USE_CANDIDATE)
                .messageIntegrity(remote.password().getBytes(StandardCharsets.US_ASCII))
                .fingerprint()
                .length();
        sendQuietly(message, length);
    }

    private void onDatagram(byte[] data, int offset, int length) {
        switch (PacketKind.classify(data, offset, length)) {
            case RTP -> {
                if (srtp != null) {
                    listener.onProtectedRtp(this, data, offset, length);
                }
            }
            case STUN -> onStun(data, offset, length);
            case DTLS -> dtls.receive(data, offset, length);
            default -> {
                // RTCP (the server's sender reports) and anything else: nothing here reads them.
            }
        }
    }

    private void onStun(byte[] data, int offset, int length) {
        if (length < Stun.HEADER_BYTES || BigEndian.getInt32(data, offset + 4) != Stun.MAGIC_COOKIE) {
            return;
        }
        int type = BigEndian.getUint16(data, offset);
        if (type == Stun.BINDING_REQUEST) {
            answer(data, offset);
        } else if (type == Stun.BINDING_SUCCESS_RESPONSE && isAnswerToCheck(data, offset)
                && iceConnected.compareAndSet(false, true)) {
            stopChecks();
            dtls.start(context.handshakeExecutor());
        }
    }

    /**
     * Cancels the periodic checks. The answer to the first check can arrive before {@link #connect} has stored
     * the schedule's handle; a check that then finds ICE connected cancels the schedule itself.
     */
    private void stopChecks() {
        ScheduledFuture<?> running = checks;
        if (running != null) {
            running.cancel(false);
        }
    }

    private boolean isAnswerToCheck(byte[] data, int offset) {
        int id = offset + Stun.TRANSACTION_ID_OFFSET;
        return Arrays.equals(data, id, id + Stun.TRANSACTION_ID_BYTES, checkTransactionId, 0,
                Stun.TRANSACTION_ID_BYTES);
    }

    /** RFC 8445 §7.3.1.4: the success response names the request's source in XOR-MAPPED-ADDRESS. */
    private void answer(byte[] request, int offset) {
        InetSocketAddress peer = remoteAddress;
        byte[] message = new byte[STUN_MESSAGE_CAPACITY];
        int length = new StunMessageWriter(message, Stun.BINDING_SUCCESS_RESPONSE, request,
                offset + Stun.TRANSACTION_ID_OFFSET)
                .xorMappedIpv4Address(peer.getAddress().getAddress(), peer.getPort())
                .messageIntegrity(localIce.password().getBytes(StandardCharsets.US_ASCII))
                .fingerprint()
                .length();
        sendQuietly(message, length);
    }

    /** STUN is retransmitted by whoever waits for an answer, so a failed send is only a lost datagram. */
    private void sendQuietly(byte[] message, int length) {
        try {
            send(message, 0, length);
        } catch (IOException e) {
            // As lost.
        }
    }

    /** Sends on the connected socket; false if the send buffer was full and the datagram was dropped. */
    private boolean send(byte[] buffer, int offset, int length) throws IOException {
        return channel.write(ByteBuffer.wrap(buffer, offset, length)) > 0;
    }

    @Override
    public void close() {
        close("closed locally");
    }

    private void close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopChecks();
        DtlsSession session = dtls;
        if (session != null) {
            session.close();
        }
        try {
            selector.close(channel);
        } catch (IOException e) {
            // Closing anyway.
        }
        listener.onClosed(this, reason);
    }

    private static String randomIceString(int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ICE_CHARS[RANDOM.nextInt(ICE_CHARS.length)];
        }
        return new String(chars);
    }

    private final class DtlsEvents implements DtlsSession.Listener {
        @Override
        public void onHandshakeComplete(SrtpKeyingMaterial keys) {
            srtp = new SrtpSession(keys);
            listener.onConnected(SelectorClientTransport.this);
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
            // Synthetic participants open no data channel.
        }
    }
}
