package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AbsSendTimeTest {

    @Test
    void roundTripsTheTwentyFourBitValue() {
        byte[] buffer = new byte[5];
        for (int value : new int[] {0, 1, 0x3F128C, 0xFFFFFF}) {
            assertEquals(3, AbsSendTime.write(buffer, 2, value));
            assertEquals(value, AbsSendTime.read(buffer, 2, 3));
        }
        AbsSendTime.write(buffer, 0, 0x123456);
        assertArrayEquals(new byte[] {0x12, 0x34, 0x56}, Arrays.copyOf(buffer, 3));
    }

    @Test
    void convertsSixPointEighteenFixedPoint() {
        assertEquals(1 << 18, AbsSendTime.fromNanos(1_000_000_000L));
        assertEquals(1 << 17, AbsSendTime.fromNanos(500_000_000L));
        assertEquals(0, AbsSendTime.fromNanos(64_000_000_000L), "wraps every 64 seconds");
        assertEquals((3 << 18) | (1 << 16), AbsSendTime.fromNanos(67_250_000_000L));
        assertEquals(250_000_000L, AbsSendTime.toNanos(1 << 16));
        assertEquals(64_000_000_000L - 3815, AbsSendTime.toNanos(0xFFFFFF), "one tick is about 3.8 µs");
    }

    @Test
    void conversionDoesNotOverflowForLongRunningClocks() {
        long nanos = Long.MAX_VALUE;
        long withinCycle = nanos % 64_000_000_000L;
        int value = AbsSendTime.fromNanos(nanos);
        long decoded = AbsSendTime.toNanos(value);
        assertEquals(withinCycle, decoded, 4_000.0);
    }

    @Test
    void rejectsWrongLengthsAndBadRanges() {
        assertEquals(AbsSendTime.INVALID, AbsSendTime.read(new byte[4], 0, 4));
        assertEquals(AbsSendTime.INVALID, AbsSendTime.read(new byte[3], 1, 3));
        assertThrows(IllegalArgumentException.class, () -> AbsSendTime.write(new byte[3], 0, 1 << 24));
        assertThrows(IllegalArgumentException.class, () -> AbsSendTime.write(new byte[3], 0, -1));
        assertThrows(IllegalArgumentException.class, () -> AbsSendTime.write(new byte[3], 1, 0));
    }

    @Test
    void fuzz() {
        ParserFuzzer.fuzz(AbsSendTime::read, List.of(new byte[] {0x3F, 0x12, (byte) 0x8C}), 120_000, 24);
    }
}
