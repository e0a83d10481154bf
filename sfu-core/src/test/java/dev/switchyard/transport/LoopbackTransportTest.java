package dev.switchyard.transport;

import java.net.InetAddress;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

/** Tests of transports on a media port of loopback, with a server and a client context of the tests' settings. */
abstract class LoopbackTransportTest {

    static ServerIcePorts ports;
    static TransportContext serverContext;
    static TransportContext clientContext;

    @BeforeAll
    static void startLoopbackTransports() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
        TransportContext.Settings settings = TransportTestPeers.settings(
                TransportContext.Settings.DEFAULTS.srtpProfiles());
        serverContext = new TransportContext(settings);
        clientContext = new TransportContext(settings);
    }

    @AfterAll
    static void stopLoopbackTransports() {
        clientContext.close();
        serverContext.close();
        ports.close();
    }
}
