package dev.switchyard.rtcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FullIntraRequestTest {

    private final FullIntraRequest view = new FullIntraRequest();

    @Test
    void readsAndRewritesFir() {
        assertTrue(view.wrap(RtcpVectors.FIR, 0, RtcpVectors.FIR.length));
        assertEquals(0xfa17fa17L, view.senderSsrc());
        assertEquals(0, view.mediaSsrc());
        assertEquals(1, view.entryCount());
        assertEquals(0x02d03702L, view.ssrc(0));
        assertEquals(4, view.sequenceNumber(0));
        byte[] written = new byte[20];
        assertEquals(20, FullIntraRequest.write(written, 0, 0xfa17fa17L, new long[] {0x02d03702L}, new int[] {4}, 1));
        assertArrayEquals(RtcpVectors.FIR, written);
    }

    @Test
    void roundTripsSeveralEntries() {
        long[] ssrcs = {1, 0xFFFF_FFFFL, 0x12345678L};
        int[] sequenceNumbers = {0, 255, 256 + 9};
        byte[] buffer = new byte[48];
        int length = FullIntraRequest.write(buffer, 4, 42, ssrcs, sequenceNumbers, 3);
        assertEquals(36, length);
        assertTrue(view.wrap(buffer, 4, length));
        assertEquals(3, view.entryCount());
        for (int i = 0; i < 3; i++) {
            assertEquals(ssrcs[i], view.ssrc(i));
            assertEquals(sequenceNumbers[i] & 0xFF, view.sequenceNumber(i));
        }
    }

    @Test
    void rejectsFirWithoutEntries() {
        assertFalse(view.wrap(Hex.bytes("84ce0002 fa17fa17 00000000"), 0, 12));
        assertFalse(view.wrap(RtcpVectors.PLI, 0, RtcpVectors.PLI.length));
        assertThrows(IllegalArgumentException.class,
                () -> FullIntraRequest.write(new byte[64], 0, 1, new long[0], new int[0], 0));
    }
}
