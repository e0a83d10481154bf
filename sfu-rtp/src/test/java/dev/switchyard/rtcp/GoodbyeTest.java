package dev.switchyard.rtcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoodbyeTest {

    private final Goodbye view = new Goodbye();

    @Test
    void readsByeWithoutReason() {
        assertTrue(view.wrap(RtcpVectors.BYE, 0, RtcpVectors.BYE.length));
        assertEquals(1, view.sourceCount());
        assertEquals(0x902f9e2eL, view.source(0));
        assertFalse(view.hasReason());
        assertEquals(0, view.reasonLength());
        assertNull(view.reason());
    }

    @Test
    void writesByeWithoutReasonByteForByte() {
        byte[] written = new byte[8];
        assertEquals(8, Goodbye.write(written, 0, new long[] {0x902f9e2eL}, null));
        assertArrayEquals(RtcpVectors.BYE, written);
    }

    @Test
    void writesReasonPaddedWithNullOctets() {
        byte[] written = new byte[20];
        written[19] = 0x55;
        assertEquals(20, Goodbye.write(written, 0, new long[] {1, 2}, "byebye"));
        assertArrayEquals(Hex.bytes("82cb0004 00000001 00000002 06627965627965 00"), written);
    }

    @Test
    void roundTripsSourcesAndReason() {
        long[] sources = {0xFFFF_FFFFL, 7, 0x80000000L};
        byte[] buffer = new byte[64];
        int length = Goodbye.write(buffer, 5, sources, "camera unplugged");
        assertTrue(view.wrap(buffer, 5, length));
        assertEquals(3, view.sourceCount());
        for (int i = 0; i < sources.length; i++) {
            assertEquals(sources[i], view.source(i));
        }
        assertEquals("camera unplugged", view.reason());
        assertEquals(5 + 4 + 12 + 1, view.reasonOffset());
    }

    @Test
    void emptyByeRoundTrips() {
        byte[] buffer = new byte[4];
        assertEquals(4, Goodbye.write(buffer, 0, new long[0], null));
        assertTrue(view.wrap(buffer, 0, 4));
        assertEquals(0, view.sourceCount());
    }

    @Test
    void rejectsReasonOrSourcesRunningPastThePacket() {
        assertFalse(view.wrap(Hex.bytes("81cb0002 00000001 05627965"), 0, 12));
        assertFalse(view.wrap(Hex.bytes("82cb0001 00000001"), 0, 8));
    }

    @Test
    void writerRejectsProgrammerErrors() {
        assertThrows(IllegalArgumentException.class, () -> Goodbye.write(new byte[300], 0, new long[0], "x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> Goodbye.write(new byte[300], 0, new long[32], null));
        assertThrows(IllegalArgumentException.class, () -> Goodbye.write(new byte[11], 0, new long[2], null));
    }
}
