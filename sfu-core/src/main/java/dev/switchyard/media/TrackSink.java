package dev.switchyard.media;

/**
 * Where one track's packets go: a subscriber's send stream today; a recorder or a relay to another server are
 * other implementations of the same seam.
 */
@FunctionalInterface
public interface TrackSink {

    /** Takes one packet of the track, on the thread that received it; must not keep {@code packet}. */
    void onRtp(ReceivedPacket packet);
}
