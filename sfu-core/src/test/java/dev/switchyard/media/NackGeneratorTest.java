package dev.switchyard.media;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NackGeneratorTest {

    private static final long MILLI = 1_000_000L;
    private final NackGenerator nacks = new NackGenerator(3, 40 * MILLI);
    private final int[] lost = new int[64];

    @Test
    void aGapIsRequestedAtOnceThenAgainEveryIntervalUntilItArrives() {
        assertEquals(0, nacks.onPacket(65_534));
        assertEquals(3, nacks.onPacket(65_538), "three packets found missing");
        assertArrayEquals(new int[] {65_535, 0, 1}, requested(0));
        assertArrayEquals(new int[0], requested(10 * MILLI), "not again before the interval");
        assertEquals(0, nacks.onPacket(65_536), "a missing one arriving adds none");
        assertArrayEquals(new int[] {65_535, 1}, requested(41 * MILLI), "the one that arrived is not asked for");
        assertFalse(nacks.takeKeyframeNeed());
    }

    @Test
    void aPacketRequestedTooOftenIsGivenUpForAKeyframe() {
        nacks.onPacket(10);
        nacks.onPacket(12);
        for (int round = 0; round < 3; round++) {
            assertArrayEquals(new int[] {11}, requested(round * 50 * MILLI));
        }
        assertArrayEquals(new int[0], requested(200 * MILLI));
        assertTrue(nacks.takeKeyframeNeed());
        assertFalse(nacks.takeKeyframeNeed(), "once");
        assertEquals(0, nacks.missingCount());
    }

    @Test
    void aMeasuredRoundTripSetsTheFirstWaitAndEachLaterWaitIsAQuarterLonger() {
        nacks.setRoundTrip(80 * MILLI);
        assertEquals(100 * MILLI, nacks.retryIntervalNanos(), "a round trip and a quarter");
        nacks.onPacket(10);
        nacks.onPacket(12);
        assertArrayEquals(new int[] {11}, requested(0));
        assertArrayEquals(new int[0], requested(99 * MILLI), "the answer is not overdue yet");
        assertArrayEquals(new int[] {11}, requested(100 * MILLI));
        assertArrayEquals(new int[0], requested(224 * MILLI));
        assertArrayEquals(new int[] {11}, requested(225 * MILLI), "125 ms after the second request");
        nacks.setRoundTrip(MILLI / 2);
        assertEquals(NackGenerator.MIN_RETRY_INTERVAL_NANOS, nacks.retryIntervalNanos(), "loopback: the floor");
    }

    @Test
    void aPacketMissingForASecondIsGivenUpWhateverItsRequestCount() {
        NackGenerator patient = new NackGenerator(100, 300 * MILLI);
        patient.onPacket(10);
        patient.onPacket(12);
        assertEquals(1, patient.poll(0, lost));
        assertEquals(1, patient.poll(300 * MILLI, lost));
        assertEquals(1, patient.poll(675 * MILLI, lost));
        assertEquals(0, patient.poll(1_200 * MILLI, lost), "due again, but missing for over a second");
        assertTrue(patient.takeKeyframeNeed());
        assertEquals(0, patient.missingCount());
    }

    @Test
    void aHugeGapIsRepairedByAKeyframeNotByNacks() {
        nacks.onPacket(100);
        assertEquals(0, nacks.onPacket(100 + 1000), "none awaited: a keyframe repairs it");
        assertTrue(nacks.takeKeyframeNeed());
        assertEquals(0, nacks.missingCount());
    }

    private int[] requested(long now) {
        int count = nacks.poll(now, lost);
        return Arrays.copyOf(lost, count);
    }
}
