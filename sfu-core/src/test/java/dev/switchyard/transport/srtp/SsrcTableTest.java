package dev.switchyard.transport.srtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SsrcTableTest {

    @Test
    void storesUpToItsLimitIncludingCollidingAndExtremeSsrcs() {
        SsrcTable<String> table = new SsrcTable<>(5);
        int[] ssrcs = {0, -1, Integer.MIN_VALUE, 0x10000, 0x20000};
        for (int ssrc : ssrcs) {
            table.put(ssrc, "s" + ssrc);
        }
        for (int ssrc : ssrcs) {
            assertEquals("s" + ssrc, table.get(ssrc));
        }
        assertNull(table.get(7));
        assertTrue(table.isFull());
        assertEquals(5, table.size());
        assertThrows(IllegalStateException.class, () -> table.put(7, "x"));
    }
}
