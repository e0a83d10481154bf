package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The participants of one room and the tracks they publish: the routing table that decides who receives
 * what. Every change happens while holding the room's monitor ({@code synchronized (room)}), so a join, a
 * publish and a subscribe never interleave; the media path reads copy-on-write snapshots instead.
 */
final class Room {

    private final String id;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, PublishedTrack> tracks = new LinkedHashMap<>();

    Room(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    /** Called with the room lock held. */
    void add(Participant participant) {
        ParticipantInfo info = participant.info();
        for (Participant other : participants.values()) {
            other.listener().onParticipantJoined(info);
        }
        participants.put(participant.id(), participant);
    }

    /** Called with the room lock held: tells everyone else; the departing participant's tracks go after. */
    void remove(Participant participant) {
        if (participants.remove(participant.id()) == null) {
            return;
        }
        for (Participant other : participants.values()) {
            other.listener().onParticipantLeft(participant.id());
        }
    }

    boolean isEmpty() {
        return participants.isEmpty();
    }

    int size() {
        return participants.size();
    }

    Collection<Participant> participants() {
        return participants.values();
    }

    List<ParticipantInfo> othersThan(Participant participant) {
        List<ParticipantInfo> others = new ArrayList<>();
        for (Participant other : participants.values()) {
            if (other != participant) {
                others.add(other.info());
            }
        }
        return others;
    }

    PublishedTrack track(String trackId) {
        return tracks.get(trackId);
    }

    /** Called with the room lock held: registers the track and tells everyone else. */
    void publish(PublishedTrack track) {
        tracks.put(track.trackId(), track);
        TrackInfo info = track.info();
        for (Participant other : participants.values()) {
            if (other != track.owner()) {
                other.listener().onTrackPublished(info);
            }
        }
    }

    /**
     * Called with the room lock held: drops the track, tells everyone else, then ends its subscriptions, so that
     * each subscriber hears that the track is gone before the renegotiation that removes it.
     */
    void unpublish(PublishedTrack track) {
        if (tracks.remove(track.trackId()) == null) {
            return;
        }
        TrackInfo info = track.info();
        for (Participant other : participants.values()) {
            if (other != track.owner()) {
                other.listener().onTrackUnpublished(info);
            }
        }
        for (Subscription subscription : track.removeAllSubscriptions()) {
            subscription.subscriber().owner().subscriptionEnded(subscription);
        }
    }

    /** Called with the room lock held. */
    void announceMute(PublishedTrack track) {
        TrackInfo info = track.info();
        for (Participant other : participants.values()) {
            if (other != track.owner()) {
                other.listener().onTrackMuted(info);
            }
        }
    }
}
