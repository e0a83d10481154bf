package dev.switchyard.signaling.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.BooleanSupplier;

/** Waits for state that another thread changes (e.g. the server handling a disconnect). */
public final class Eventually {

    private static final long DEADLINE_MILLIS = 10_000;

    private Eventually() {
    }

    public static void await(BooleanSupplier condition, String description) {
        long deadline = System.nanoTime() + DEADLINE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("never happened: " + description);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + description);
            }
        }
    }
}
