package dev.switchyard.server.e2e;

import java.util.Map;

/**
 * A publisher connection's video send state as its browser's {@code getStats()} reports it: the target bitrate its
 * congestion controller chose, why quality is limited ({@code "none"}, {@code "bandwidth"}, ...), the resolution
 * it sends, and its estimate of the path ({@code availableOutgoingBitrate}).
 */
record PublisherSendState(double targetBitrate, String qualityLimitationReason, int frameWidth, int frameHeight,
                          double availableOutgoingBitrate) {

    static PublisherSendState fromProbe(Map<?, ?> probe) {
        return new PublisherSendState(number(probe, "targetBitrate"), (String) probe.get("qualityLimitationReason"),
                (int) number(probe, "frameWidth"), (int) number(probe, "frameHeight"),
                number(probe, "availableOutgoingBitrate"));
    }

    private static double number(Map<?, ?> probe, String key) {
        Object value = probe.get(key);
        return value instanceof Number number ? number.doubleValue() : 0;
    }

    @Override
    public String toString() {
        return String.format("target %.0f kbit/s, available %.0f kbit/s, %dx%d, limited by %s",
                targetBitrate / 1000, availableOutgoingBitrate / 1000, frameWidth, frameHeight,
                qualityLimitationReason);
    }
}
