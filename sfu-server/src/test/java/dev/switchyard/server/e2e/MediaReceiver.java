package dev.switchyard.server.e2e;

import java.util.List;

/** A browser page that receives remote tracks and can report what it decoded. */
interface MediaReceiver {

    String name();

    List<RemoteTrack> remoteTracks();

    /** What the page can tell about its own state when a check fails: events, connection states. */
    default String diagnosis() {
        return "";
    }
}
