package dev.switchyard.rtcp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RembTest {

    private final Remb view = new Remb();

    @Test
    void readsChromeRemb() {
        assertTrue(view.wrap(RtcpVectors.CHROME_REMB, 0, RtcpVectors.CHROME_REMB.length));
        assertEquals(1, view.senderSsrc());
        assertEquals(0, view.mediaSsrc());
        assertEquals(8_927_168, view.bitrate());
        assertEquals(1, view.ssrcCount());
        assertEquals(0x4874ed16L, view.ssrc(0));
    }

    @Test
    void writesChromeRembByteForByte() {
        byte[] written = new byte[24];
        assertEquals(24, Remb.write(written, 0, 1, 8_927_168, new long[] {0x4874ed16L}, 1));
        assertArrayEquals(RtcpVectors.CHROME_REMB, written);
    }

    @Test
    void roundsBitrateDownToWhatTheMantissaCarries() {
        byte[] buffer = new byte[24];
        Remb.write(buffer, 0, 1, 8_927_167, new long[] {2}, 1);
        assertTrue(view.wrap(buffer, 0, buffer.length));
        assertEquals(8_927_104, view.bitrate());
        Remb.write(buffer, 0, 1, 262_143, new long[] {2}, 1);
        assertTrue(view.wrap(buffer, 0, buffer.length));
        assertEquals(262_143, view.bitrate());
    }

    @Test
    void roundTripsExtremesAndManySsrcs() {
        long[] ssrcs = new long[255];
        for (int i = 0; i < ssrcs.length; i++) {
            ssrcs[i] = 0xFFFF_FF00L + i;
        }
        byte[] buffer = new byte[20 + 4 * 255];
        int length = Remb.write(buffer, 0, 9, Long.MAX_VALUE, ssrcs, ssrcs.length);
        assertTrue(view.wrap(buffer, 0, length));
        assertEquals(0x3FFFFL << 45, view.bitrate());
        assertEquals(255, view.ssrcCount());
        assertEquals(0xFFFF_FFFEL, view.ssrc(254));
        length = Remb.write(buffer, 0, 9, 0, ssrcs, 0);
        assertEquals(20, length);
        assertTrue(view.wrap(buffer, 0, length));
        assertEquals(0, view.bitrate());
    }

    @Test
    void saturatesExponentsBeyondLongRange() {
        byte[] packet = Hex.bytes("8fce0004 00000000 00000000 52454d42 00ffffff");
        assertTrue(view.wrap(packet, 0, packet.length));
        assertEquals(Long.MAX_VALUE, view.bitrate());
    }

    @Test
    void rejectsOtherApplicationFeedbackAndMissingSsrcs() {
        byte[] other = RtcpVectors.CHROME_REMB.clone();
        other[15] = 'X';
        assertFalse(view.wrap(other, 0, other.length));
        byte[] missing = RtcpVectors.CHROME_REMB.clone();
        missing[16] = 2;
        assertFalse(view.wrap(missing, 0, missing.length));
        assertThrows(IllegalArgumentException.class, () -> Remb.write(new byte[64], 0, 1, -1, new long[0], 0));
        assertThrows(IllegalArgumentException.class, () -> Remb.write(new byte[23], 0, 1, 1, new long[1], 1));
    }
}
