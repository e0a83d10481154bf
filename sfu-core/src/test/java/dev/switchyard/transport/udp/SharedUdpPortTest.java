package dev.switchyard.transport.udp;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SharedUdpPortTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final int RECEIVE_BUFFER = 1 << 20;

    @Test
    void mediaLeavesFromTheSharedPortSoThePeerSeesTheCandidateAddress() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 2, RECEIVE_BUFFER);
             DatagramChannel peer = DatagramChannel.open()) {
            port.start((data, offset, length, from) -> { });
            peer.bind(new InetSocketAddress(LOOPBACK, 0));
            byte[] payload = "\u0080media".getBytes(StandardCharsets.ISO_8859_1);

            assertTrue(port.send(payload, 0, payload.length, (InetSocketAddress) peer.getLocalAddress()));

            ByteBuffer received = ByteBuffer.allocate(64);
            SocketAddress from = peer.receive(received);
            assertEquals(port.localAddress(), from);
            assertEquals(payload.length, received.flip().remaining());
        }
    }

    @Test
    void datagramsLargerThanAnyMediaPacketAreRefused() throws Exception {
        try (SharedUdpPort port = SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 1, RECEIVE_BUFFER)) {
            InetSocketAddress nowhere = new InetSocketAddress(LOOPBACK, 9);
            assertThrows(IOException.class, () -> port.send(new byte[4096], 0, 4096, nowhere));
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void aSecondServerOnTheSamePortFailsNamingThePort(int workers) throws Exception {
        try (SharedUdpPort first = SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, 0), workers, RECEIVE_BUFFER)) {
            int busy = first.localAddress().getPort();
            BindException refused = assertThrows(BindException.class,
                    () -> SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, busy), workers, RECEIVE_BUFFER));
            assertTrue(refused.getMessage().contains("127.0.0.1:" + busy), refused.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} worker(s)")
    @ValueSource(ints = {1, 2})
    void noOtherSocketCanShareThePortWithAddressReuse(int workers) throws Exception {
        try (SharedUdpPort port = SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, 0), workers, RECEIVE_BUFFER);
             DatagramChannel stranger = DatagramChannel.open()) {
            stranger.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            assertThrows(BindException.class, () -> stranger.bind(port.localAddress()));
        }
    }

    @Test
    void theWildcardAddressIsRefusedBecauseCandidatesAnnounceIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SharedUdpPort.bind(new InetSocketAddress("0.0.0.0", 0), 1, RECEIVE_BUFFER));
        assertTrue(refused.getMessage().contains("0.0.0.0"), refused.getMessage());
    }

    @Test
    void aDatagramWhoseHandlingThrowsIsDroppedAndCountedAndTheWorkerGoesOn() throws Exception {
        LinkedBlockingQueue<String> handled = new LinkedBlockingQueue<>();
        try (SharedUdpPort port = SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 1, RECEIVE_BUFFER);
             DatagramChannel peer = DatagramChannel.open()) {
            port.start((data, offset, length, from) -> {
                String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
                if (text.equals("poison")) {
                    throw new IllegalStateException("a stage failed");
                }
                handled.add(text);
            });
            peer.send(ByteBuffer.wrap("poison".getBytes(StandardCharsets.ISO_8859_1)), port.localAddress());
            peer.send(ByteBuffer.wrap("after".getBytes(StandardCharsets.ISO_8859_1)), port.localAddress());

            assertEquals("after", handled.poll(5, TimeUnit.SECONDS));
            MediaWorker worker = port.workers().get(0);
            assertEquals(1, worker.droppedFailed());
            assertEquals(2, worker.datagramsReceived());
        }
    }

    @Test
    void remoteAddressesAreSpreadOverTheWorkersAndEachStaysOnOne() throws Exception {
        int peers = 16;
        int datagramsEach = 5;
        AtomicInteger handled = new AtomicInteger();
        Map<SocketAddress, Set<Integer>> workersByPeer = new ConcurrentHashMap<>();
        List<DatagramChannel> senders = new ArrayList<>();
        try (SharedUdpPort port = SharedUdpPort.bind(new InetSocketAddress(LOOPBACK, 0), 2, RECEIVE_BUFFER)) {
            port.start((data, offset, length, from) -> {
                MediaWorker worker = MediaWorker.current();
                assertNotNull(worker);
                workersByPeer.computeIfAbsent(from, any -> ConcurrentHashMap.newKeySet())
                        .add(worker.index());
                handled.incrementAndGet();
            });
            for (int i = 0; i < peers; i++) {
                DatagramChannel sender = DatagramChannel.open().bind(new InetSocketAddress(LOOPBACK, 0));
                senders.add(sender);
                for (int n = 0; n < datagramsEach; n++) {
                    sender.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) n}), port.localAddress());
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (handled.get() < peers * datagramsEach && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(peers * datagramsEach, handled.get());
            workersByPeer.values().forEach(workers -> assertEquals(1, workers.size(), "a peer moved worker"));
            assertTrue(port.workers().get(0).datagramsReceived() > 0, "worker 0 received nothing");
            assertTrue(port.workers().get(1).datagramsReceived() > 0, "worker 1 received nothing");
        } finally {
            for (DatagramChannel sender : senders) {
                sender.close();
            }
        }
    }
}
