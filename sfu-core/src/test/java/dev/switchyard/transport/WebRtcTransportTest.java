package dev.switchyard.transport;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;
import dev.switchyard.transport.srtp.SrtpProfile;

import static dev.switchyard.transport.TransportTestPeers.CLIENT_SSRC;
import static dev.switchyard.transport.TransportTestPeers.SERVER_SSRC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebRtcTransportTest {

    private static ServerIcePorts ports;

    @BeforeAll
    static void bindPorts() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
    }

    @AfterAll
    static void closePorts() {
        ports.close();
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tenThousandRtpAndHundredRtcpPacketsArriveIntactEachWay(SrtpProfile profile) throws Exception {
        TransportContext.Settings settings = TransportTestPeers.settings(List.of(profile));
        try (TransportContext serverContext = new TransportContext(settings);
             TransportContext clientContext = new TransportContext(settings);
             TransportTestPeers peers = TransportTestPeers.connect(serverContext, clientContext, ports)) {
            assertEquals(profile, peers.server.srtpSession().profile());
            assertEquals(profile, peers.client.srtpSession().profile());

            TransportTestPeers.sendRtp(peers.client, CLIENT_SSRC, 65_000, 10_000,
                    peers.serverEvents.intactRtp::get, 64);
            TransportTestPeers.sendRtp(peers.server, SERVER_SSRC, 65_000, 10_000,
                    peers.clientEvents.intactRtp::get, 64);
            for (int i = 0; i < 100; i++) {
                assertTrue(peers.client.sendRtcp(TestPackets.rtcpApp(CLIENT_SSRC, i)));
                assertTrue(peers.server.sendRtcp(TestPackets.rtcpApp(SERVER_SSRC, i)));
                if (i % 20 == 19) {
                    TransportTestPeers.awaitCount(peers.serverEvents.intactRtcp::get, i + 1, "RTCP at server");
                    TransportTestPeers.awaitCount(peers.clientEvents.intactRtcp::get, i + 1, "RTCP at client");
                }
            }

            TransportTestPeers.awaitCount(peers.serverEvents.intactRtp::get, 10_000, "RTP at server");
            TransportTestPeers.awaitCount(peers.clientEvents.intactRtp::get, 10_000, "RTP at client");
            assertEquals(0, peers.serverEvents.corruptRtp.get());
            assertEquals(0, peers.clientEvents.corruptRtp.get());
            assertEquals(100, peers.serverEvents.intactRtcp.get());
            assertEquals(100, peers.clientEvents.intactRtcp.get());
            assertEquals(10_000, peers.server.stats().rtpReceived());
            assertEquals(10_000, peers.client.stats().rtpReceived());
            assertEquals(0, peers.server.stats().droppedUnprotectFailed());
        }
    }

    @Test
    void aCertificateThatDoesNotMatchTheSignalledFingerprintFailsTheHandshake() throws Exception {
        TransportContext.Settings settings = TransportTestPeers.settings(TransportContext.Settings.DEFAULTS.srtpProfiles());
        byte[] wrong = new byte[32];
        wrong[0] = 1;
        CertificateFingerprint wrongFingerprint = CertificateFingerprint.parse("sha-256 " + HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(wrong));
        try (TransportContext serverContext = new TransportContext(settings);
             TransportContext clientContext = new TransportContext(settings);
             TransportTestPeers peers = TransportTestPeers.start(serverContext, clientContext, ports,
                     wrongFingerprint)) {
            String reason = peers.clientEvents.closed.get(20, TimeUnit.SECONDS);
            assertTrue(reason.contains("fingerprint"), reason);
            assertFalse(peers.client.isConnected());
            assertEquals(1, peers.clientEvents.connected.getCount(), "never reported connected");
            assertEquals(null, peers.client.srtpSession(), "no SRTP keys");
        }
    }

    @Test
    void tamperedSrtpIsDroppedAndCountedAndGarbageLeavesTheSessionWorking() throws Exception {
        TransportContext.Settings settings = TransportTestPeers.settings(TransportContext.Settings.DEFAULTS.srtpProfiles());
        try (TransportContext serverContext = new TransportContext(settings);
             TransportContext clientContext = new TransportContext(settings);
             TransportTestPeers peers = TransportTestPeers.connect(serverContext, clientContext, ports)) {
            // A protected packet with one payload byte flipped, sent on the session's own 5-tuple.
            PacketBuffer tampered = TestPackets.rtp(CLIENT_SSRC, 1, TransportTestPeers.PAYLOAD_LENGTH);
            assertTrue(peers.client.srtpSession().protectRtp(tampered));
            tampered.buffer()[tampered.offset() + 100] ^= 0x01;
            peers.client.sendDatagram(tampered.buffer(), tampered.offset(), tampered.length());
            TransportTestPeers.awaitCount(peers.server.stats()::droppedUnprotectFailed, 1, "tampered packet dropped");
            assertTrue(peers.server.srtpSession().stats().rtpUnprotect().authenticationFailures() >= 1);
            assertEquals(0, peers.serverEvents.intactRtp.get() + peers.serverEvents.corruptRtp.get());

            SplittableRandom random = new SplittableRandom(42);
            sendGarbageOnTheSession(peers.client, random);
            sendGarbageFromStrangers(ports.udpAddress(), random);

            TransportTestPeers.sendRtp(peers.client, CLIENT_SSRC, 2, 200, peers.serverEvents.intactRtp::get, 64);
            TransportTestPeers.sendRtp(peers.server, SERVER_SSRC, 2, 200, peers.clientEvents.intactRtp::get, 64);
            TransportTestPeers.awaitCount(peers.serverEvents.intactRtp::get, 200, "RTP at server after garbage");
            TransportTestPeers.awaitCount(peers.clientEvents.intactRtp::get, 200, "RTP at client after garbage");
            assertEquals(0, peers.serverEvents.corruptRtp.get());
            assertTrue(peers.server.isConnected(), "server transport still up");
            assertTrue(peers.server.stats().droppedUnknownKind() > 0, peers.server.stats()::toString);
        }
    }

    /** Random bytes and truncated STUN, DTLS and RTP sent from the client's own address. */
    private static void sendGarbageOnTheSession(WebRtcTransport client, SplittableRandom random) throws Exception {
        for (int i = 0; i < 2_000; i++) {
            byte[] garbage = randomDatagram(random, i);
            client.sendDatagram(garbage, 0, garbage.length);
        }
    }

    /** The same garbage from sockets the server has never seen. */
    private static void sendGarbageFromStrangers(InetSocketAddress server, SplittableRandom random) throws Exception {
        try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 2_000; i++) {
                byte[] garbage = randomDatagram(random, i);
                stranger.send(new DatagramPacket(garbage, garbage.length, server));
            }
        }
    }

    private static byte[] randomDatagram(SplittableRandom random, int i) {
        byte[] bytes = new byte[random.nextInt(0, 1400)];
        for (int j = 0; j < bytes.length; j++) {
            bytes[j] = (byte) random.nextInt(256);
        }
        if (bytes.length > 0) {
            // Cycle the first byte through STUN, DTLS, RTP and RTCP-looking values so every parser gets a share.
            switch (i % 5) {
                case 0 -> bytes[0] = 0x00;
                case 1 -> bytes[0] = 22;
                case 2 -> bytes[0] = (byte) 0x80;
                case 3 -> {
                    bytes[0] = (byte) 0x80;
                    if (bytes.length > 1) {
                        bytes[1] = (byte) 200;
                    }
                }
                default -> { }
            }
        }
        return bytes;
    }
}
