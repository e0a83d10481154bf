package dev.switchyard.conference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.ForwardingLanes;
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
    private final String ownerId;
    private final Consumer<PacketBuffer> rtcpToPublisher;
    private final String mid;
    private final MediaKind kind;
    private final TrackSource source;
    private final CodecChoice codec;
    private final Map<String, Integer> extensionIds;
    private final TrackFanOut forwarder;
    private final KeyframeRequestThrottle keyframeThrottle =
            new KeyframeRequestThrottle(KEYFRAME_REQUEST_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    /** Each subscriber's send stream and what ends its subscription; changed under the room lock only. */
    private final Map<TrackSink, Runnable> subscribers = new LinkedHashMap<>();
    private volatile long mediaSsrc = -1;
    private volatile boolean muted;
    /** Muted by an administrator: packets are dropped here, whatever the publisher says about its track. */
    private volatile boolean mutedByServer;

    /**
     * @param ownerId the publishing participant
     * @param rtcpToPublisher sends RTCP (keyframe requests) on the publisher's connection
     * @param extensionIds the header extensions the publisher sends, by URI, with its ids
     * @param lanes the lanes subscribers' send streams run on
     */
    PublishedTrack(String trackId, String ownerId, Consumer<PacketBuffer> rtcpToPublisher, String mid,
                   MediaKind kind, TrackSource source, CodecChoice codec, Map<String, Integer> extensionIds,
                   ForwardingLanes lanes) {
        this.trackId = trackId;
        this.ownerId = ownerId;
        this.rtcpToPublisher = rtcpToPublisher;
        this.mid = mid;
        this.kind = kind;
        this.source = source;
        this.codec = codec;
        this.extensionIds = Map.copyOf(extensionIds);
        this.forwarder = new TrackFanOut(kind == MediaKind.VIDEO
                ? KeyframeDetector.Codec.fromEncodingName(codec.rtpMap().encodingName()) : null, lanes);
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

    /** The header extensions the publisher sends on this track, by URI, with the publisher's ids. */
    Map<String, Integer> extensionIds() {
        return extensionIds;
    }

    /** The id of the participant that publishes this track. */
    String ownerId() {
        return ownerId;
    }

    TrackInfo info() {
        return new TrackInfo(trackId, ownerId, kind, source, muted || mutedByServer);
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    void setMutedByServer(boolean mutedByServer) {
        this.mutedByServer = mutedByServer;
    }

    /** The SSRC this track's packets last came with, or -1 before any. */
    long mediaSsrc() {
        return mediaSsrc;
    }

    /** The last SSRC this track's packets came with, so keyframe requests name the right stream. */
    void setMediaSsrc(long ssrc) {
        this.mediaSsrc = ssrc;
    }

    /**
     * Sends this track to a subscriber's send stream on {@code lane}; {@code onUnpublished} ends the
     * subscription when the track goes away. Called under the room lock.
     */
    void addSubscriber(TrackSink stream, ForwardingLane lane, Runnable onUnpublished) {
        subscribers.put(stream, onUnpublished);
        addSink(stream, lane);
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
    void removeSubscriber(TrackSink stream) {
        subscribers.remove(stream);
        forwarder.remove(stream);
    }

    /** Called under the room lock when the track goes away; returns what ends each subscription it had. */
    List<Runnable> removeAllSubscribers() {
        List<Runnable> endings = List.copyOf(subscribers.values());
        subscribers.clear();
        forwarder.clear();
        return endings;
    }

    /** The codec keyframes are detected in, or null (audio). */
    KeyframeDetector.Codec keyframeCodec() {
        return forwarder.keyframeCodec();
    }

    /** Forwards one packet from the publisher to every subscription. Publisher's receiving thread only. */
    void forward(ReceivedPacket packet) {
        if (!mutedByServer) {
            forwarder.forward(packet);
        }
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
        rtcpToPublisher.accept(pli);
    }
}
