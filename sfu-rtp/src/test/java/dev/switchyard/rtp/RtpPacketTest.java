package dev.switchyard.rtp;

import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpPacketTest {

    /** V=2 P=1 X=1 CC=2, M=1 PT=96, two CSRCs, a one-word extension, 3 payload bytes, 2 padding bytes. */
    private static final byte[] FULL = Hex.bytes("""
            b2 e0 ff fe  89 ab cd ef  fe dc ba 98
            00 00 00 0a  00 00 00 0b
            be de 00 01  10 ab 00 00
            01 02 03
            00 02
            """);

    private final RtpPacket packet = new RtpPacket();

    @Test
    void readsEveryHeaderField() {
        assertTrue(packet.wrap(FULL, 0, FULL.length));
        assertEquals(2, packet.version());
        assertTrue(packet.padding());
        assertTrue(packet.hasExtension());
        assertTrue(packet.marker());
        assertEquals(96, packet.payloadType());
        assertEquals(0xFFFE, packet.sequenceNumber());
        assertEquals(0x89AB_CDEFL, packet.timestamp());
        assertEquals(0xFEDC_BA98L, packet.ssrc());
        assertEquals(2, packet.csrcCount());
        assertEquals(10, packet.csrc(0));
        assertEquals(11, packet.csrc(1));
        assertEquals(0xBEDE, packet.extensionProfile());
        assertEquals(24, packet.extensionDataOffset());
        assertEquals(4, packet.extensionDataLength());
        assertEquals(28, packet.headerLength());
        assertEquals(28, packet.payloadOffset());
        assertEquals(3, packet.payloadLength());
        assertEquals(2, packet.paddingLength());
        assertSame(FULL, packet.buffer());
        assertEquals(0, packet.offset());
        assertEquals(FULL.length, packet.length());
    }

    @Test
    void offsetsAreAbsoluteWhenWrappedInsideALargerBuffer() {
        byte[] framed = new byte[FULL.length + 10];
        System.arraycopy(FULL, 0, framed, 7, FULL.length);
        assertTrue(packet.wrap(framed, 7, FULL.length));
        assertEquals(7 + 24, packet.extensionDataOffset());
        assertEquals(7 + 28, packet.payloadOffset());
        assertEquals(3, packet.payloadLength());
    }

    @Test
    void minimalHeaderHasEmptyPayloadAndNoExtension() {
        byte[] minimal = Hex.bytes("80 00 00 01 00 00 00 02 00 00 00 03");
        assertTrue(packet.wrap(minimal, 0, minimal.length));
        assertFalse(packet.hasExtension());
        assertEquals(-1, packet.extensionProfile());
        assertEquals(-1, packet.extensionDataOffset());
        assertEquals(0, packet.extensionDataLength());
        assertEquals(0, packet.payloadLength());
        assertEquals(12, packet.payloadOffset());
    }

    @Test
    void rejectsMalformedFraming() {
        assertFalse(packet.wrap(null, 0, 0));
        assertFalse(packet.wrap(FULL, -1, 12));
        assertFalse(packet.wrap(FULL, 0, FULL.length + 1));
        assertFalse(packet.wrap(FULL, 1, Integer.MAX_VALUE));
        assertFalse(packet.wrap(FULL, 0, 11), "shorter than the fixed header");
        assertFalse(packet.wrap(FULL, 0, 19), "CSRC list truncated");
        assertFalse(packet.wrap(FULL, 0, 23), "extension header truncated");
        assertFalse(packet.wrap(FULL, 0, 27), "extension data truncated");

        byte[] version1 = FULL.clone();
        version1[0] = (byte) 0x72;
        assertFalse(packet.wrap(version1, 0, version1.length));

        byte[] zeroPadding = FULL.clone();
        zeroPadding[zeroPadding.length - 1] = 0;
        assertFalse(packet.wrap(zeroPadding, 0, zeroPadding.length), "padding count of zero");

        byte[] paddingIntoHeader = FULL.clone();
        paddingIntoHeader[paddingIntoHeader.length - 1] = 6;
        assertFalse(packet.wrap(paddingIntoHeader, 0, paddingIntoHeader.length), "padding overlaps the header");
    }

    @Test
    void paddingMayConsumeTheWholePayload() {
        byte[] onlyPadding = FULL.clone();
        onlyPadding[onlyPadding.length - 1] = 5;
        assertTrue(packet.wrap(onlyPadding, 0, onlyPadding.length));
        assertEquals(0, packet.payloadLength());
        assertEquals(5, packet.paddingLength());
    }

    @Test
    void failedWrapForgetsThePreviousPacketsExtension() {
        assertTrue(packet.wrap(FULL, 0, FULL.length));
        assertFalse(packet.wrap(FULL, 0, 5));
        assertFalse(packet.hasExtension());
        assertFalse(new HeaderExtensionCursor().wrap(packet));
    }

    @Test
    void settersRewriteOnlyTheirField() {
        byte[] bytes = FULL.clone();
        assertTrue(packet.wrap(bytes, 0, bytes.length));
        packet.setMarker(false);
        packet.setPayloadType(111);
        packet.setSequenceNumber(0x0102);
        packet.setTimestamp(0xFFFF_FFFFL);
        packet.setSsrc(0x1234_5678L);

        assertFalse(packet.marker());
        assertEquals(111, packet.payloadType());
        packet.setMarker(true);
        assertTrue(packet.marker());
        assertEquals(111, packet.payloadType());

        byte[] expected = FULL.clone();
        System.arraycopy(Hex.bytes("ef 01 02 ff ff ff ff 12 34 56 78"), 0, expected, 1, 11);
        assertArrayEquals(expected, bytes);
    }

    @Test
    void settersRejectValuesTheFieldCannotHold() {
        assertTrue(packet.wrap(FULL.clone(), 0, FULL.length));
        assertThrows(IllegalArgumentException.class, () -> packet.setPayloadType(128));
        assertThrows(IllegalArgumentException.class, () -> packet.setSequenceNumber(0x10000));
        assertThrows(IllegalArgumentException.class, () -> packet.setTimestamp(-1));
        assertThrows(IllegalArgumentException.class, () -> packet.setSsrc(0x1_0000_0000L));
        assertThrows(IndexOutOfBoundsException.class, () -> packet.csrc(2));
    }
}
