package dev.switchyard.conference;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import dev.switchyard.router.KeyframeDetector;
import dev.switchyard.router.KeyframeRequestThrottle;
import dev.switchyard.rtcp.PictureLossIndication;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.transport.PacketBuffer;

/**
 * A track a participant publishes (mediasoup's Producer): its signaling identity, its codec, and the set of
 * subscriptions its packets are forwarded to.
 *
 * <p>The subscription set is copy-on-write: the room changes it under its lock, the publisher's receiving
 * thread reads a snapshot per packet without locking.
 */
final class PublishedTrack {

    /** The SSRC the server uses as sender of its own RTCP (RFC 3550 §8: any value unlikely to collide). */
    static final long SERVER_RTCP_SSRC = 0x5357_5943L;
    private static final long KEYFRAME_REQUEST_INTERVAL_MILLIS = 500;
    private static final Subscription[] NONE = new Subscription[0];

    private final String trackId;
    private final PublisherConnection publisher;
    private final String mid;
    private final MediaKind kind;
    private final TrackSource source;
    private final CodecChoice codec;
    private final KeyframeDetector.Codec keyframeCodec;
    private final KeyframeRequestThrottle keyframeThrottle =
            new KeyframeRequestThrottle(KEYFRAME_REQUEST_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    private volatile Subscription[] subscriptions = NONE;
    private volatile long mediaSsrc = -1;
    private volatile boolean muted;

    PublishedTrack(String trackId, PublisherConnection publisher, String mid, MediaKind kind, TrackSource source,
                   CodecChoice codec) {
        this.trackId = trackId;
        this.publisher = publisher;
        this.mid = mid;
        this.kind = kind;
        this.source = source;
        this.codec = codec;
        this.keyframeCodec = kind == MediaKind.VIDEO
                ? KeyframeDetector.Codec.fromEncodingName(codec.rtpMap().encodingName()) : null;
    }

    String trackId() {
        return trackId;
    }

    String mid() {
        return mid;
    }

    MediaKind kind() {
        return kind;
    }

    CodecChoice codec() {
        return codec;
    }

    Participant owner() {
        return publisher.owner();
    }

    TrackInfo info() {
        return new TrackInfo(trackId, publisher.owner().id(), kind, source, muted);
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    /** The last SSRC this track's packets came with, so keyframe requests name the right stream. */
    void setMediaSsrc(long ssrc) {
        this.mediaSsrc = ssrc;
    }

    Subscription[] subscriptions() {
        return subscriptions;
    }

    /** Called under the room lock. */
    void addSubscription(Subscription subscription) {
        Subscription[] current = subscriptions;
        Subscription[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = subscription;
        subscriptions = next;
    }

    /** Called under the room lock. */
    void removeSubscription(Subscription subscription) {
        subscriptions = Arrays.stream(subscriptions).filter(s -> s != subscription).toArray(Subscription[]::new);
    }

    /** Called under the room lock when the track goes away. */
    Subscription[] removeAllSubscriptions() {
        Subscription[] previous = subscriptions;
        subscriptions = NONE;
        return previous;
    }

    /** Forwards one packet from the publisher to every subscription. Publisher's receiving thread only. */
    void forward(RtpPacket packet, PacketBuffer source, PacketBuffer scratch, KeyframeDetector keyframes) {
        Subscription[] targets = subscriptions;
        boolean keyframeKnown = false;
        boolean keyframeStart = false;
        for (Subscription subscription : targets) {
            if (subscription.isWaitingForKeyframe() && !keyframeKnown) {
                keyframeStart = keyframeCodec == null || keyframes.isKeyframeStart(keyframeCodec, packet);
                keyframeKnown = true;
            }
            subscription.forward(source, keyframeStart, scratch);
        }
    }

    /** Asks the publisher for a keyframe (RFC 4585 §6.3.1 PLI), at most once per interval. */
    void requestKeyframe() {
        long ssrc = mediaSsrc;
        if (kind != MediaKind.VIDEO || ssrc < 0 || !keyframeThrottle.tryAcquire(System.nanoTime())) {
            return;
        }
        PacketBuffer pli = PacketBuffer.allocate();
        int length = PictureLossIndication.write(pli.buffer(), 0, SERVER_RTCP_SSRC, ssrc);
        pli.setOffsetLength(0, length);
        publisher.sendRtcp(pli);
    }
}
