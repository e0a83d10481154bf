package dev.switchyard.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimestampUnwrapperTest {

    private static final long WRAP = 1L << 32;

    private final TimestampUnwrapper unwrapper = new TimestampUnwrapper();

    @Test
    void countsCyclesAcrossManyWraps() {
        long expected = 0xFFFF_0000L;
        unwrapper.unwrap(expected);
        long step = 90_000L * 3_600; // one hour of 90 kHz video per step
        for (int i = 0; i < 20; i++) {
            expected += step;
            assertEquals(expected, unwrapper.unwrap(expected & 0xFFFF_FFFFL));
        }
    }

    @Test
    void reorderingAcrossTheWrapGoesBothWays() {
        assertEquals(WRAP - 960, unwrapper.unwrap(WRAP - 960));
        assertEquals(WRAP + 960, unwrapper.unwrap(960));
        assertEquals(WRAP - 960, unwrapper.unwrap(WRAP - 960), "late packet from before the wrap");
        assertEquals(WRAP, unwrapper.unwrap(0));
    }

    @Test
    void packetsOlderThanTheFirstMayGoNegative() {
        unwrapper.unwrap(100);
        assertEquals(-100, unwrapper.unwrap(WRAP - 100));
    }
}
