package dev.switchyard.conference;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The server's answer to a publisher offer and the tracks that offer added, by the mid of their m-line so the
 * publisher can tell which of its transceivers became which track.
 */
public record PublishedTracks(String answerSdp, Map<String, TrackInfo> tracksByMid) {

    public PublishedTracks {
        Objects.requireNonNull(answerSdp, "answerSdp");
        tracksByMid = Collections.unmodifiableMap(new LinkedHashMap<>(tracksByMid));
    }

    /** The added tracks in m-line order. */
    public List<TrackInfo> tracks() {
        return List.copyOf(tracksByMid.values());
    }
}
