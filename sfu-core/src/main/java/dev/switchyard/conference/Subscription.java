package dev.switchyard.conference;

import dev.switchyard.media.SendStream;
import dev.switchyard.media.StreamRewriter;

/**
 * One subscriber's view of one published track (mediasoup's Consumer): the m-line it arrives on and the
 * forwarding state ({@link SendStream}) that gives it its own SSRC and continuous numbering.
 */
final class Subscription {

    private final PublishedTrack track;
    private final SubscriberConnection subscriber;
    private final String mid;
    private final SendStream stream;

    Subscription(PublishedTrack track, SubscriberConnection subscriber, String mid, long outputSsrc) {
        this.track = track;
        this.subscriber = subscriber;
        this.mid = mid;
        this.stream = new SendStream(new StreamRewriter(outputSsrc, track.codec().frameTicks()), subscriber,
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

    SendStream stream() {
        return stream;
    }
}
