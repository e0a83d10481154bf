package dev.switchyard.conference;

import java.util.List;

/**
 * What the conference tells one participant's signaling session. Calls come from signaling and media threads;
 * implementations hand them to the participant's connection without blocking.
 */
public interface ParticipantListener {

    void onParticipantJoined(ParticipantInfo participant);

    void onParticipantLeft(String participantId);

    void onTrackPublished(TrackInfo track);

    void onTrackUnpublished(TrackInfo track);

    void onTrackMuted(TrackInfo track);

    /** The subscriber connection must be (re)negotiated: send this offer, expect an answer. */
    void onSubscriberOffer(String offerSdp, List<OfferedTrack> tracks);

    /** The server removed the participant (its media connection failed or consent expired). */
    void onRemoved(String reason);

    /**
     * The server closed the data channel that carried {@code senderId}'s messages labelled {@code label} to this
     * participant, for {@code reason} ({@code receiver_too_slow}); the channel itself closes by SCTP.
     */
    void onDataChannelClosed(String senderId, String label, String reason);
}
