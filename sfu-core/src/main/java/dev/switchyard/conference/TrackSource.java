package dev.switchyard.conference;

import java.util.Locale;

/** Where a published track comes from, as the publisher declared it. */
public enum TrackSource {
    CAMERA, MICROPHONE, SCREEN, SCREEN_AUDIO;

    /** The name used in signaling, e.g. {@code screen_audio}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a signaling name; null for an unknown one. */
    public static TrackSource fromWireName(String name) {
        for (TrackSource source : values()) {
            if (source.wireName().equals(name)) {
                return source;
            }
        }
        return null;
    }
}
