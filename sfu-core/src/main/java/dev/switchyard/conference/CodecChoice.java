package dev.switchyard.conference;

import java.util.List;
import java.util.Optional;

import dev.switchyard.sdp.Fmtp;
import dev.switchyard.sdp.RtcpFeedback;
import dev.switchyard.sdp.RtpMap;

/**
 * The codec a published track is sent with; subscribers are offered exactly this payload type and format.
 *
 * @param rtxPayloadType the publisher's RTX payload type for this codec (RFC 4588), or -1 if it sends none
 */
record CodecChoice(RtpMap rtpMap, Optional<Fmtp> fmtp, List<RtcpFeedback> feedback, int rtxPayloadType) {

    CodecChoice {
        feedback = List.copyOf(feedback);
    }

    /** A codec without retransmission. */
    CodecChoice(RtpMap rtpMap, Optional<Fmtp> fmtp, List<RtcpFeedback> feedback) {
        this(rtpMap, fmtp, feedback, -1);
    }

    boolean hasRtx() {
        return rtxPayloadType >= 0;
    }

    int payloadType() {
        return rtpMap.payloadType();
    }

    /** RTP timestamp ticks of one 20 ms audio packet or one 30 fps video frame: the step across a source switch. */
    int frameTicks() {
        return rtpMap.clockRate() / (rtpMap.clockRate() == 90_000 ? 30 : 50);
    }
}
