package dev.switchyard.media;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferenceTimeRoundTripTest {

    private static final long MILLI = 1_000_000L;
    /** 2026-12-02T00:00:00Z; any wall clock does. */
    private static final long UNIX_MILLIS = 1_796_169_600_000L;

    private final ReferenceTimeRoundTrip roundTrip = new ReferenceTimeRoundTrip(UNIX_MILLIS, 5_000 * MILLI);

    private static long middleBits(long ntp) {
        return ntp >>> 16 & 0xFFFF_FFFFL;
    }

    @Test
    void theRoundTripIsTheTimeToTheAnswerLessTheTimeThePeerHeldIt() {
        long sent = roundTrip.referenceTime(6_000 * MILLI);
        assertEquals(-1, roundTrip.roundTripNanos(), "unknown before an answer");
        // Answered 250 ms later, of which the peer held it 200 ms (13,107.2 units of 1/65536 s).
        assertTrue(roundTrip.onDelaySinceLastReceiverReport(middleBits(sent), 13_107, 6_250 * MILLI));
        assertEquals(50.0, roundTrip.roundTripNanos() / (double) MILLI, 0.1);
    }

    @Test
    void referenceTimesFollowTheMonotonicClockFromTheWallClockBase() {
        long first = roundTrip.referenceTime(5_000 * MILLI);
        long later = roundTrip.referenceTime(6_500 * MILLI);
        assertEquals(UNIX_MILLIS / 1000 + 2_208_988_800L, first >>> 32, "NTP seconds");
        assertEquals(1.5, (later - first) / (double) (1L << 32), 0.001, "1.5 s apart in NTP");
    }

    @Test
    void laterAnswersAreSmoothedAndAnOlderReferenceTimeIsStillAnswerable() {
        long older = roundTrip.referenceTime(6_000 * MILLI);
        long newer = roundTrip.referenceTime(7_000 * MILLI);
        assertTrue(roundTrip.onDelaySinceLastReceiverReport(middleBits(newer), 0, 7_080 * MILLI));
        assertEquals(80 * MILLI, roundTrip.roundTripNanos());
        assertTrue(roundTrip.onDelaySinceLastReceiverReport(middleBits(older), 0, 6_000 * MILLI + 160 * MILLI));
        assertEquals(90 * MILLI, roundTrip.roundTripNanos(), "an eighth of the way to the new sample");
    }

    @Test
    void answersToUnknownOrAbsentReferenceTimesMeasureNothing() {
        roundTrip.referenceTime(6_000 * MILLI);
        assertFalse(roundTrip.onDelaySinceLastReceiverReport(0, 0, 6_010 * MILLI), "LRR 0: no RRTR received");
        assertFalse(roundTrip.onDelaySinceLastReceiverReport(0x1234_5678L, 0, 6_010 * MILLI));
        assertEquals(-1, roundTrip.roundTripNanos());
    }

    @Test
    void aHoldLongerThanTheElapsedTimeCountsAsNoDelayNotANegativeOne() {
        long sent = roundTrip.referenceTime(6_000 * MILLI);
        assertTrue(roundTrip.onDelaySinceLastReceiverReport(middleBits(sent), 65_536, 6_100 * MILLI));
        assertEquals(0, roundTrip.roundTripNanos());
    }
}
