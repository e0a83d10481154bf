package dev.switchyard.transport.ice;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared-port sender; that ice4j still receives everything on the port is what IceConnectionTest shows. */
class ServerIcePortsTest {

    @Test
    void mediaLeavesFromTheSharedPortSoThePeerSeesTheCandidateAddress() throws Exception {
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                0, -1, null);
             DatagramChannel peer = DatagramChannel.open()) {
            peer.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            byte[] payload = "\u0080media".getBytes(StandardCharsets.ISO_8859_1);

            assertTrue(ports.udpSender().send(payload, 0, payload.length,
                    (InetSocketAddress) peer.getLocalAddress()));

            ByteBuffer received = ByteBuffer.allocate(64);
            SocketAddress from = peer.receive(received);
            assertEquals(ports.udpAddress(), from);
            assertEquals(payload.length, received.flip().remaining());
        }
    }

    @Test
    void datagramsLargerThanAnyMediaPacketAreRefused() throws Exception {
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                0, -1, null)) {
            InetSocketAddress nowhere = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9);
            assertThrows(IOException.class,
                    () -> ports.udpSender().send(new byte[4096], 0, 4096, nowhere));
        }
    }
}
