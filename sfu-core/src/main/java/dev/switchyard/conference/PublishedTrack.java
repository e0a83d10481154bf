package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.KeyframeDetector;
import dev.switchyard.media.KeyframeRequestThrottle;
import dev.switchyard.media.KeyframeRequester;
import dev.switchyard.media.ReceivedPacket;
import dev.switchyard.media.TrackFanOut;
import dev.switchyard.media.TrackSink;
import dev.switchyard.rtcp.PictureLossIndication;

/**
 * A track a participant publishes (mediasoup's Producer): its signaling identity, its codec, its subscriptions,
 * and the {@link TrackFanOut} that copies each of its packets to them.
 */
final class PublishedTrack implements KeyframeRequester {

    /** The SSRC the server uses as sender of its own RTCP (RFC 3550 §8: any value unlikely to collide). */
    static final long SERVER_RTCP_SSRC = 0x5357_5943L;
    private static final long KEYFRAME_REQUEST_INTERVAL_MILLIS = 500;

    private final String trackId;
    private final PublisherConnection publisher;
    private final String mid;
    private final MediaKind kind;
    private final TrackSource source;
    private final CodecChoice codec;
    private final TrackFanOut forwarder;
    private final KeyframeRequestThrottle keyframeThrottle =
            new KeyframeRequestThrottle(KEYFRAME_REQUEST_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    /** Changed under the room lock only. */
    private final List<Subscription> subscriptions = new ArrayList<>();
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
        this.forwarder = new TrackFanOut(kind == MediaKind.VIDEO
                ? KeyframeDetector.Codec.fromEncodingName(codec.rtpMap().encodingName()) : null,
                publisher.owner().roomManager().ports().forwardingLanes());
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

    /** Called under the room lock. */
    void addSubscription(Subscription subscription) {
        subscriptions.add(subscription);
        addSink(subscription.stream(), subscription.subscriber().lane());
    }

    /**
     * Sends this track's packets to {@code sink} too, on {@code lane}'s thread: the seam a subscription, a
     * recorder or a relay to another server plugs into. Called under the room lock.
     */
    void addSink(TrackSink sink, ForwardingLane lane) {
        forwarder.add(sink, lane);
    }

    /** Packets a sink of this track failed on; each was dropped for that sink only. */
    long sinkFailures() {
        return forwarder.sinkFailures();
    }

    /** Called under the room lock. */
    void removeSubscription(Subscription subscription) {
        subscriptions.remove(subscription);
        forwarder.remove(subscription.stream());
    }

    /** Called under the room lock when the track goes away; returns the subscriptions it had. */
    List<Subscription> removeAllSubscriptions() {
        List<Subscription> previous = List.copyOf(subscriptions);
        subscriptions.clear();
        forwarder.clear();
        return previous;
    }

    /** The codec keyframes are detected in, or null (audio). */
    KeyframeDetector.Codec keyframeCodec() {
        return forwarder.keyframeCodec();
    }

    /** Forwards one packet from the publisher to every subscription. Publisher's receiving thread only. */
    void forward(ReceivedPacket packet) {
        forwarder.forward(packet);
    }

    /** Asks the publisher for a keyframe (RFC 4585 §6.3.1 PLI), at most once per interval. */
    @Override
    public void requestKeyframe() {
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
