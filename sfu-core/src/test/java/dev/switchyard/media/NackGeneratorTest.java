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
