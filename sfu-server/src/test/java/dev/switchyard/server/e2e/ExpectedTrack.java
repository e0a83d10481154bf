package dev.switchyard.server.e2e;

import java.util.List;

/** A track a page should receive, identified by its sender and what it carries. */
record ExpectedTrack(String participantId, String kind, String source) {

    static List<ExpectedTrack> cameraAndMicrophoneOf(String participantId) {
        return List.of(
                new ExpectedTrack(participantId, "video", "camera"),
                new ExpectedTrack(participantId, "audio", "microphone"));
    }

    static ExpectedTrack screenOf(String participantId) {
        return new ExpectedTrack(participantId, "video", "screen");
    }

    boolean matches(RemoteTrack track) {
        return participantId.equals(track.participantId()) && kind.equals(track.kind())
                && source.equals(track.source());
    }

    /** Matches, plays, and is shown by a media element of the right kind marked with its source. */
    boolean isPlayedBy(RemoteTrack track) {
        return matches(track) && track.isPlaying() && kind.equals(track.element())
                && source.equals(track.elementSource());
    }
}
