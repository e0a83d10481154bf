package dev.switchyard.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimestampsTest {

    private static final long MAX = 0xFFFF_FFFFL;

    @Test
    void diffIsTheShortestSignedDistanceAcrossTheWrap() {
        assertEquals(960, Timestamps.diff(959, MAX));
        assertEquals(-960, Timestamps.diff(MAX, 959));
        assertEquals(Integer.MAX_VALUE, Timestamps.diff(0x7FFF_FFFFL, 0));
        assertEquals(Integer.MIN_VALUE, Timestamps.diff(0x8000_0000L, 0));
    }

    @Test
    void isNewerFollowsTheWrap() {
        assertTrue(Timestamps.isNewer(0, MAX));
        assertFalse(Timestamps.isNewer(MAX, 0));
        assertFalse(Timestamps.isNewer(3000, 3000));
        assertNotEquals(Timestamps.isNewer(0x8000_0000L, 0), Timestamps.isNewer(0, 0x8000_0000L));
        assertNotEquals(Timestamps.isNewer(MAX, 0x7FFF_FFFFL), Timestamps.isNewer(0x7FFF_FFFFL, MAX));
    }

    @Test
    void addWraps() {
        assertEquals(959, Timestamps.add(MAX, 960));
        assertEquals(MAX, Timestamps.add(0, -1));
    }
}
