package dev.switchyard.media;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtp.RtpPacket;

/**
 * One subscriber's copy of a published stream: rewritten to the subscriber's own SSRC and continuous numbering
 * and, for video, held back until a keyframe starts so that the subscriber's decoder can start.
 *
 * <p>{@link #forward} runs on the publisher's receiving thread only, so its state needs no lock; it allocates
 * nothing.
 */
public final class SendStream {

    private final StreamRewriter rewriter;
    private final RtpSender sink;
    private final KeyframeRequester keyframes;
    private final RtpPacket outgoing = new RtpPacket();
    private boolean waitingForKeyframe;

    /**
     * @param startAtKeyframe whether to wait for a keyframe before the first packet (video)
     * @param keyframes asked for a keyframe while this stream waits for one
     */
    public SendStream(StreamRewriter rewriter, RtpSender sink, boolean startAtKeyframe,
                            KeyframeRequester keyframes) {
        this.rewriter = rewriter;
        this.sink = sink;
        this.keyframes = keyframes;
        this.waitingForKeyframe = startAtKeyframe;
    }

    public long outputSsrc() {
        return rewriter.outputSsrc();
    }

    public boolean isWaitingForKeyframe() {
        return waitingForKeyframe;
    }

    /**
     * Sends a rewritten copy of {@code source} to the subscriber.
     *
     * @param keyframeStart whether {@code source} starts a keyframe (only consulted while waiting for one)
     * @param scratch a buffer the caller lends for the copy
     */
    public void forward(PacketBuffer source, boolean keyframeStart, PacketBuffer scratch) {
        if (!sink.isReady()) {
            return;
        }
        if (waitingForKeyframe) {
            if (!keyframeStart) {
                keyframes.requestKeyframe();
                return;
            }
            waitingForKeyframe = false;
        }
        scratch.setOffsetLength(0, 0);
        scratch.copyFrom(source.buffer(), source.offset(), source.length());
        if (outgoing.wrap(scratch.buffer(), scratch.offset(), scratch.length())) {
            rewriter.rewrite(outgoing);
            sink.sendRtp(scratch);
        }
    }
}
