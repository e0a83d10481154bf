package dev.switchyard.conference;

import java.util.List;
import java.util.Optional;

import dev.switchyard.sdp.Fmtp;
import dev.switchyard.sdp.RtcpFeedback;
import dev.switchyard.sdp.RtpMap;

/** The codec a published track is sent with; subscribers are offered exactly this payload type and format. */
record CodecChoice(RtpMap rtpMap, Optional<Fmtp> fmtp, List<RtcpFeedback> feedback) {

    CodecChoice {
        feedback = List.copyOf(feedback);
    }

    int payloadType() {
        return rtpMap.payloadType();
    }

    /** RTP timestamp ticks of one 20 ms audio packet or one 30 fps video frame: the step across a source switch. */
    int frameTicks() {
        return rtpMap.clockRate() / (rtpMap.clockRate() == 90_000 ? 30 : 50);
    }
}
