package dev.switchyard.conference;

import java.util.List;
import java.util.Objects;

/** The server's answer to a publisher offer and the tracks that offer published. */
public record PublishedTracks(String answerSdp, List<TrackInfo> tracks) {

    public PublishedTracks {
        Objects.requireNonNull(answerSdp, "answerSdp");
        tracks = List.copyOf(tracks);
    }
}
