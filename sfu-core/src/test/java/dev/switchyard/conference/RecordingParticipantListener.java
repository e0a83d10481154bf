package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Queues every conference event for a test to poll, and keeps their order. */
final class RecordingParticipantListener implements ParticipantListener {

    record Offer(String sdp, List<OfferedTrack> tracks) {
    }

    final BlockingQueue<ParticipantInfo> joined = new LinkedBlockingQueue<>();
    final BlockingQueue<String> left = new LinkedBlockingQueue<>();
    final BlockingQueue<TrackInfo> published = new LinkedBlockingQueue<>();
    final BlockingQueue<TrackInfo> unpublished = new LinkedBlockingQueue<>();
    final BlockingQueue<TrackInfo> muted = new LinkedBlockingQueue<>();
    final BlockingQueue<Offer> offers = new LinkedBlockingQueue<>();
    final BlockingQueue<String> removed = new LinkedBlockingQueue<>();
    /** "left ID", "unpublished TRACK-ID", "offer" and "data channel closed SENDER LABEL REASON", in order. */
    final List<String> order = Collections.synchronizedList(new ArrayList<>());
    /** m-lines in the latest offer a test read from {@link #offers}; written by that test. */
    volatile int lastOfferMediaLines;

    @Override
    public void onParticipantJoined(ParticipantInfo participant) {
        joined.add(participant);
    }

    @Override
    public void onParticipantLeft(String participantId) {
        order.add("left " + participantId);
        left.add(participantId);
    }

    @Override
    public void onTrackPublished(TrackInfo track) {
        published.add(track);
    }

    @Override
    public void onTrackUnpublished(TrackInfo track) {
        order.add("unpublished " + track.trackId());
        unpublished.add(track);
    }

    @Override
    public void onTrackMuted(TrackInfo track) {
        muted.add(track);
    }

    @Override
    public void onDataChannelClosed(String senderId, String label, String reason) {
        order.add("data channel closed " + senderId + " " + label + " " + reason);
    }

    @Override
    public void onSubscriberOffer(String offerSdp, List<OfferedTrack> tracks) {
        order.add("offer");
        offers.add(new Offer(offerSdp, tracks));
    }

    @Override
    public void onRemoved(String reason) {
        removed.add(reason);
    }
}
