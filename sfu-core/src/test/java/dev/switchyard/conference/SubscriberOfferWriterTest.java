package dev.switchyard.conference;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.switchyard.sdp.Extmap;
import dev.switchyard.sdp.RtpMap;
import dev.switchyard.sdp.SessionDescription;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SubscriberOfferWriterTest {

    @Test
    void audioLinesOfferTheAudioLevelUnderTheServersIdAndVideoLinesNoExtension() throws Exception {
        CodecChoice opus = new CodecChoice(new RtpMap(111, "opus", 48_000, 2), Optional.empty(), List.of());
        CodecChoice vp8 = new CodecChoice(new RtpMap(96, "VP8", 90_000), Optional.empty(), List.of());
        String offer = SubscriberOfferWriter.offer(PublisherAnswererTest.SERVER, "1", 1, List.of(
                new SubscriberOfferWriter.Line("0", MediaKind.AUDIO, opus, 1111, "p-1", "t-1", true),
                new SubscriberOfferWriter.Line("1", MediaKind.VIDEO, vp8, 2222, "p-1", "t-2", true)));
        SessionDescription sdp = SessionDescription.parse(offer);
        assertEquals(List.of(new Extmap(1, RtpCapabilities.AUDIO_LEVEL)), sdp.media().get(0).attributes().extmaps());
        assertEquals(List.of(), sdp.media().get(1).attributes().extmaps());
    }
}
