package dev.switchyard.conference;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.switchyard.datachannel.DataRoom;

/**
 * The participants of one room and the tracks they publish: the routing table that decides who receives
 * what. Every change happens while holding the room's monitor ({@code synchronized (room)}), so a join, a
 * publish and a subscribe never interleave; the media path reads copy-on-write snapshots instead.
 */
final class Room {

    private final String id;
    private final Map<String, RoomMember> participants = new LinkedHashMap<>();
    private final Map<String, PublishedTrack> tracks = new LinkedHashMap<>();
    private final DataRoom dataRoom;

    Room(String id, DataRoom dataRoom) {
        this.id = id;
        this.dataRoom = dataRoom;
    }

    String id() {
        return id;
    }

    /** The room's data channel routing, which runs on the data channel thread, not under the room lock. */
    DataRoom dataRoom() {
        return dataRoom;
    }

    /** Called with the room lock held. */
    void add(RoomMember participant) {
        ParticipantInfo info = participant.info();
        for (RoomMember other : participants.values()) {
            other.listener().onParticipantJoined(info);
        }
        participants.put(participant.id(), participant);
    }

    /** Called with the room lock held: tells everyone else; the departing participant's tracks go after. */
    void remove(RoomMember participant) {
        if (participants.remove(participant.id()) == null) {
            return;
        }
        for (RoomMember other : participants.values()) {
            other.listener().onParticipantLeft(participant.id());
        }
    }

    int trackCount() {
        return tracks.size();
    }

    boolean isEmpty() {
        return participants.isEmpty();
    }

    int size() {
        return participants.size();
    }

    Collection<RoomMember> participants() {
        return participants.values();
    }

    List<ParticipantInfo> othersThan(RoomMember participant) {
        List<ParticipantInfo> others = new ArrayList<>();
        for (RoomMember other : participants.values()) {
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
        for (RoomMember other : participants.values()) {
            if (!other.id().equals(track.ownerId())) {
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
        for (RoomMember other : participants.values()) {
            if (!other.id().equals(track.ownerId())) {
                other.listener().onTrackUnpublished(info);
            }
        }
        track.removeAllSubscribers().forEach(Runnable::run);
    }

    /** Called with the room lock held; the owner is told too when the server changed its track. */
    void announceMute(PublishedTrack track, boolean toOwner) {
        TrackInfo info = track.info();
        for (RoomMember other : participants.values()) {
            if (toOwner || !other.id().equals(track.ownerId())) {
                other.listener().onTrackMuted(info);
            }
        }
    }
}
