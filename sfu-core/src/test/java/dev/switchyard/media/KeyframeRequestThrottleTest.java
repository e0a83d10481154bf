package dev.switchyard.media;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyframeRequestThrottleTest {

    @Test
    void allowsOneRequestPerInterval() {
        KeyframeRequestThrottle throttle = new KeyframeRequestThrottle(500, TimeUnit.MILLISECONDS);
        long start = 1_000_000_000L;
        assertTrue(throttle.tryAcquire(start));
        assertFalse(throttle.tryAcquire(start + TimeUnit.MILLISECONDS.toNanos(499)));
        assertTrue(throttle.tryAcquire(start + TimeUnit.MILLISECONDS.toNanos(500)));
        assertFalse(throttle.tryAcquire(start + TimeUnit.MILLISECONDS.toNanos(600)));
    }
}
