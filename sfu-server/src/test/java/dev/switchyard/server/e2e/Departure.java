package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/**
 * A participant leaving a call as the other pages see it: the time from the leaving page starting to leave to
 * each other page no longer showing anything of it (session entry, remote tracks, media elements). Both ends
 * are read from the wall clock the pages share, inside the pages, so no WebDriver round trip is counted.
 */
final class Departure {

    private Departure() {
    }

    /**
     * Makes {@code leaving} leave; prints how long each of {@code others} took to stop showing it and asserts
     * that each did within {@code deadline}.
     */
    static void assertSeenWithin(Duration deadline, SfuPage leaving, List<SfuPage> others) {
        others.forEach(page -> page.watchDeparture(leaving.participantId()));
        long leftAt = leaving.leave();
        Map<SfuPage, Long> seenAfter = new LinkedHashMap<>();
        for (SfuPage page : others) {
            // Waits past the deadline so that a failure says how late the departure was, or that it never came.
            long millis = page.departureSeenAt(MediaCheck.SETTLE).orElseThrow(() -> new AssertionError(
                    page + " still shows " + leaving + ": " + page.tracesOf(leaving.participantId()))) - leftAt;
            System.out.printf("E2E %s saw %s leave after %d ms%n", page, leaving, millis);
            seenAfter.put(page, millis);
        }
        assertAll(seenAfter.entrySet().stream().map(seen -> (Executable) () -> assertTrue(
                seen.getValue() <= deadline.toMillis(), () -> seen.getKey() + " still showed " + leaving + " "
                        + seen.getValue() + " ms after it left; the limit is " + deadline.toMillis() + " ms")));
    }
}
