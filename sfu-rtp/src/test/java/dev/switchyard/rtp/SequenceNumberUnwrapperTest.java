package dev.switchyard.rtp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SequenceNumberUnwrapperTest {

    private final SequenceNumberUnwrapper unwrapper = new SequenceNumberUnwrapper();

    @Test
    void firstValueIsKeptAsIs() {
        assertEquals(65000, unwrapper.unwrap(65000));
    }

    @Test
    void countsCyclesAcrossManyWraps() {
        long expected = 65530;
        unwrapper.unwrap(65530);
        for (int i = 0; i < 5 * 65536; i += 1000) {
            expected += 1000;
            assertEquals(expected, unwrapper.unwrap((int) (expected & 0xFFFF)));
        }
    }

    @Test
    void reorderingAcrossTheWrapGoesBothWays() {
        assertEquals(65534, unwrapper.unwrap(65534));
        assertEquals(65536 + 1, unwrapper.unwrap(1));
        assertEquals(65535, unwrapper.unwrap(65535), "late packet from before the wrap");
        assertEquals(65536, unwrapper.unwrap(0));
        assertEquals(65536 + 2, unwrapper.unwrap(2));
    }

    @Test
    void latePacketsDoNotMoveTheReference() {
        unwrapper.unwrap(40000);
        assertEquals(40000 - 30000, unwrapper.unwrap(10000));
        // Measured from the last value (10000) this would look older; from the newest (40000) it is newer.
        assertEquals(65536 + 5000, unwrapper.unwrap(5000));
    }

    @Test
    void packetsOlderThanTheFirstMayGoNegative() {
        unwrapper.unwrap(3);
        assertEquals(-2, unwrapper.unwrap(65534));
    }

    @Test
    void resetStartsOver() {
        unwrapper.unwrap(100);
        unwrapper.unwrap(30000);
        unwrapper.reset();
        assertEquals(65000, unwrapper.unwrap(65000));
    }
}
