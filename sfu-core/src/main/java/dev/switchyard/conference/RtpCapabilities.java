package dev.switchyard.conference;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.switchyard.rtp.extension.TransportSequenceNumber;

/**
 * What the server negotiates, in one place: the codecs it forwards, the RTCP feedback and RTP header
 * extensions it accepts from publishers, and the header extensions it offers subscribers under its own ids.
 * {@link PublisherAnswerer} and {@link SubscriberOfferWriter} read it; forwarding renumbers extensions between
 * the two numberings ({@link dev.switchyard.media.HeaderExtensionMap}).
 */
final class RtpCapabilities {

    /** RFC 8843 §15: binds SSRC-less streams (Firefox, simulcast) to their m-line. */
    static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    /** RFC 6464: the publisher's audio level, which subscribers' browsers expose for speaker indicators. */
    static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /** Transport-wide sequence numbers, which the server's congestion feedback reports on. */
    static final String TRANSPORT_WIDE_SEQUENCE = TransportSequenceNumber.URI;

    /** Video codecs in the server's order of preference; the first one an offer has wins. */
    static final List<String> VIDEO_CODECS = List.of("VP8", "H264", "VP9", "AV1");
    static final String AUDIO_CODEC = "opus";

    /** Header extensions accepted from publishers (under the publisher's ids). */
    static final Set<String> PUBLISHER_EXTENSIONS = Set.of(MID, AUDIO_LEVEL, TRANSPORT_WIDE_SEQUENCE);

    /**
     * Feedback accepted from publishers' offers: keyframe requests; NACK, which the server sends for packets lost
     * on the way in (answered with RTX where offered); transport-cc, which the server sends so that the
     * publisher's estimator can raise its rate; and goog-remb, by which the server caps that rate.
     */
    static final Set<String> PUBLISHER_FEEDBACK = Set.of("nack", "nack pli", "ccm fir", "transport-cc",
            "goog-remb");

    private static final Map<String, Integer> SUBSCRIBER_AUDIO_EXTENSIONS = Map.of(AUDIO_LEVEL, 1);
    private static final Map<String, Integer> SUBSCRIBER_VIDEO_EXTENSIONS = Map.of();

    private RtpCapabilities() {
    }

    /** RTCP feedback offered to subscribers for video: keyframe requests, and NACK when retransmission is on. */
    static List<String> subscriberVideoFeedback(boolean retransmission) {
        return retransmission ? List.of("nack", "nack pli", "ccm fir") : List.of("nack pli", "ccm fir");
    }

    /**
     * A payload type for RTX (RFC 4588) beside {@code codecPayloadType}: the first dynamic one (RFC 3551 §6) the
     * codec does not use.
     */
    static int rtxPayloadTypeFor(int codecPayloadType) {
        return codecPayloadType == 96 ? 97 : 96;
    }

    /** Header extensions offered to subscribers for one kind of track, by URI, with the server's ids. */
    static Map<String, Integer> subscriberExtensions(MediaKind kind) {
        return kind == MediaKind.AUDIO ? SUBSCRIBER_AUDIO_EXTENSIONS : SUBSCRIBER_VIDEO_EXTENSIONS;
    }
}
