package dev.switchyard.server.e2e;

import java.util.Map;

/**
 * What one page measured about one received track.
 *
 * @param element the tag of the media element showing it ({@code video}/{@code audio}), or null if none
 * @param elementSource the element's {@code data-source}, or null
 */
record RemoteTrack(String trackId, String participantId, String kind, String source, String readyState,
        long framesDecoded, long packetsReceived, String element, String elementSource, long videoWidth) {

    static RemoteTrack fromProbe(Map<?, ?> probed) {
        return new RemoteTrack(
                (String) probed.get("trackId"),
                (String) probed.get("participantId"),
                (String) probed.get("kind"),
                (String) probed.get("source"),
                (String) probed.get("readyState"),
                number(probed.get("framesDecoded")),
                number(probed.get("packetsReceived")),
                (String) probed.get("element"),
                (String) probed.get("elementSource"),
                number(probed.get("videoWidth")));
    }

    boolean isVideo() {
        return "video".equals(kind);
    }

    /** Video has decoded frames and a sized element; audio has received packets. */
    boolean isPlaying() {
        return isVideo() ? framesDecoded > 0 && videoWidth > 0 : packetsReceived > 0;
    }

    /** The counter that proves media arrives: decoded frames for video, packets for audio. */
    long progress() {
        return isVideo() ? framesDecoded : packetsReceived;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
