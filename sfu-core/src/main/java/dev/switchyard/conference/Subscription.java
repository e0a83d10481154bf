package dev.switchyard.conference;

import java.util.Map;

import dev.switchyard.media.ForwardingLane;
import dev.switchyard.media.HeaderExtensionMap;
import dev.switchyard.media.RtpSender;
import dev.switchyard.media.SendStream;
import dev.switchyard.media.StreamRewriter;

/**
 * One subscriber's view of one published track (mediasoup's Consumer): the m-line it arrives on and the
 * forwarding state ({@link SendStream}) that gives it its own SSRC and continuous numbering.
 */
final class Subscription {

    private final PublishedTrack track;
    private final ForwardingLane lane;
    private final String mid;
    private final SendStream stream;

    /**
     * @param sender the subscriber's connection, which protects and sends
     * @param lane the lane whose thread runs the subscriber's send streams
     */
    Subscription(PublishedTrack track, RtpSender sender, ForwardingLane lane, String mid, long outputSsrc) {
        this.track = track;
        this.lane = lane;
        this.mid = mid;
        this.stream = new SendStream(new StreamRewriter(outputSsrc, track.codec().frameTicks()), sender,
                track.kind() == MediaKind.VIDEO, track);
        useHeaderExtensions(RtpCapabilities.subscriberExtensions(track.kind()));
    }

    /**
     * Forwards the header extensions the subscriber takes, by URI, with the subscriber's ids: at first what the
     * offer proposes, then what the answer accepted.
     */
    void useHeaderExtensions(Map<String, Integer> subscriberIds) {
        stream.setHeaderExtensions(HeaderExtensionMap.between(track.extensionIds(), subscriberIds));
    }

    PublishedTrack track() {
        return track;
    }

    ForwardingLane lane() {
        return lane;
    }

    String mid() {
        return mid;
    }

    long outputSsrc() {
        return stream.outputSsrc();
    }

    SendStream stream() {
        return stream;
    }
}
