package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ServerFootprintTest {

    private static final long MIB = 1 << 20;

    private static FootprintSample sample(double at, long heapMib, int threads, long descriptors) {
        return new FootprintSample(at, 0, 0, heapMib * MIB, 64 * MIB, threads, descriptors, 100 * MIB);
    }

    private static ServerFootprint run(FootprintSample afterLeave, boolean collected) {
        return ServerFootprint.of(sample(0, 20, 40, 25), List.of(sample(5, 50, 60, 58), sample(10, 70, 62, 61)),
                afterLeave, collected, List.of());
    }

    @Test
    void backAtIdleThreadsAndDescriptorsWithLittleMoreHeapIsReturned() {
        ServerFootprint footprint = run(sample(20, 22, 40, 25), true);
        assertTrue(footprint.returnedToIdle());
        assertEquals(new FootprintChange(2L, 3L, 20 * MIB), footprint.windowGrowth());
        assertEquals(new FootprintChange(0L, 0L, 2 * MIB), footprint.afterLeaveVsIdle());
        String table = table(footprint);
        assertTrue(table.contains("server threads         idle 40 -> window 60..62 -> after leave 40"), table);
        assertTrue(table.contains("server heap used       idle 20.0 -> window 50.0..70.0 -> after leave 22.0 MiB"),
                table);
        assertTrue(table.contains("window growth          threads +2, fds +3"), table);
        assertTrue(table.contains("returned to idle       yes (threads +0, fds +0, heap used +2.0 MiB)"), table);
    }

    @Test
    void aLingeringThreadDescriptorOrCollectedHeapIsNotReturned() {
        assertFalse(run(sample(20, 20, 41, 25), true).returnedToIdle());
        assertFalse(run(sample(20, 20, 40, 26), true).returnedToIdle());
        assertFalse(run(sample(20, 20 + ServerFootprint.HEAP_SLACK_BYTES / MIB + 1, 40, 25), true)
                .returnedToIdle());
    }

    @Test
    void uncollectedHeapIsNotJudged() {
        assertTrue(run(sample(20, 60, 40, 25), false).returnedToIdle());
    }

    @Test
    void missingDescriptorCountsShowAsUnknown() {
        ServerFootprint footprint = run(sample(20, 20, 40, -1), true);
        assertNull(footprint.afterLeaveVsIdle().openFileDescriptors());
        assertTrue(footprint.returnedToIdle());
        assertTrue(table(footprint).contains("-> after leave n/a"), table(footprint));
    }

    private static String table(ServerFootprint footprint) {
        StringBuilder out = new StringBuilder();
        footprint.appendRows(out);
        return out.toString();
    }
}
