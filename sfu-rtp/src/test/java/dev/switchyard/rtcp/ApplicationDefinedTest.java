package dev.switchyard.rtcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationDefinedTest {

    private final ApplicationDefined view = new ApplicationDefined();

    @Test
    void readsApplicationPacket() {
        assertTrue(view.wrap(RtcpVectors.APP, 0, RtcpVectors.APP.length));
        assertEquals(0, view.subtype());
        assertEquals(0x4baae1abL, view.ssrc());
        assertEquals("NAME", view.name());
        assertEquals(0x4E414D45, view.nameCode());
        assertEquals(12, view.dataOffset());
        assertEquals(4, view.dataLength());
    }

    @Test
    void writesApplicationPacketByteForByte() {
        byte[] written = new byte[16];
        assertEquals(16, ApplicationDefined.write(written, 0, 0, 0x4baae1abL, "NAME", "ABCD".getBytes(), 0, 4));
        assertArrayEquals(RtcpVectors.APP, written);
    }

    @Test
    void roundTripsSubtypeAndData() {
        byte[] data = {9, 9, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] buffer = new byte[30];
        int length = ApplicationDefined.write(buffer, 2, 31, 77, "swyd", data, 2, 8);
        assertEquals(20, length);
        assertTrue(view.wrap(buffer, 2, length));
        assertEquals(31, view.subtype());
        assertEquals("swyd", view.name());
        assertEquals(8, view.dataLength());
        assertEquals(1, buffer[view.dataOffset()]);
        assertEquals(8, buffer[view.dataOffset() + 7]);
    }

    @Test
    void rejectsPacketWithoutName() {
        assertFalse(view.wrap(Hex.bytes("80cc0001 4baae1ab"), 0, 8));
    }

    @Test
    void writerRejectsProgrammerErrors() {
        byte[] buffer = new byte[64];
        assertThrows(IllegalArgumentException.class, () -> ApplicationDefined.write(buffer, 0, 0, 1, "NAMES", buffer, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ApplicationDefined.write(buffer, 0, 0, 1, "NAMÉ", buffer, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ApplicationDefined.write(buffer, 0, 0, 1, "NAME", buffer, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> ApplicationDefined.write(buffer, 0, 32, 1, "NAME", buffer, 0, 0));
    }
}
