package dev.switchyard.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Transports that never become ready for media are closed, and stalled peers hold no handshake thread. */
class ConnectDeadlineTest {

    private static ServerIcePorts ports;

    @BeforeAll
    static void bind() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
    }

    @AfterAll
    static void unbind() {
        ports.close();
    }

    private static TransportContext.Settings settings(Duration connectTimeout) {
        return TransportTestPeers.settings(TransportContext.Settings.DEFAULTS.srtpProfiles())
                .withConnectTimeout(connectTimeout);
    }

    /** The most handshake threads the context ever ran at once. */
    private static int peakHandshakeThreads(TransportContext context) {
        return ((ThreadPoolExecutor) context.handshakeExecutor()).getLargestPoolSize();
    }

    private static long completedHandshakes(TransportContext context) {
        return ((ThreadPoolExecutor) context.handshakeExecutor()).getCompletedTaskCount();
    }

    @Test
    void aTransportWhosePeerNeverAnswersIsClosedAtTheConnectDeadline() throws Exception {
        try (TransportContext context = new TransportContext(settings(Duration.ofSeconds(1)))) {
            RecordingTransportListener events = new RecordingTransportListener(0, 0);
            WebRtcTransport transport = WebRtcTransport.server(context, ports, events);
            String reason = events.closed.get(10, TimeUnit.SECONDS);
            assertTrue(reason.contains("not ready for media") && reason.contains("ICE not connected"), reason);
            transport.close();
        }
    }

    @Test
    void peersThatConnectIceButNeverStartDtlsHoldNoHandshakeThreadAndAreClosed() throws Exception {
        int pairs = 300;
        // Long enough for all 300 pairs to connect ICE first on a loaded machine.
        try (TransportContext serverContext = new TransportContext(settings(Duration.ofSeconds(12)));
             TransportContext clientContext = new TransportContext(settings(Duration.ofSeconds(12)))) {
            List<TransportTestPeers> all = new ArrayList<>();
            try {
                for (int i = 0; i < pairs; i++) {
                    // Both sides passive (a=setup:passive each): nobody sends a ClientHello.
                    all.add(TransportTestPeers.start(serverContext, clientContext, ports, null, DtlsRole.SERVER));
                }
                for (TransportTestPeers peers : all) {
                    awaitIceConnected(peers.server);
                }
                assertEquals(0, peakHandshakeThreads(serverContext), "no handshake runs without a ClientHello");
                for (TransportTestPeers peers : all) {
                    String reason = peers.serverEvents.closed.get(20, TimeUnit.SECONDS);
                    assertTrue(reason.contains("ICE connected, DTLS not started"), reason);
                }
            } finally {
                all.forEach(TransportTestPeers::close);
            }
        }
    }

    @Test
    void handshakesBeyondTheConfiguredNumberWaitTheirTurnAndAllComplete() throws Exception {
        TransportContext.Settings twoAtATime = settings(Duration.ofSeconds(30)).withMaxConcurrentHandshakes(2);
        try (TransportContext serverContext = new TransportContext(twoAtATime);
             TransportContext clientContext = new TransportContext(twoAtATime)) {
            List<TransportTestPeers> all = new ArrayList<>();
            try {
                for (int i = 0; i < 12; i++) {
                    all.add(TransportTestPeers.start(serverContext, clientContext, ports, null));
                }
                for (TransportTestPeers peers : all) {
                    peers.awaitConnected();
                }
                // Twelve handshakes at once on each side, all completed by two threads each.
                assertEquals(2, peakHandshakeThreads(serverContext), "server handshake threads");
                assertEquals(2, peakHandshakeThreads(clientContext), "client handshake threads");
                // A handshake reports its keys just before its task returns: wait for the last task to end.
                TransportTestPeers.awaitCount(() -> completedHandshakes(serverContext), 12, "handshake tasks ended");
                assertEquals(12, completedHandshakes(serverContext), "one task per handshake, none more");
            } finally {
                all.forEach(TransportTestPeers::close);
            }
        }
    }

    private static void awaitIceConnected(WebRtcTransport transport) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!transport.activeIceConnection().isConnected()) {
            if (System.nanoTime() > deadline) {
                fail("ICE did not connect");
            }
            Thread.sleep(20);
        }
    }
}
