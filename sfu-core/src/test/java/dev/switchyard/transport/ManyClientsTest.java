package dev.switchyard.transport;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

import static dev.switchyard.transport.TransportTestPeers.CLIENT_SSRC;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ManyClientsTest {

    private static final int CLIENTS = 200;

    @Test
    void twoHundredClientsConnectToOneServerAtOnceAndAllCompleteDtls() throws Exception {
        // Production consent and handshake timeouts: 400 agents on two cores answer consent checks late at first.
        TransportContext.Settings settings = TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30));
        List<TransportTestPeers> all = new ArrayList<>();
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                0, -1, null);
             TransportContext serverContext = new TransportContext(settings);
             TransportContext clientContext = new TransportContext(settings)) {
            try {
                for (int i = 0; i < CLIENTS; i++) {
                    all.add(TransportTestPeers.start(serverContext, clientContext, ports, null));
                }
                for (TransportTestPeers peers : all) {
                    peers.awaitConnected();
                }
                // Every session is keyed independently: one packet each way proves it.
                for (TransportTestPeers peers : all) {
                    peers.client.sendRtp(TestPackets.rtp(CLIENT_SSRC, 7, TransportTestPeers.PAYLOAD_LENGTH));
                }
                for (TransportTestPeers peers : all) {
                    TransportTestPeers.awaitCount(peers.serverEvents.intactRtp::get, 1, "RTP on every session");
                }
                assertEquals(CLIENTS, all.stream().filter(p -> p.server.isConnected() && p.client.isConnected())
                        .count());
            } finally {
                all.forEach(TransportTestPeers::close);
            }
        }
    }
}
