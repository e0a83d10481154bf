package dev.switchyard.conference;

import java.util.Locale;

/** The media kind of a track, as in the SDP m= line. */
public enum MediaKind {
    AUDIO, VIDEO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
