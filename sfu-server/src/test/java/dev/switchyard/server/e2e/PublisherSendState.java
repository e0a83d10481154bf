package dev.switchyard.server.e2e;

import java.util.Map;

/**
 * A publisher connection's video send state as its browser's {@code getStats()} reports it: the target bitrate its
 * congestion controller chose, why quality is limited ({@code "none"}, {@code "bandwidth"}, ...), the resolution
 * it sends, its estimate of the path ({@code availableOutgoingBitrate}) and the video bytes it sent so far.
 */
record PublisherSendState(double targetBitrate, String qualityLimitationReason, int frameWidth, int frameHeight,
                          double availableOutgoingBitrate, double bytesSent) {

    static PublisherSendState fromProbe(Map<?, ?> probe) {
        return new PublisherSendState(number(probe, "targetBitrate"), (String) probe.get("qualityLimitationReason"),
                (int) number(probe, "frameWidth"), (int) number(probe, "frameHeight"),
                number(probe, "availableOutgoingBitrate"), number(probe, "bytesSent"));
    }

    /** Video bits per second sent between {@code earlier} and this state, {@code seconds} apart. */
    double sentBitrateSince(PublisherSendState earlier, double seconds) {
        return (bytesSent - earlier.bytesSent) * 8 / seconds;
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
