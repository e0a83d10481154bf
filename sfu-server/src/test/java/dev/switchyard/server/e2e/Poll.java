package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a browser-side condition: pages change asynchronously and offer no event the test could wait on. */
final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Poll() {
    }

    /** Samples until {@code done} accepts a value; on timeout fails, describing the last sample. */
    static <T> T until(String what, Duration timeout, Supplier<T> sample, Predicate<T> done,
            Function<T, String> describe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = sample.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
                        + "; last seen: " + describe.apply(value));
            }
            pause(INTERVAL);
        }
    }

    /** Sleeps for {@code duration}; returns at once when it is zero or negative. */
    static void pause(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
