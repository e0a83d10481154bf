package dev.switchyard.server.e2e;

import java.util.Map;

/**
 * What one page measured about one received track. {@code framesDecoded}, {@code frameWidth}, {@code
 * packetsReceived} and {@code totalSamplesReceived} come from the track's {@code inbound-rtp} statistics (0 where
 * the browser reports none).
 *
 * @param element the tag of the media element showing it ({@code video}/{@code audio}), or null if none
 * @param elementSource the element's {@code data-source}, or null
 * @param videoWidth the width the element shows, 0 for audio
 */
record RemoteTrack(String trackId, String participantId, String kind, String source, String readyState,
        long framesDecoded, long frameWidth, long packetsReceived, long totalSamplesReceived, String element,
        String elementSource, long videoWidth) {

    static RemoteTrack fromProbe(Map<?, ?> probed) {
        return new RemoteTrack(
                (String) probed.get("trackId"),
                (String) probed.get("participantId"),
                (String) probed.get("kind"),
                (String) probed.get("source"),
                (String) probed.get("readyState"),
                number(probed.get("framesDecoded")),
                number(probed.get("frameWidth")),
                number(probed.get("packetsReceived")),
                number(probed.get("totalSamplesReceived")),
                (String) probed.get("element"),
                (String) probed.get("elementSource"),
                number(probed.get("videoWidth")));
    }

    boolean isVideo() {
        return "video".equals(kind);
    }

    /** Video has decoded sized frames and a sized element; audio has received packets. */
    boolean isPlaying() {
        return isVideo() ? framesDecoded > 0 && frameWidth > 0 && videoWidth > 0 : packetsReceived > 0;
    }

    /** Media kept arriving since {@code earlier}: more decoded frames for video, more packets and samples for audio. */
    boolean hasProgressedSince(RemoteTrack earlier) {
        return isVideo() ? framesDecoded > earlier.framesDecoded
                : packetsReceived > earlier.packetsReceived && totalSamplesReceived > earlier.totalSamplesReceived;
    }

    /** What shows it plays, for the test's output. */
    String figures() {
        return isVideo()
                ? framesDecoded + " frames decoded " + frameWidth + " px wide, shown " + videoWidth + " px wide"
                : packetsReceived + " packets, " + totalSamplesReceived + " samples received";
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
