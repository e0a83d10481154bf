package dev.switchyard.media;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Limits keyframe requests (PLI) to one publisher stream: however many subscribers join or lose packets at
 * once, the encoder is asked at most once per interval, since every request costs a large frame.
 */
public final class KeyframeRequestThrottle {

    private final long intervalNanos;
    private final AtomicLong lastRequestNanos = new AtomicLong(Long.MIN_VALUE / 2);

    public KeyframeRequestThrottle(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /** True if a request may be sent now; it then counts as sent. Safe from any thread. */
    public boolean tryAcquire(long nowNanos) {
        long last = lastRequestNanos.get();
        return nowNanos - last >= intervalNanos && lastRequestNanos.compareAndSet(last, nowNanos);
    }
}
