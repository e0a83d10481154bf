package dev.switchyard.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Building an answer programmatically, the way the server will. */
class SdpBuildTest {

    @Test
    void buildsAnAnswerWithSessionLinesInRfcOrderAndCrlf() {
        SessionDescription answer = new SessionDescription(Origin.of("4611731400430051336", 2));
        answer.attributes()
                .add(Group.bundle(List.of("0", "1")))
                .add(new Attribute("msid-semantic", " WMS *"))
                .setFlag(Attributes.ICE_LITE, true);
        MediaDescription audio = section(MediaDescription.AUDIO, "0", List.of("111"));
        audio.attributes()
                .add(new Extmap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"))
                .add(new RtpMap(111, "opus", 48000, 2))
                .add(new RtcpFeedback(111, "transport-cc"))
                .add(new Fmtp(111, "minptime=10;useinbandfec=1"))
                .add(Candidate.of("1", 1, "udp", 2130706431L, "198.51.100.10", 10000, Candidate.TYPE_HOST))
                .setFlag(Attributes.END_OF_CANDIDATES, true);
        MediaDescription video = section(MediaDescription.VIDEO, "1", List.of("96", "97"));
        video.attributes()
                .add(new RtpMap(96, "VP8", 90000))
                .add(new RtpMap(97, "rtx", 90000))
                .add(new Fmtp(97, "apt=96"))
                .add(new Rid("q", RidDirection.RECV))
                .add(new Rid("f", RidDirection.RECV))
                .add(new Simulcast(List.of(), List.of(SimulcastStream.of("q"), SimulcastStream.of("f"))));
        answer.addMedia(audio).addMedia(video);

        String expected = """
                v=0
                o=- 4611731400430051336 2 IN IP4 127.0.0.1
                s=-
                t=0 0
                a=group:BUNDLE 0 1
                a=msid-semantic: WMS *
                a=ice-lite
                m=audio 9 UDP/TLS/RTP/SAVPF 111
                c=IN IP4 0.0.0.0
                a=ice-ufrag:Srvr
                a=ice-pwd:ServerPasswordOf22Chars
                a=fingerprint:sha-256 01:02:0A
                a=setup:passive
                a=mid:0
                a=recvonly
                a=rtcp-mux
                a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level
                a=rtpmap:111 opus/48000/2
                a=rtcp-fb:111 transport-cc
                a=fmtp:111 minptime=10;useinbandfec=1
                a=candidate:1 1 udp 2130706431 198.51.100.10 10000 typ host
                a=end-of-candidates
                m=video 9 UDP/TLS/RTP/SAVPF 96 97
                c=IN IP4 0.0.0.0
                a=ice-ufrag:Srvr
                a=ice-pwd:ServerPasswordOf22Chars
                a=fingerprint:sha-256 01:02:0A
                a=setup:passive
                a=mid:1
                a=recvonly
                a=rtcp-mux
                a=rtpmap:96 VP8/90000
                a=rtpmap:97 rtx/90000
                a=fmtp:97 apt=96
                a=rid:q recv
                a=rid:f recv
                a=simulcast:recv q;f
                """.replace("\n", "\r\n");
        assertEquals(expected, answer.serialize());
        assertEquals(expected, SessionDescription.parse(expected).serialize());
    }

    @Test
    void editsAParsedOfferIntoAnAnswerInPlace() {
        SessionDescription session = SdpFixtures.parse("chromium-156/offer.sdp");
        session.setOrigin(session.origin().withSessionVersion(3));
        MediaDescription audio = session.media().get(0);
        audio.attributes()
                .set(Setup.PASSIVE)
                .setDirection(Direction.SENDRECV.reverse())
                .setIceUfrag("Srvr")
                .set(Fingerprint.of("sha-256", new byte[] {(byte) 0xAB}));

        String text = session.serialize();

        assertEquals("o=- 5933234856666180065 3 IN IP4 127.0.0.1", text.lines().toList().get(1));
        List<String> lines = audio.serialize().lines().toList();
        assertEquals("a=ice-ufrag:Srvr", lines.get(3));
        assertEquals("a=fingerprint:sha-256 AB", lines.get(6));
        assertEquals("a=setup:passive", lines.get(7));
        assertEquals("a=sendrecv", lines.get(13));
        assertEquals(SessionDescription.parse(text).serialize(), text);
    }

    @Test
    void rejectsFieldsThatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> new MediaDescription("audio", 9, "UDP/TLS/RTP/SAVPF", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new MediaDescription("audio", 70000, "UDP/TLS/RTP/SAVPF", List.of("0")));
        assertThrows(IllegalArgumentException.class, () -> ConnectionData.ipv4("0.0.0.0 x"));
        assertThrows(IllegalArgumentException.class, () -> Origin.of("", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new SessionDescription(Origin.of("1", 1)).setSessionName("a\nb"));
    }

    private static MediaDescription section(String kind, String mid, List<String> formats) {
        MediaDescription media = new MediaDescription(kind, 9, MediaDescription.PROTOCOL_RTP, formats)
                .setConnection(ConnectionData.ipv4("0.0.0.0"));
        media.attributes()
                .setIceUfrag("Srvr")
                .setIcePwd("ServerPasswordOf22Chars")
                .set(Fingerprint.of("sha-256", new byte[] {1, 2, 10}))
                .set(Setup.PASSIVE)
                .setMid(mid)
                .setDirection(Direction.RECVONLY)
                .setFlag(Attributes.RTCP_MUX, true);
        return media;
    }
}
