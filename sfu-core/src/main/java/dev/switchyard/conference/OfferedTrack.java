package dev.switchyard.conference;

import java.util.Objects;

/** A track carried by one m-line of a subscriber's connection. */
public record OfferedTrack(String mid, TrackInfo track) {

    public OfferedTrack {
        Objects.requireNonNull(mid, "mid");
        Objects.requireNonNull(track, "track");
    }
}
