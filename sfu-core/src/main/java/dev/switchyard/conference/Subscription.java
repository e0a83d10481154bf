package dev.switchyard.conference;

import dev.switchyard.router.StreamRewriter;
import dev.switchyard.router.SubscriberStream;

/**
 * One subscriber's view of one published track (mediasoup's Consumer): the m-line it arrives on and the
 * forwarding state ({@link SubscriberStream}) that gives it its own SSRC and continuous numbering.
 */
final class Subscription {

    private final PublishedTrack track;
    private final SubscriberConnection subscriber;
    private final String mid;
    private final SubscriberStream stream;

    Subscription(PublishedTrack track, SubscriberConnection subscriber, String mid, long outputSsrc) {
        this.track = track;
        this.subscriber = subscriber;
        this.mid = mid;
        this.stream = new SubscriberStream(new StreamRewriter(outputSsrc, track.codec().frameTicks()), subscriber,
                track.kind() == MediaKind.VIDEO, track);
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
        return stream.outputSsrc();
    }

    SubscriberStream stream() {
        return stream;
    }
}
