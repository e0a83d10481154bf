package dev.switchyard.conference;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.MediaDescription;
import dev.switchyard.sdp.RtpMap;
import dev.switchyard.sdp.SessionDescription;
import dev.switchyard.sdp.SsrcGroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubscriberOfferWriterTest {

    @Test
    void audioLinesOfferTheAudioLevelUnderTheServersIdAndVideoLinesNoExtension() throws Exception {
        CodecChoice opus = new CodecChoice(new RtpMap(111, "opus", 48_000, 2), Optional.empty(), List.of());
        CodecChoice vp8 = new CodecChoice(new RtpMap(96, "VP8", 90_000), Optional.empty(), List.of());
        String offer = SubscriberOfferWriter.offer(PublisherAnswererTest.SERVER, "1", 1, List.of(
                new SubscriberOfferWriter.Line("0", MediaKind.AUDIO, opus, 1111, "p-1", "t-1", true, -1, 0),
                new SubscriberOfferWriter.Line("1", MediaKind.VIDEO, vp8, 2222, "p-1", "t-2", true, 97, 3333)));
        SessionDescription sdp = SessionDescription.parse(offer);
        assertEquals(List.of(new Extmap(1, RtpCapabilities.AUDIO_LEVEL)), sdp.media().get(0).attributes().extmaps());
        assertEquals(List.of(), sdp.media().get(1).attributes().extmaps());
    }

    @Test
    void videoLinesOfferNackAndRtxPairedWithTheStreamInAnFidGroup() throws Exception {
        CodecChoice vp8 = new CodecChoice(new RtpMap(96, "VP8", 90_000), Optional.empty(), List.of());
        String offer = SubscriberOfferWriter.offer(PublisherAnswererTest.SERVER, "1", 1, List.of(
                new SubscriberOfferWriter.Line("0", MediaKind.VIDEO, vp8, 2222, "p-1", "t-2", true, 97, 3333)));
        MediaDescription video = SessionDescription.parse(offer).media().get(0);
        assertEquals(List.of("96", "97"), video.formats());
        assertEquals("rtx", video.attributes().rtpMap(97).orElseThrow().encodingName());
        assertEquals("apt=96", video.attributes().fmtp(97).orElseThrow().parameters());
        assertEquals(List.of("nack", "nack pli", "ccm fir"), video.attributes().rtcpFeedbacks(96).stream()
                .map(feedback -> feedback.parameter() == null ? feedback.type()
                        : feedback.type() + " " + feedback.parameter()).toList());
        assertEquals(List.of(new SsrcGroup(SsrcGroup.FID, List.of(2222L, 3333L))), video.attributes().ssrcGroups());
    }
}
