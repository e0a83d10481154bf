package dev.switchyard.conference;

/** A request named a track that does not exist in the room (or, for muting, is not the requester's own). */
public final class UnknownTrackException extends Exception {

    public UnknownTrackException(String trackId) {
        super("no such track: " + trackId);
    }
}
