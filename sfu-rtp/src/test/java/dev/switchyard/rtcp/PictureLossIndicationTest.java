package dev.switchyard.rtcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PictureLossIndicationTest {

    private final PictureLossIndication view = new PictureLossIndication();

    @Test
    void readsAndRewritesPli() {
        assertTrue(view.wrap(RtcpVectors.PLI, 0, RtcpVectors.PLI.length));
        assertEquals(0x902f9e2eL, view.senderSsrc());
        assertEquals(0x902f9e2eL, view.mediaSsrc());
        assertEquals(0, view.fciLength());
        byte[] written = new byte[12];
        assertEquals(12, PictureLossIndication.write(written, 0, view.senderSsrc(), view.mediaSsrc()));
        assertArrayEquals(RtcpVectors.PLI, written);
    }

    @Test
    void readsPliInsideACompound() {
        RtcpCompoundIterator iterator = new RtcpCompoundIterator().reset(RtcpVectors.MIXED_COMPOUND, 0,
                RtcpVectors.MIXED_COMPOUND.length);
        int found = 0;
        while (iterator.next()) {
            if (view.wrap(iterator)) {
                found++;
                assertEquals(92, view.offset());
            }
        }
        assertEquals(1, found);
    }

    @Test
    void rejectsOtherFormatsAndShortPackets() {
        assertFalse(view.wrap(RtcpVectors.FIR, 0, RtcpVectors.FIR.length));
        assertFalse(view.wrap(RtcpVectors.RAPID_RESYNC, 0, RtcpVectors.RAPID_RESYNC.length));
        assertFalse(view.wrap(Hex.bytes("81ce0001 902f9e2e"), 0, 8));
        assertThrows(IllegalArgumentException.class, () -> PictureLossIndication.write(new byte[12], 1, 1, 2));
    }
}
