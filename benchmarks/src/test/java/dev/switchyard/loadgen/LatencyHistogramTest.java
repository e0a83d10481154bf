package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void valuesBelowOneMillisecondAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 100; micros++) {
            histogram.record(micros);
        }
        assertEquals(100, histogram.count());
        assertEquals(50, histogram.percentile(0.50));
        assertEquals(99, histogram.percentile(0.99));
        assertEquals(100, histogram.max());
    }

    @Test
    void largerValuesAreWithinAFifthOfAPercent() {
        LatencyHistogram histogram = new LatencyHistogram();
        long[] values = {1_024, 5_000, 123_456, 9_876_543, 2_000_000_000L};
        for (long value : values) {
            LatencyHistogram single = new LatencyHistogram();
            single.record(value);
            histogram.add(single);
            long reported = single.percentile(0.5);
            assertTrue(Math.abs(reported - value) <= value / 500, value + " reported as " + reported);
        }
        assertEquals(values.length, histogram.count());
        assertEquals(2_000_000_000L, histogram.max());
        assertTrue(Math.abs(histogram.percentile(0.5) - 123_456) <= 123_456 / 500);
    }

    @Test
    void negativeValuesCountAsZeroAndAnEmptyHistogramReportsZero() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.percentile(0.99));
        histogram.record(-5);
        assertEquals(0, histogram.percentile(0.5));
        assertEquals(1, histogram.count());
    }
}
