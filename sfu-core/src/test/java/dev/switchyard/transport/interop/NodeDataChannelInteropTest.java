package dev.switchyard.transport.interop;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.switchyard.sdp.Attributes;
import dev.switchyard.sdp.Candidate;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.transport.RecordingTransportListener;
import dev.switchyard.transport.TestPackets;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.WebRtcTransport;
import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.dtls.DtlsRole;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceParameters;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Interoperability with a WebRTC stack nobody here wrote: libdatachannel (libjuice ICE, OpenSSL DTLS, libsrtp),
 * through npm node-datachannel, run as {@code src/test/node/interop-peer.mjs}. It offers one VP8 video m-line;
 * the test answers by hand, as signalling would, and media is checked byte for byte in both directions.
 */
class NodeDataChannelInteropTest {

    private static final long PEER_SSRC = 0x1D_C0_00_01L;
    private static final long SERVER_SSRC = 0x5E_4E_4E_01L;
    private static final int PAYLOAD_LENGTH = 1000;
    private static final int PACKETS = 300;
    /** Packets the server may send ahead of what the peer confirmed, so no socket buffer can overflow. */
    private static final int SEND_WINDOW = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final TransportContext.Settings SETTINGS =
            TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS);

    @Test
    void libdatachannelAndTheServerTransportExchangeSrtpBothWays() throws Exception {
        RecordingTransportListener serverEvents = new RecordingTransportListener(PEER_SSRC, PAYLOAD_LENGTH);
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                     0, -1, null);
             TransportContext context = new TransportContext(SETTINGS);
             WebRtcTransport server = WebRtcTransport.server(context, ports, serverEvents);
             NodePeerProcess peer = NodePeerProcess.start("interop-peer.mjs", PEER_SSRC, SERVER_SSRC,
                     PAYLOAD_LENGTH)) {
            Offer offer = Offer.parse(peer.await("offer", TIMEOUT).get("sdp"));
            TransportDescription local = server.localDescription();
            server.connect(offer.transport(), DtlsRole.SERVER);
            peer.send("{\"answer\":" + JsonLine.quote(answer(local, offer.mid())) + "}");

            awaitConnected(serverEvents, peer);
            peer.await("open", TIMEOUT);

            peer.send("{\"send\":" + PACKETS + "}");
            for (int sequenceNumber = 0; sequenceNumber < PACKETS; sequenceNumber++) {
                Integer received = serverEvents.rtpSequenceNumbers.poll(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(received, () -> "server decrypted " + serverEvents.intactRtp.get() + " intact and "
                        + serverEvents.corruptRtp.get() + " corrupt packets from the peer, expected " + PACKETS
                        + "; " + server.stats());
                assertEquals(sequenceNumber, received, "the peer's packets arrive in order");
            }

            for (int sequenceNumber = 0; sequenceNumber < PACKETS; sequenceNumber++) {
                long confirmedUpTo = sequenceNumber - SEND_WINDOW;
                if (confirmedUpTo > 0) {
                    peer.await("rtp", event -> Long.parseLong(event.get("intact")) >= confirmedUpTo, TIMEOUT);
                }
                assertTrue(server.sendRtp(TestPackets.rtp(SERVER_SSRC, sequenceNumber, PAYLOAD_LENGTH)), "sent");
            }
            Map<String, String> atPeer = peer.await("rtp",
                    event -> Long.parseLong(event.get("intact")) >= PACKETS, TIMEOUT);

            assertEquals(Integer.toString(PACKETS), atPeer.get("intact"), "packets the peer verified");
            assertEquals("0", atPeer.get("corrupt"), "packets the peer found corrupt");
            assertEquals(PACKETS, serverEvents.intactRtp.get());
            assertEquals(0, serverEvents.corruptRtp.get());
            assertEquals(0, server.stats().droppedUnprotectFailed(), server.stats()::toString);
            assertTrue(server.isConnected(), "server transport still up");

            peer.send("{\"close\":true}");
            assertEquals(0, peer.awaitExit(TIMEOUT), "the peer's exit code");
        }
    }

    /** Waits for the server transport to connect, failing as soon as it closes instead. */
    private static void awaitConnected(RecordingTransportListener serverEvents, NodePeerProcess peer)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!serverEvents.connected.await(50, TimeUnit.MILLISECONDS)) {
            if (serverEvents.closed.isDone() || System.nanoTime() > deadline) {
                fail("server transport did not connect; closed because: " + serverEvents.closed.getNow("-")
                        + "; peer stderr:\n" + peer.recentStderr());
            }
        }
    }

    /**
     * An answer accepting the offered m-line: the server's ICE credentials and candidates, its fingerprint,
     * {@code a=setup:passive} so the peer is the DTLS client (RFC 5763 §5), rtcp-mux, the one codec, and the
     * server's stream announced by SSRC so that libdatachannel routes it to the track.
     */
    private static String answer(TransportDescription local, String mid) {
        StringBuilder sdp = new StringBuilder();
        InetSocketAddress media = local.candidates().get(0).address();
        line(sdp, "v=0");
        line(sdp, "o=- 1 1 IN IP4 " + media.getAddress().getHostAddress());
        line(sdp, "s=-");
        line(sdp, "t=0 0");
        line(sdp, "a=group:BUNDLE " + mid);
        line(sdp, "m=video " + media.getPort() + " UDP/TLS/RTP/SAVPF " + TestPackets.RTP_PAYLOAD_TYPE);
        line(sdp, "c=IN IP4 " + media.getAddress().getHostAddress());
        line(sdp, "a=mid:" + mid);
        line(sdp, "a=sendrecv");
        line(sdp, "a=ice-ufrag:" + local.ice().usernameFragment());
        line(sdp, "a=ice-pwd:" + local.ice().password());
        line(sdp, "a=fingerprint:" + local.fingerprint().toSdpValue());
        line(sdp, "a=setup:passive");
        line(sdp, "a=rtcp-mux");
        line(sdp, "a=rtpmap:" + TestPackets.RTP_PAYLOAD_TYPE + " VP8/90000");
        line(sdp, "a=ssrc:" + SERVER_SSRC + " cname:switchyard");
        for (IceCandidate candidate : local.candidates()) {
            line(sdp, "a=candidate:" + candidate.toSdpValue());
        }
        line(sdp, "a=end-of-candidates");
        return sdp.toString();
    }

    private static void line(StringBuilder sdp, String line) {
        sdp.append(line).append("\r\n");
    }

    /** What the test needs from the peer's offer (one bundled m-line), read with Switchyard's SDP model. */
    private record Offer(String mid, TransportDescription transport) {

        static Offer parse(String sdp) throws UnknownHostException {
            SessionDescription offer = SessionDescription.parse(sdp);
            assertEquals(1, offer.media().size(), "one m-line offered");
            MediaDescription video = offer.media().get(0);
            List<IceCandidate> candidates = new ArrayList<>();
            for (String value : video.attributes().values(Candidate.NAME)) {
                candidates.add(iceCandidate(Candidate.parse(value)));
            }
            IceParameters ice = new IceParameters(attribute(offer, video, Attributes.ICE_UFRAG),
                    attribute(offer, video, Attributes.ICE_PWD));
            CertificateFingerprint fingerprint = CertificateFingerprint.parse(attribute(offer, video, dev.switchyard.sdp.Fingerprint.NAME));
            return new Offer(video.mid().orElseThrow(), new TransportDescription(ice, candidates, fingerprint));
        }

        /** RFC 8839 §5: media-level value, else the session-level one. */
        private static String attribute(SessionDescription offer, MediaDescription media, String name) {
            return media.attributes().value(name).or(() -> offer.attributes().value(name))
                    .orElseThrow(() -> new AssertionError("offer lacks a=" + name + ":\n" + offer.serialize()));
        }

        private static IceCandidate iceCandidate(Candidate candidate) throws UnknownHostException {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(candidate.address()),
                    candidate.port());
            return new IceCandidate(candidate.foundation(), candidate.component(),
                    IceCandidate.Transport.valueOf(candidate.transport().toUpperCase(Locale.ROOT)),
                    candidate.priority(), address, candidateType(candidate.type()), candidate.tcpType());
        }

        private static IceCandidate.Type candidateType(String sdpName) {
            for (IceCandidate.Type type : IceCandidate.Type.values()) {
                if (type.sdpName().equals(sdpName)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown candidate type " + sdpName);
        }
    }
}
