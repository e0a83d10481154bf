package dev.switchyard.conference;

import java.util.Objects;

/** What everyone in a room may know about a published track. */
public record TrackInfo(String trackId, String participantId, MediaKind kind, TrackSource source, boolean muted) {

    public TrackInfo {
        Objects.requireNonNull(trackId, "trackId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }
}
