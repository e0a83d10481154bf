package dev.switchyard.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;
import dev.switchyard.transport.srtp.SrtpProfile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** A server-side and a client-side transport on loopback, connected the way signalling would connect them. */
final class TransportTestPeers implements AutoCloseable {

    static final long SERVER_SSRC = 0x5E4E4E01L;
    static final long CLIENT_SSRC = 0xC11E0001L;
    static final int PAYLOAD_LENGTH = 1200;

    final WebRtcTransport server;
    final WebRtcTransport client;
    final RecordingTransportListener serverEvents = new RecordingTransportListener(CLIENT_SSRC, PAYLOAD_LENGTH);
    final RecordingTransportListener clientEvents = new RecordingTransportListener(SERVER_SSRC, PAYLOAD_LENGTH);

    private TransportTestPeers(TransportContext serverContext, TransportContext clientContext, ServerIcePorts ports)
            throws IOException {
        server = WebRtcTransport.server(serverContext, ports, serverEvents);
        client = WebRtcTransport.client(clientContext, InetAddress.getLoopbackAddress(), clientEvents);
    }

    /** Test settings: fast consent checks, a short consent timeout, the given SRTP profiles. */
    static TransportContext.Settings settings(List<SrtpProfile> profiles) {
        return TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(10)).withSrtpProfiles(profiles);
    }

    /** Creates both transports and starts connecting them, the client presenting {@code clientExpects}. */
    static TransportTestPeers start(TransportContext serverContext, TransportContext clientContext,
                                    ServerIcePorts ports, CertificateFingerprint clientExpects) throws IOException {
        // The server answers a=setup:passive, so the client is the DTLS client.
        return start(serverContext, clientContext, ports, clientExpects, DtlsRole.CLIENT);
    }

    /** Like {@link #start}, but the client reaches the server only through {@code relay} (its one candidate). */
    static TransportTestPeers startThrough(TransportContext serverContext, TransportContext clientContext,
                                           ServerIcePorts ports, InetSocketAddress relay) throws IOException {
        TransportTestPeers peers = new TransportTestPeers(serverContext, clientContext, ports);
        TransportDescription serverDescription = peers.server.localDescription();
        peers.server.connect(peers.client.localDescription(), DtlsRole.SERVER);
        IceCandidate viaRelay = new IceCandidate("relay1", 1, IceCandidate.Transport.UDP, 2_130_706_431L, relay,
                IceCandidate.Type.HOST, null);
        peers.client.connect(new TransportDescription(serverDescription.ice(), List.of(viaRelay),
                serverDescription.fingerprint()), DtlsRole.CLIENT);
        return peers;
    }

    /** Like {@link #start}, with the client taking {@code clientRole} (SERVER: neither side starts DTLS). */
    static TransportTestPeers start(TransportContext serverContext, TransportContext clientContext,
                                    ServerIcePorts ports, CertificateFingerprint clientExpects, DtlsRole clientRole)
            throws IOException {
        TransportTestPeers peers = new TransportTestPeers(serverContext, clientContext, ports);
        TransportDescription serverDescription = peers.server.localDescription();
        TransportDescription clientDescription = peers.client.localDescription();
        peers.server.connect(clientDescription, DtlsRole.SERVER);
        CertificateFingerprint expected = clientExpects != null ? clientExpects : serverDescription.fingerprint();
        peers.client.connect(new TransportDescription(serverDescription.ice(), serverDescription.candidates(),
                expected), clientRole);
        return peers;
    }

    static TransportTestPeers connect(TransportContext serverContext, TransportContext clientContext,
                                      ServerIcePorts ports) throws Exception {
        TransportTestPeers peers = start(serverContext, clientContext, ports, null);
        peers.awaitConnected();
        return peers;
    }

    void awaitConnected() throws InterruptedException {
        assertTrue(clientEvents.connected.await(20, TimeUnit.SECONDS), "client transport connected");
        assertTrue(serverEvents.connected.await(20, TimeUnit.SECONDS), "server transport connected");
    }

    /**
     * Sends RTP packets with consecutive sequence numbers, keeping at most {@code window} unacknowledged so that
     * loopback socket buffers never overflow; returns the next sequence number.
     */
    static int sendRtp(WebRtcTransport sender, long ssrc, int firstSequenceNumber, int count,
                       LongSupplier receivedSoFar, int window) throws InterruptedException {
        long base = receivedSoFar.getAsLong();
        int sequenceNumber = firstSequenceNumber;
        for (int i = 0; i < count; i++) {
            awaitBacklogBelow(receivedSoFar, base + i - window);
            assertTrue(sender.sendRtp(TestPackets.rtp(ssrc, sequenceNumber & 0xFFFF, PAYLOAD_LENGTH)), "sent");
            sequenceNumber++;
        }
        return sequenceNumber;
    }

    static void awaitCount(LongSupplier counter, long expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (counter.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                fail(what + ": expected " + expected + " but got " + counter.getAsLong());
            }
            Thread.sleep(5);
        }
    }

    private static void awaitBacklogBelow(LongSupplier received, long needed) throws InterruptedException {
        if (needed > 0) {
            awaitCount(received, needed, "receiver keeping up");
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
