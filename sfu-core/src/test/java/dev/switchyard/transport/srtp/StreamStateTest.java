package dev.switchyard.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StreamStateTest {

    @Test
    void estimatesTheRolloverCounterAroundTheHighestIndex() {
        StreamState stream = new StreamState();
        assertEquals(65000, stream.rtpIndex(65000), "first packet: ROC 0");
        stream.accept(65000);
        assertEquals(65535, stream.rtpIndex(65535));
        assertEquals(65536 + 3, stream.rtpIndex(3), "wrapped: ROC 1");
        stream.accept(65536 + 3);
        assertEquals(65534, stream.rtpIndex(65534), "late packet from before the wrap keeps ROC 0");
        assertEquals(40000, stream.rtpIndex(40000), "more than half the sequence space ahead: previous ROC");
        assertEquals(65536 + 30000, stream.rtpIndex(30000));
        stream.accept(65536 + 60000);
        assertEquals(2 * 65536 + 100, stream.rtpIndex(100), "wrapped again: ROC 2");
        assertEquals(65536 + 30000, stream.rtpIndex(30000), "less than half the sequence space behind");
    }

    @Test
    void anIndexBeforeTheFirstPacketAcrossTheWrapIsNegativeAndAReplay() {
        StreamState stream = new StreamState();
        stream.accept(10);
        long index = stream.rtpIndex(65000);
        assertTrue(index < 0);
        assertTrue(stream.isReplay(index));
    }

    @Test
    void replayWindowAcceptsEachIndexOnceAndRejectsWhatFellOutOfIt() {
        StreamState stream = new StreamState();
        assertFalse(stream.isReplay(5000));
        stream.accept(5000);
        assertTrue(stream.isReplay(5000));
        assertFalse(stream.isReplay(4999), "reordered but new");
        stream.accept(4999);
        assertTrue(stream.isReplay(4999));
        assertFalse(stream.isReplay(5000 - StreamState.WINDOW + 1), "oldest index inside the window");
        assertTrue(stream.isReplay(5000 - StreamState.WINDOW), "just outside the window");

        stream.accept(5000 + StreamState.WINDOW - 1);
        assertTrue(stream.isReplay(5000), "still remembered");
        assertFalse(stream.isReplay(5001), "the skipped ones were cleared");
        stream.accept(5000 + 5 * StreamState.WINDOW);
        assertFalse(stream.isReplay(5000 + 5 * StreamState.WINDOW - 1));
        assertTrue(stream.isReplay(5000 + StreamState.WINDOW - 1));
    }

    @Test
    void srtcpIndicesStartAtZeroAndCount() {
        StreamState stream = new StreamState();
        assertEquals(0, stream.nextSrtcpIndex());
        assertEquals(1, stream.nextSrtcpIndex());
        stream.reset();
        assertEquals(0, stream.nextSrtcpIndex());
    }
}
