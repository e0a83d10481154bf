package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proves that media really flows, from each page's own statistics: every expected track is decoded (video
 * frames of a width, shown by a sized {@code <video>}) or received (audio packets), and its counters keep
 * rising over a three-second window (for audio also the decoded samples). Prints what each page measured.
 */
final class MediaCheck {

    /** Generous: on two shared cores several browsers start, negotiate and wait for a key frame. */
    static final Duration SETTLE = Duration.ofSeconds(40);
    static final Duration WINDOW = Duration.ofSeconds(3);

    private MediaCheck() {
    }

    /** Waits until every page plays its expected tracks, then asserts they keep flowing for {@link #WINDOW}. */
    static void assertFlowing(Map<? extends MediaReceiver, List<ExpectedTrack>> expected) {
        Map<MediaReceiver, List<RemoteTrack>> before = awaitPlaying(expected);
        Poll.pause(WINDOW);
        assertRisingSince(before, expected);
    }

    /** Waits until every page plays its expected tracks and returns what each page measured then. */
    static Map<MediaReceiver, List<RemoteTrack>> awaitPlaying(
            Map<? extends MediaReceiver, List<ExpectedTrack>> expected) {
        Map<MediaReceiver, List<RemoteTrack>> snapshot = new LinkedHashMap<>();
        expected.forEach((page, tracks) -> snapshot.put(page, awaitPlaying(page, tracks)));
        return snapshot;
    }

    private static List<RemoteTrack> awaitPlaying(MediaReceiver page, List<ExpectedTrack> tracks) {
        try {
            return Poll.until(page.name() + " to play " + tracks, SETTLE, page::remoteTracks,
                    seen -> tracks.stream().allMatch(e -> seen.stream().anyMatch(e::isPlayedBy)),
                    Object::toString);
        } catch (AssertionError e) {
            String diagnosis = page.diagnosis();
            E2eLogs.save(page.name(), "diagnosis", diagnosis);
            throw new AssertionError(e.getMessage() + "\n" + page.name() + " " + diagnosis, e);
        }
    }

    /** Asserts each expected track's counter rose since {@code before} (taken by {@link #awaitPlaying}). */
    static void assertRisingSince(Map<MediaReceiver, List<RemoteTrack>> before,
            Map<? extends MediaReceiver, List<ExpectedTrack>> expected) {
        expected.forEach((page, tracks) -> {
            List<RemoteTrack> now = page.remoteTracks();
            for (ExpectedTrack track : tracks) {
                RemoteTrack then = before.get(page).stream().filter(track::isPlayedBy).findFirst()
                        .orElseThrow(() -> new AssertionError(page.name() + " was not playing " + track));
                RemoteTrack later = now.stream().filter(t -> t.trackId().equals(then.trackId())).findFirst()
                        .orElseGet(() -> fail(page.name() + " lost " + then + "; now has " + now));
                System.out.printf("E2E %s receives %s %s of %s: %s; %d s later %s%n", page.name(), track.kind(),
                        track.source(), track.participantId(), then.figures(), WINDOW.toSeconds(), later.figures());
                assertTrue(later.hasProgressedSince(then), () -> page.name() + ": " + track
                        + " stopped flowing: " + then + " then " + later);
                assertTrue(track.isPlayedBy(later), () -> page.name() + " no longer plays " + later);
            }
        });
    }
}
