package dev.switchyard.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceNumbersTest {

    @Test
    void diffIsTheShortestSignedDistanceAcrossTheWrap() {
        assertEquals(1, SequenceNumbers.diff(0, 0xFFFF));
        assertEquals(-1, SequenceNumbers.diff(0xFFFF, 0));
        assertEquals(10, SequenceNumbers.diff(5, 0xFFFB));
        assertEquals(0x7FFF, SequenceNumbers.diff(0x7FFF, 0));
        assertEquals(-0x8000, SequenceNumbers.diff(0x8000, 0));
        assertEquals(0, SequenceNumbers.diff(1234, 1234));
    }

    @Test
    void isNewerFollowsTheWrap() {
        assertTrue(SequenceNumbers.isNewer(0, 0xFFFF));
        assertFalse(SequenceNumbers.isNewer(0xFFFF, 0));
        assertTrue(SequenceNumbers.isNewer(0x7FFF, 0));
        assertFalse(SequenceNumbers.isNewer(0x8001, 0));
        assertFalse(SequenceNumbers.isNewer(7, 7));
    }

    @Test
    void halfwayPairsAreOrderedOneWayOnly() {
        for (int a = 0; a < 0x10000; a += 0x0FFF) {
            int b = (a + 0x8000) & 0xFFFF;
            assertNotEquals(SequenceNumbers.isNewer(a, b), SequenceNumbers.isNewer(b, a), "a=" + a);
        }
    }

    @Test
    void addWraps() {
        assertEquals(1, SequenceNumbers.add(0xFFFF, 2));
        assertEquals(0xFFFF, SequenceNumbers.add(0, -1));
    }
}
