package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What a page's {@code e2e/data-exchange.js} recorded of the data channel messages it received. */
final class DataReception {

    static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);

    private DataReception() {
    }

    /**
     * Waits until {@code receiver} counted {@code count} text messages from {@code sender} on {@code channel}
     * ({@code reliable} or {@code unreliable}); returns its record: count, outOfOrder, longestGapMs, p50, p99.
     */
    static Map<?, ?> awaitCount(SfuPage receiver, SfuPage sender, String channel, int count) {
        return Poll.until(receiver.name() + " to receive " + count + " " + channel + " messages from "
                        + sender.name(), DELIVERY_TIMEOUT, () -> received(receiver, sender, channel),
                received -> number(received, "count") >= count, Object::toString);
    }

    static Map<?, ?> received(SfuPage receiver, SfuPage sender, String channel) {
        Map<?, ?> byKey = (Map<?, ?>) ((Map<?, ?>) receiver.data("stats")).get("byKey");
        Object entry = byKey.get(sender.participantId() + "|" + channel);
        return entry == null ? Map.of("count", 0) : (Map<?, ?>) entry;
    }

    /** Waits for the first binary message and returns it: from, bytes, intact. */
    static Map<?, ?> awaitLarge(SfuPage receiver) {
        List<?> large = Poll.until(receiver.name() + " to receive a binary message", DELIVERY_TIMEOUT,
                () -> (List<?>) ((Map<?, ?>) receiver.data("stats")).get("large"), list -> !list.isEmpty(),
                Object::toString);
        return (Map<?, ?>) large.get(0);
    }

    static long number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? -1 : ((Number) value).longValue();
    }
}
