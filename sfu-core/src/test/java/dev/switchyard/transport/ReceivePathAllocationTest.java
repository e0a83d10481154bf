package dev.switchyard.transport;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;
import dev.switchyard.transport.srtp.SrtpProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's receive path, from the media worker's socket through ICE demultiplexing and SRTP to the
 * transport's listener, allocates nothing per datagram once warm. The only allocations left in the window
 * are the few consent checks (STUN is copied for ice4j), hence a tolerance far below a byte per datagram.
 */
class ReceivePathAllocationTest {

    private static final int WARM_UP = 5_000;
    private static final int MEASURED = 20_000;
    private static final long TOLERANCE_BYTES = MEASURED / 5;

    @Test
    void aWarmReceivePathAllocatesNothingPerDatagram() throws Exception {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        TransportContext.Settings settings = TransportTestPeers.settings(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_80));
        CountingListener counting = new CountingListener();
        RecordingTransportListener clientEvents =
                new RecordingTransportListener(TransportTestPeers.SERVER_SSRC, TransportTestPeers.PAYLOAD_LENGTH);
        try (TransportContext serverContext = new TransportContext(settings);
             TransportContext clientContext = new TransportContext(settings);
             ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                     0, -1, null, 1);
             WebRtcTransport server = WebRtcTransport.server(serverContext, ports, counting);
             WebRtcTransport client = WebRtcTransport.client(clientContext, InetAddress.getLoopbackAddress(),
                     clientEvents)) {
            TransportDescription serverDescription = server.localDescription();
            server.connect(client.localDescription(), DtlsRole.SERVER);
            client.connect(serverDescription, DtlsRole.CLIENT);
            assertTrue(counting.connected.await(20, TimeUnit.SECONDS), "server transport connected");
            assertTrue(clientEvents.connected.await(20, TimeUnit.SECONDS), "client transport connected");

            int next = TransportTestPeers.sendRtp(client, TransportTestPeers.CLIENT_SSRC, 0, WARM_UP,
                    counting.packets::get, 64);
            TransportTestPeers.awaitCount(counting.packets::get, WARM_UP, "warm-up packets received");
            long workerThread = counting.receivingThread;
            long before = threads.getThreadAllocatedBytes(workerThread);
            TransportTestPeers.sendRtp(client, TransportTestPeers.CLIENT_SSRC, next, MEASURED,
                    counting.packets::get, 64);
            TransportTestPeers.awaitCount(counting.packets::get, WARM_UP + MEASURED, "measured packets received");
            long allocated = threads.getThreadAllocatedBytes(workerThread) - before;

            assertEquals(workerThread, counting.receivingThread, "one worker received everything");
            assertEquals(WARM_UP + MEASURED, server.stats().rtpReceived());
            assertTrue(allocated < TOLERANCE_BYTES,
                    "the media worker allocated " + allocated + " bytes for " + MEASURED + " datagrams");
        }
    }

    /** Counts packets and remembers the thread that delivered them; allocates nothing itself. */
    private static final class CountingListener implements WebRtcTransport.Listener {
        final CountDownLatch connected = new CountDownLatch(1);
        final AtomicLong packets = new AtomicLong();
        volatile long receivingThread;

        @Override
        public void onConnected(WebRtcTransport transport) {
            connected.countDown();
        }

        @Override
        public void onRtp(WebRtcTransport transport, PacketBuffer packet) {
            receivingThread = Thread.currentThread().getId();
            packets.incrementAndGet();
        }

        @Override
        public void onRtcp(WebRtcTransport transport, PacketBuffer packet) {
        }

        @Override
        public void onClosed(WebRtcTransport transport, String reason) {
        }
    }
}
