package dev.switchyard.conference;

import java.util.List;
import java.util.Objects;

/**
 * What everyone in a room may know about a participant.
 *
 * @param identity who it is by its access token, or null where joins need none
 */
public record ParticipantInfo(String participantId, String identity, String name, List<TrackInfo> tracks) {

    public ParticipantInfo {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(name, "name");
        tracks = List.copyOf(tracks);
    }
}
