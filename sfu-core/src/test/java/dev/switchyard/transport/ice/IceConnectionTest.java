package dev.switchyard.transport.ice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IceConnectionTest {

    private static ServerIcePorts ports;

    @BeforeAll
    static void bindPorts() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
    }

    @AfterAll
    static void closePorts() {
        ports.close();
    }

    @Test
    void clientAndServerConnectOnLoopbackAndExchangeDatagrams() throws Exception {
        RecordingListener serverEvents = new RecordingListener();
        RecordingListener clientEvents = new RecordingListener();
        try (IceConnection server = IceConnection.forServer(ports, serverEvents);
             IceConnection client = IceConnection.forClient(TestIceSettings.SETTINGS,
                     InetAddress.getLoopbackAddress(), clientEvents)) {
            List<IceCandidate> serverCandidates = server.localCandidates();
            assertTrue(serverCandidates.stream().anyMatch(c -> c.transport() == IceCandidate.Transport.UDP
                    && c.address().getPort() == ports.udpAddress().getPort()), serverCandidates::toString);

            server.connect(client.localParameters(), client.localCandidates());
            client.connect(server.localParameters(), serverCandidates);
            assertTrue(clientEvents.connected.await(10, TimeUnit.SECONDS), "client connected");
            assertTrue(serverEvents.connected.await(10, TimeUnit.SECONDS), "server connected");

            client.send(bytes("\u0080to-server"), 0, 10);
            assertEquals("\u0080to-server", serverEvents.packets.poll(5, TimeUnit.SECONDS));
            server.send(bytes("\u0080to-client"), 0, 10);
            assertEquals("\u0080to-client", clientEvents.packets.poll(5, TimeUnit.SECONDS));
            assertNotEquals(server.localParameters(), client.localParameters());
        }
    }

    @Test
    void aServerSendsOnTheFirstValidPairBeforeThePeerNominatesOne() throws Exception {
        RecordingListener clientEvents = new RecordingListener();
        BlockingQueue<String> serverSteps = new LinkedBlockingQueue<>();
        IceConnection.Listener serverEvents = new RecordingListener() {
            @Override
            public void onValidPair(IceConnection connection) {
                try {
                    serverSteps.add("valid pair, connected " + connection.isConnected() + ", sent "
                            + connection.send(bytes("\u0080early"), 0, 6));
                } catch (java.io.IOException e) {
                    serverSteps.add("valid pair, send failed: " + e.getMessage());
                }
            }

            @Override
            public void onConnected(IceConnection connection) {
                serverSteps.add("connected");
            }
        };
        try (IceConnection server = IceConnection.forServer(ports, serverEvents);
             IceConnection client = IceConnection.forClient(TestIceSettings.SETTINGS,
                     InetAddress.getLoopbackAddress(), clientEvents)) {
            server.connect(client.localParameters(), client.localCandidates());
            client.connect(server.localParameters(), server.localCandidates());
            assertEquals("valid pair, connected false, sent true", serverSteps.poll(10, TimeUnit.SECONDS));
            assertEquals("connected", serverSteps.poll(10, TimeUnit.SECONDS));
            assertEquals("\u0080early", clientEvents.packets.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void advertisedAddressReplacesTheBoundAddressInCandidates() throws Exception {
        InetAddress publicAddress = InetAddress.getByName("203.0.113.7");
        try (ServerIcePorts natPorts = ServerIcePorts.bind(TestIceSettings.SETTINGS,
                InetAddress.getLoopbackAddress(), 0, -1, publicAddress);
             IceConnection server = IceConnection.forServer(natPorts, new RecordingListener())) {
            List<IceCandidate> candidates = server.localCandidates();
            assertEquals(1, candidates.size(), candidates::toString);
            assertEquals(publicAddress, candidates.get(0).address().getAddress());
            assertEquals(natPorts.udpAddress().getPort(), candidates.get(0).address().getPort());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void everyConnectionsUfragStartsWithARandomPrefixOfItsOwn() throws Exception {
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                0, -1, null);
             IceConnection first = IceConnection.forServer(ports, new RecordingListener());
             IceConnection second = IceConnection.forServer(ports, new RecordingListener())) {
            String a = first.localParameters().usernameFragment();
            String b = second.localParameters().usernameFragment();
            assertTrue(a.length() > UfragPrefix.LENGTH && b.length() > UfragPrefix.LENGTH, a + " " + b);
            assertNotEquals(a.substring(0, UfragPrefix.LENGTH), b.substring(0, UfragPrefix.LENGTH));
        }
    }

    private static class RecordingListener implements IceConnection.Listener {
        final CountDownLatch connected = new CountDownLatch(1);
        final BlockingQueue<String> packets = new LinkedBlockingQueue<>();

        @Override
        public void onConnected(IceConnection connection) {
            connected.countDown();
        }

        @Override
        public void onFailed(IceConnection connection, String reason) {
            packets.add("failed: " + reason);
        }

        @Override
        public void onPacket(IceConnection connection, byte[] buffer, int offset, int length,
                             InetSocketAddress from) {
            packets.add(new String(buffer, offset, length, StandardCharsets.ISO_8859_1));
        }
    }
}
