package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Typed views over real captures: the facts below were read off the fixture files by hand. */
class SdpSessionDescriptionTest {

    @Test
    void chromiumOffer() {
        SessionDescription offer = SdpFixtures.parse("chromium-156/offer.sdp");

        assertEquals(new Origin("-", "5933234856666180065", 2, "IN", "IP4", "127.0.0.1"), offer.origin());
        assertEquals("-", offer.sessionName());
        assertEquals(Timing.UNBOUNDED, offer.timing());
        assertEquals(List.of("0", "1"), offer.bundleMids());
        assertEquals(2, offer.media().size());

        MediaDescription audio = offer.mediaByMid("0").orElseThrow();
        assertEquals(MediaDescription.AUDIO, audio.kind());
        assertEquals(9, audio.port());
        assertEquals(MediaDescription.PROTOCOL_RTP, audio.protocol());
        assertEquals(List.of("111", "63", "9", "0", "8", "13", "110", "126"), audio.formats());
        assertEquals(ConnectionData.ipv4("0.0.0.0"), audio.connection().orElseThrow());
        assertEquals(Map.of(
                1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
                2, "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
                3, "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
                4, "urn:ietf:params:rtp-hdrext:sdes:mid"), extmapIds(audio));

        Attributes a = audio.attributes();
        assertEquals(Direction.SENDRECV, a.direction().orElseThrow());
        assertEquals("JrPS", a.iceUfrag().orElseThrow());
        assertEquals("DTR28xvgueHrGKjWG2fuEcBB", a.icePwd().orElseThrow());
        assertEquals(List.of("trickle"), a.iceOptions());
        assertEquals(Setup.ACTPASS, a.setup().orElseThrow());
        Fingerprint fingerprint = a.fingerprints().get(0);
        assertTrue(fingerprint.hashFunctionIs("SHA-256"));
        assertEquals(32, fingerprint.digest().length);
        assertEquals(0x6D, fingerprint.digest()[0] & 0xFF);
        assertTrue(a.rtcpMux());
        assertTrue(a.rtcpReducedSize());
        assertFalse(a.bundleOnly());
        assertEquals(new Msid("8ced59ee-0dc6-46d7-a6fa-faa279bc080f", "6e9d277f-c6a3-49c8-a63f-efe2fc875b70"),
                a.msids().get(0));
        assertEquals(new RtpMap(111, "opus", 48000, 2), a.rtpMap(111).orElseThrow());
        assertEquals(new RtpMap(0, "PCMU", 8000), a.rtpMap(0).orElseThrow());
        assertEquals("1", a.fmtp(111).orElseThrow().parameter("useinbandfec").orElseThrow());
        assertEquals(List.of(new RtcpFeedback(111, "transport-cc")), a.rtcpFeedbacks(111));
        assertEquals(List.of(new Ssrc(279761670L, Ssrc.CNAME, "Svi8bCIUwzGD1uOk"),
                new Ssrc(279761670L, "msid",
                        "8ced59ee-0dc6-46d7-a6fa-faa279bc080f 6e9d277f-c6a3-49c8-a63f-efe2fc875b70")), a.ssrcs());
        assertEquals("rcvr-rtt=all", a.value("rtcp-xr").orElseThrow(), "unknown attributes stay readable");

        MediaDescription video = offer.mediaByMid("1").orElseThrow();
        assertEquals(MediaDescription.VIDEO, video.kind());
        Map<Integer, String> videoExtmaps = extmapIds(video);
        assertEquals("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", videoExtmaps.get(10));
        assertEquals("urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id", videoExtmaps.get(11));
        Attributes v = video.attributes();
        assertEquals(List.of(new SsrcGroup(SsrcGroup.FID, List.of(2722000286L, 4255904584L))), v.ssrcGroups());
        assertEquals(List.of(new RtcpFeedback(96, "goog-remb"), new RtcpFeedback(96, "transport-cc"),
                new RtcpFeedback(96, "ccm", "fir"), new RtcpFeedback(96, "nack"),
                new RtcpFeedback(96, "nack", "pli")), v.rtcpFeedbacks(96));
        assertEquals("96", v.fmtp(97).orElseThrow().parameter("apt").orElseThrow());
        assertEquals(Map.of("level-asymmetry-allowed", "1", "packetization-mode", "1", "profile-level-id", "42001f"),
                v.fmtp(102).orElseThrow().parameterMap());
    }

    @Test
    void chromiumGatheredCandidateKeepsExtensions() {
        MediaDescription audio = SdpFixtures.parse("chromium-156/offer-gathered.sdp").media().get(0);

        Candidate candidate = audio.attributes().candidates().get(0);
        assertEquals("3378937847", candidate.foundation());
        assertEquals(1, candidate.component());
        assertEquals("udp", candidate.transport());
        assertEquals(2122260223L, candidate.priority());
        assertEquals("127.0.0.1", candidate.address());
        assertEquals(49272, candidate.port());
        assertEquals(Candidate.TYPE_HOST, candidate.type());
        assertEquals(0, candidate.generation());
        assertEquals(Map.of("network-id", "1", "network-cost", "50"), candidate.extensions());
        assertEquals(List.of("network-id", "network-cost"), List.copyOf(candidate.extensions().keySet()));
        assertEquals(49272, audio.port());
    }

    @Test
    void chromiumSimulcastOffer() {
        SessionDescription offer = SdpFixtures.parse("chromium-156/offer-simulcast.sdp");
        MediaDescription video = offer.media().get(1);

        assertEquals(List.of(new Rid("q", RidDirection.SEND), new Rid("h", RidDirection.SEND),
                new Rid("f", RidDirection.SEND)), video.attributes().rids());
        Simulcast simulcast = video.attributes().simulcast().orElseThrow();
        assertEquals(List.of(SimulcastStream.of("q"), SimulcastStream.of("h"), SimulcastStream.of("f")),
                simulcast.send());
        assertEquals(List.of(), simulcast.recv());
        assertEquals("send q;h;f", simulcast.attributeValue());
        assertEquals(Direction.SENDONLY, offer.directionOf(video));
        assertEquals(List.of(), video.attributes().ssrcs(), "rid-based simulcast offers carry no a=ssrc");
    }

    @Test
    void firefoxGatheredOffer() {
        SessionDescription offer = SdpFixtures.parse("firefox-153/offer-gathered.sdp");

        assertEquals("mozilla...THIS_IS_SDPARTA-99.0", offer.origin().username());
        assertEquals(Direction.SENDRECV, offer.attributes().direction().orElseThrow(), "session-level direction");
        assertEquals("sha-256", offer.attributes().fingerprints().get(0).hashFunction());
        assertEquals(List.of("trickle"), offer.attributes().iceOptions());
        assertEquals(List.of("0", "1"), offer.bundleMids());

        MediaDescription audio = offer.media().get(0);
        List<Candidate> candidates = audio.attributes().candidates();
        assertEquals(8, candidates.size());
        assertEquals(4, candidates.stream().filter(c -> c.component() == 2).count());
        Candidate rtcpTcp = candidates.get(6);
        assertEquals(2, rtcpTcp.component());
        assertEquals("TCP", rtcpTcp.transport());
        assertFalse(rtcpTcp.isUdp());
        assertEquals("active", rtcpTcp.tcpType());
        assertEquals(Candidate.NO_GENERATION, rtcpTcp.generation());
        assertEquals("::1", candidates.get(5).address());
        assertTrue(audio.attributes().endOfCandidates());
        assertEquals(new Extmap(2, Direction.RECVONLY, "urn:ietf:params:rtp-hdrext:csrc-audio-level", null),
                audio.attributes().extmaps().get(1));
        assertEquals(new RtpMap(9, "G722", 8000, 1), audio.attributes().rtpMap(9).orElseThrow());
        assertEquals("0-15", audio.attributes().fmtp(101).orElseThrow().parameters());
        assertEquals(Setup.ACTPASS, audio.attributes().setup().orElseThrow());

        MediaDescription video = offer.media().get(1);
        assertEquals(0, video.port());
        assertTrue(video.attributes().bundleOnly());
        assertFalse(video.isRejected(), "bundle-only sections use port 0 without being rejected");
        assertEquals(List.of(new SsrcGroup(SsrcGroup.FID, List.of(2996133746L, 3097122983L))),
                video.attributes().ssrcGroups());
        assertEquals("{a8da2b50-e609-4079-9c5b-0ea90bd8a054}", video.attributes().msids().get(0).streamId());
    }

    @Test
    void firefoxSimulcastOffer() {
        MediaDescription video = SdpFixtures.parse("firefox-153/offer-simulcast.sdp").media().get(1);
        Attributes a = video.attributes();

        assertEquals(new Extmap(9, Direction.SENDONLY, "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id", null),
                a.extmap("urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id").orElseThrow());
        assertEquals(Direction.SENDONLY, a.extmaps().get(6).direction());
        assertEquals(List.of("q", "h", "f"), a.rids().stream().map(Rid::id).toList());
        assertEquals(3, a.simulcast().orElseThrow().send().size());
        assertEquals(3, a.ssrcGroups().size());
        assertEquals(6, a.ssrcs().size());
    }

    @Test
    void answersCarryTheirDtlsRole() {
        assertEquals(Setup.ACTIVE, SdpFixtures.parse("chromium-156/answer.sdp").media().get(0).attributes()
                .setup().orElseThrow());
        SessionDescription firefox = SdpFixtures.parse("firefox-153/answer-recvonly.sdp");
        assertEquals(Setup.ACTIVE, firefox.media().get(1).attributes().setup().orElseThrow());
        assertEquals(Direction.RECVONLY, firefox.directionOf(firefox.media().get(1)));
    }

    @Test
    void janusAnswer() {
        SessionDescription answer = SdpFixtures.parse("janus-1.1.2/answer-to-chromium-publisher.sdp");

        assertEquals("VideoRoom 1234", answer.sessionName());
        assertEquals(" WMS *", answer.attributes().value("msid-semantic").orElseThrow());
        MediaDescription audio = answer.media().get(0);
        assertEquals(new Msid("janus", "janus0"), audio.attributes().msids().get(0));
        Candidate candidate = audio.attributes().candidates().get(0);
        assertEquals("10.77.0.1", candidate.address());
        assertEquals(20200, candidate.port());
        assertEquals(OptionalInt.empty(), audio.attributes().sctpPort());
    }

    private static Map<Integer, String> extmapIds(MediaDescription media) {
        return media.attributes().extmaps().stream().collect(Collectors.toMap(Extmap::id, Extmap::uri));
    }
}
