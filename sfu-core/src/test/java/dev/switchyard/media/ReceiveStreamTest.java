package dev.switchyard.media;

import org.junit.jupiter.api.Test;

import dev.switchyard.rtcp.ReportBlock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiveStreamTest {

    private static final long SSRC = 0x1234_5678L;
    private static final long MILLI = 1_000_000L;

    @Test
    void lossIsExpectedMinusReceivedAndTheFractionCoversOnlyTheLastInterval() {
        ReceiveStream stream = new ReceiveStream(SSRC, 90_000, null);
        assertFalse(stream.hasReceived());
        for (int sequence = 100; sequence < 200; sequence++) {
            if (sequence % 10 != 0) {
                stream.onPacket(sequence, sequence * 3000L, sequence * 33 * MILLI, 1000);
            }
        }
        ReportBlock first = stream.report(7_000 * MILLI);
        assertEquals(SSRC, first.ssrc());
        // The first packet seen is 101, so 101..199 are expected (99) and 110, 120, ..., 190 are missing.
        assertEquals(9, first.cumulativeLost(), "110..190 lost");
        assertEquals(9 * 256 / 99, first.fractionLost());
        assertEquals(199, first.extendedHighestSequence());

        for (int sequence = 200; sequence < 300; sequence++) {
            stream.onPacket(sequence, sequence * 3000L, sequence * 33 * MILLI, 1000);
        }
        ReportBlock second = stream.report(10_000 * MILLI);
        assertEquals(0, second.fractionLost(), "nothing lost since the previous report");
        assertEquals(9, second.cumulativeLost());
        assertEquals(90 + 100, stream.packetsReceived());
        assertEquals(190_000, stream.bytesReceived());
    }

    @Test
    void extendedSequenceNumbersCountCyclesAcrossTheWrapAndReorderingDoesNotMoveTheHighest() {
        ReceiveStream stream = new ReceiveStream(SSRC, 48_000, null);
        assertEquals(65_534, stream.onPacket(65_534, 0, 0, 100));
        assertEquals(65_536 + 1, stream.onPacket(1, 960, 20 * MILLI, 100));
        assertEquals(65_535, stream.onPacket(65_535, 960, 21 * MILLI, 100), "late packet keeps its place");
        assertEquals(65_536, stream.onPacket(0, 960, 22 * MILLI, 100));
        assertEquals(65_537, stream.highestSequence());
        assertEquals(0, stream.cumulativeLost());
        assertEquals(0x1_0001L, stream.report(30 * MILLI).extendedHighestSequence(), "one cycle, highest 1");
    }

    @Test
    void jitterFollowsRfc3550SmoothingOfTransitTimeDifferences() {
        ReceiveStream steady = new ReceiveStream(SSRC, 90_000, null);
        for (int i = 0; i < 100; i++) {
            steady.onPacket(i, i * 3000L, i * 1_000_000_000L / 30, 1000);
        }
        assertTrue(steady.jitter() <= 1, "a perfectly paced stream has no jitter: " + steady.jitter());

        ReceiveStream shaky = new ReceiveStream(SSRC, 90_000, null);
        for (int i = 0; i < 400; i++) {
            long wobble = (i % 2 == 0 ? 0 : 10) * MILLI;
            shaky.onPacket(i, i * 3000L, i * 1_000_000_000L / 30 + wobble, 1000);
        }
        // Every transit difference is 10 ms = 900 ticks; the filter converges on it.
        assertEquals(900, shaky.jitter(), 10);
    }

    @Test
    void aSenderReportGivesLsrAndDelaySinceIt() {
        ReceiveStream stream = new ReceiveStream(SSRC, 90_000, null);
        stream.onPacket(1, 0, 0, 100);
        assertEquals(0, stream.report(MILLI).lastSenderReport(), "no SR yet");
        long ntp = 0xAABB_CCDD_EEFF_0011L;
        stream.onSenderReport(ntp, 90_000, 1_000 * MILLI);
        ReportBlock block = stream.report(1_500 * MILLI);
        assertEquals(0xCCDD_EEFFL, block.lastSenderReport());
        assertEquals(65_536 / 2, block.delaySinceLastSenderReport(), "half a second in 1/65536 s");
    }

    @Test
    void duplicatesMakeCumulativeLossNegativeAsRfc3550Allows() {
        ReceiveStream stream = new ReceiveStream(SSRC, 90_000, null);
        stream.onPacket(5, 0, 0, 100);
        stream.onPacket(5, 0, 0, 100);
        assertEquals(-1, stream.cumulativeLost());
        assertEquals(-1, stream.report(MILLI).cumulativeLost());
    }
}
