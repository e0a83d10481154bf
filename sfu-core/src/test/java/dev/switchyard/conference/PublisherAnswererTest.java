package dev.switchyard.conference;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchyard.sdp.Direction;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.Setup;
import dev.switchyard.transport.TransportDescription;
import dev.switchyard.transport.dtls.CertificateFingerprint;
import dev.switchyard.transport.ice.IceCandidate;
import dev.switchyard.transport.ice.IceParameters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublisherAnswererTest {

    static final TransportDescription SERVER = new TransportDescription(
            new IceParameters("srvufrag", "serverpassword0123456789"),
            List.of(new IceCandidate("1", 1, IceCandidate.Transport.UDP, 2130706431L,
                    new InetSocketAddress("127.0.0.1", 10000), IceCandidate.Type.HOST, null)),
            CertificateFingerprint.parse("sha-256 " + "AB:".repeat(31) + "AB"));

    @Test
    void answersChromiumsSendOnlyOfferWithOpusAndVp8ReceiveOnly() throws Exception {
        SessionDescription offer = SessionDescription.parse(fixture("chromium-156/offer-sendonly.sdp"));
        PublisherAnswerer.Answer answer = PublisherAnswerer.answer(offer, SERVER, "4711", 1, MediaSettings.DEFAULTS);
        SessionDescription sdp = SessionDescription.parse(answer.sdp());

        assertTrue(sdp.attributes().iceLite());
        assertEquals(List.of("0", "1"), sdp.bundleMids());
        MediaDescription audio = sdp.media().get(0);
        MediaDescription video = sdp.media().get(1);
        assertEquals(List.of("111"), audio.formats());
        assertEquals("opus", audio.attributes().rtpMap(111).orElseThrow().encodingName());
        assertEquals("VP8", video.attributes().rtpMap(Integer.parseInt(video.formats().get(0))).orElseThrow()
                .encodingName());
        for (MediaDescription media : sdp.media()) {
            assertEquals(Direction.RECVONLY, media.attributes().direction().orElseThrow());
            assertEquals(Setup.PASSIVE, media.attributes().setup().orElseThrow());
            assertEquals("srvufrag", media.attributes().iceUfrag().orElseThrow());
            assertTrue(media.attributes().rtcpMux());
            assertEquals(1, media.attributes().candidates().size());
            assertEquals(10000, media.attributes().candidates().get(0).port());
        }
        assertEquals(4, answer.extensionId(RtpCapabilities.MID), "Chromium's MID extension id is kept");
        assertEquals(3, answer.extensionId(RtpCapabilities.TRANSPORT_WIDE_SEQUENCE), "transport-cc accepted");
        assertEquals(Map.of(RtpCapabilities.AUDIO_LEVEL, 1, RtpCapabilities.MID, 4,
                RtpCapabilities.TRANSPORT_WIDE_SEQUENCE, 3),
                answer.media().get(0).extensionIds(), "the audio m-line's extensions, by the publisher's ids");

        assertEquals(2, answer.media().size());
        assertEquals(MediaKind.AUDIO, answer.media().get(0).kind());
        assertEquals(List.of(3112077393L), answer.media().get(0).ssrcs());
        assertEquals(List.of(1445986916L), answer.media().get(1).ssrcs(), "RTX SSRC of the FID group left out");
        CodecChoice vp8 = answer.media().get(1).codec();
        assertTrue(vp8.hasRtx(), "Chromium's RTX for VP8 is taken, so the server can NACK");
        assertEquals(List.of(Integer.toString(vp8.payloadType()), Integer.toString(vp8.rtxPayloadType())),
                video.formats());
        assertEquals(1, answer.media().get(1).repairSsrcs().size());
        assertEquals(1445986916L, answer.media().get(1).repairSsrcs().values().iterator().next());
        assertEquals(Optional.of("1000"), video.attributes().fmtp(vp8.payloadType())
                .flatMap(fmtp -> fmtp.parameter("x-google-start-bitrate")), "the video estimate starts at 1 Mbit/s");
        assertEquals(Optional.empty(), audio.attributes().fmtp(111)
                .flatMap(fmtp -> fmtp.parameter("x-google-start-bitrate")), "audio keeps its own parameters");
    }

    /** A data channel m-line as Firefox offers it (RFC 8841), alone or after other lines. */
    private static String dataChannelOffer(String maxMessageSizeLine) {
        return "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
                + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\na=mid:0\r\n"
                + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwxyz\r\na=setup:actpass\r\n"
                + "a=sctp-port:5000\r\n" + maxMessageSizeLine;
    }

    @Test
    void aDataChannelLineIsAcceptedWithTheOfferedPortAndTheServersLargestMessage() throws Exception {
        PublisherAnswerer.Answer answer = PublisherAnswerer.answer(SessionDescription.parse(
                dataChannelOffer("a=max-message-size:1073741823\r\n")), SERVER, "4711", 1, MediaSettings.DEFAULTS);
        SessionDescription sdp = SessionDescription.parse(answer.sdp());

        assertEquals(List.of("0"), sdp.bundleMids());
        MediaDescription data = sdp.media().get(0);
        assertEquals(MediaDescription.APPLICATION, data.kind());
        assertEquals(MediaDescription.PROTOCOL_SCTP, data.protocol());
        assertEquals(List.of("webrtc-datachannel"), data.formats());
        assertEquals(5000, data.attributes().sctpPort().orElseThrow());
        assertEquals(256 * 1024, data.attributes().maxMessageSize().orElseThrow());
        assertEquals(Setup.PASSIVE, data.attributes().setup().orElseThrow());
        assertEquals("srvufrag", data.attributes().iceUfrag().orElseThrow());
        assertEquals(Optional.of(new DataChannelTerms(5000, 256 * 1024)), answer.dataChannels());
        assertTrue(answer.media().isEmpty(), "no track");
    }

    @Test
    void theLargestMessageIsTheSmallerOfBothEndsAndRfc8841sDefaultWhenTheOfferStatesNone() throws Exception {
        assertEquals(Optional.of(new DataChannelTerms(5000, 100_000)), PublisherAnswerer.answer(
                SessionDescription.parse(dataChannelOffer("a=max-message-size:100000\r\n")), SERVER, "4711", 1,
                MediaSettings.DEFAULTS).dataChannels());
        assertEquals(Optional.of(new DataChannelTerms(5000, 64 * 1024)), PublisherAnswerer.answer(
                SessionDescription.parse(dataChannelOffer("")), SERVER, "4711", 1,
                MediaSettings.DEFAULTS).dataChannels());
    }

    @Test
    void anOfferWithoutMediaTheServerCanReceiveIsRefused() {
        String offer = "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
                + "m=application 0 UDP/DTLS/SCTP webrtc-datachannel\r\na=mid:0\r\n"
                + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuvwxyz\r\na=setup:actpass\r\n";
        assertThrows(NegotiationException.class,
                () -> PublisherAnswerer.answer(SessionDescription.parse(offer), SERVER, "4711", 1,
                        MediaSettings.DEFAULTS));
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PublisherAnswererTest.class.getResourceAsStream("/sdp/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
