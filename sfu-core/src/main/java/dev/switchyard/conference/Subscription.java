package dev.switchyard.conference;

import dev.switchyard.router.StreamRewriter;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.PacketBuffer;
import dev.switchyard.transport.WebRtcTransport;

/**
 * One subscriber's view of one published track (mediasoup's Consumer): the m-line it arrives on, its own SSRC
 * and continuous numbering, and, for video, the wait for a keyframe before the first forwarded packet.
 *
 * <p>{@link #forward} runs on the publisher's receiving thread only, so its state needs no lock.
 */
final class Subscription {

    private final PublishedTrack track;
    private final SubscriberConnection subscriber;
    private final String mid;
    private final StreamRewriter rewriter;
    private final RtpPacket outgoing = new RtpPacket();
    private boolean waitingForKeyframe;

    Subscription(PublishedTrack track, SubscriberConnection subscriber, String mid, long outputSsrc) {
        this.track = track;
        this.subscriber = subscriber;
        this.mid = mid;
        this.rewriter = new StreamRewriter(outputSsrc, track.codec().frameTicks());
        this.waitingForKeyframe = track.kind() == MediaKind.VIDEO;
    }

    PublishedTrack track() {
        return track;
    }

    SubscriberConnection subscriber() {
        return subscriber;
    }

    String mid() {
        return mid;
    }

    long outputSsrc() {
        return rewriter.outputSsrc();
    }

    boolean isWaitingForKeyframe() {
        return waitingForKeyframe;
    }

    /**
     * Sends a copy of {@code source} to the subscriber, rewritten for this subscription.
     *
     * @param keyframeStart whether {@code source} starts a keyframe (only asked while waiting for one)
     * @param scratch a buffer the caller lends for the copy
     */
    void forward(PacketBuffer source, boolean keyframeStart, PacketBuffer scratch) {
        WebRtcTransport transport = subscriber.connectedTransport();
        if (transport == null) {
            return;
        }
        if (waitingForKeyframe) {
            if (!keyframeStart) {
                track.requestKeyframe();
                return;
            }
            waitingForKeyframe = false;
        }
        scratch.setOffsetLength(0, 0);
        scratch.copyFrom(source.buffer(), source.offset(), source.length());
        if (outgoing.wrap(scratch.buffer(), scratch.offset(), scratch.length())) {
            rewriter.rewrite(outgoing);
            transport.sendRtp(scratch);
        }
    }
}
