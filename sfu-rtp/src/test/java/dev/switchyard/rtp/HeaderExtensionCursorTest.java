package dev.switchyard.rtp;

import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeaderExtensionCursorTest {

    private static final String FIXED_HEADER_WITH_X = "90 60 00 01 00 00 00 02 00 00 00 03";

    /** RFC 8285 §4.2 figure: ids with L=0, L=1 and L=3, two padding bytes before the last element. */
    static final byte[] RFC_ONE_BYTE = Hex.bytes(FIXED_HEADER_WITH_X + """
            be de 00 03
            10 aa  21 bb bb  00 00  33 cc cc cc cc
            """);

    /** RFC 8285 §4.3 figure: ids with L=0, L=1 and L=4, one padding byte before the last element. */
    static final byte[] RFC_TWO_BYTE = Hex.bytes(FIXED_HEADER_WITH_X + """
            10 00 00 03
            01 00  02 01 bb  00  04 04 cc cc cc cc
            """);

    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();

    @Test
    void iteratesTheRfcOneByteExample() {
        wrap(RFC_ONE_BYTE);
        assertSame(HeaderExtensionForm.ONE_BYTE, cursor.form());
        assertEquals(List.of("1@17+1", "2@19+2", "3@24+4"), elements());
    }

    @Test
    void iteratesTheRfcTwoByteExample() {
        wrap(RFC_TWO_BYTE);
        assertSame(HeaderExtensionForm.TWO_BYTE, cursor.form());
        assertEquals(List.of("1@18+0", "2@20+1", "4@24+4"), elements());
    }

    @Test
    void twoByteFormAcceptsAnyAppBits() {
        byte[] withAppBits = RFC_TWO_BYTE.clone();
        withAppBits[13] = 0x0F;
        wrap(withAppBits);
        assertSame(HeaderExtensionForm.TWO_BYTE, cursor.form());
        assertEquals(3, elements().size());
    }

    @Test
    void oneByteId15StopsProcessing() {
        // RFC 8285 §4.2: nothing after an id-15 element counts, whatever its length field says.
        wrap(Hex.bytes(FIXED_HEADER_WITH_X + "be de 00 02  10 aa  f0 00  21 bb bb 00"));
        assertEquals(List.of("1@17+1"), elements());
        assertFalse(cursor.find(2));
    }

    @Test
    void stopsAtAnElementThatOverrunsTheBlock() {
        wrap(Hex.bytes(FIXED_HEADER_WITH_X + "be de 00 01  10 aa  22 bb"));
        assertEquals(List.of("1@17+1"), elements());
        wrap(Hex.bytes(FIXED_HEADER_WITH_X + "10 00 00 01  01 01 aa  07"));
        assertEquals(List.of("1@18+1"), elements(), "two-byte header cut by the block end");
    }

    @Test
    void oneByteIdZeroWithALengthIsMalformed() {
        wrap(Hex.bytes(FIXED_HEADER_WITH_X + "be de 00 01  01 aa  10 bb"));
        assertEquals(List.of(), elements());
    }

    @Test
    void doesNotWrapPacketsWithoutAnRfc8285Block() {
        byte[] plain = Hex.bytes("80 60 00 01 00 00 00 02 00 00 00 03");
        assertTrue(packet.wrap(plain, 0, plain.length));
        assertFalse(cursor.wrap(packet));

        byte[] otherProfile = Hex.bytes(FIXED_HEADER_WITH_X + "ab cd 00 01 10 aa 00 00");
        assertTrue(packet.wrap(otherProfile, 0, otherProfile.length));
        assertEquals(0xABCD, packet.extensionProfile());
        assertFalse(cursor.wrap(packet));
    }

    @Test
    void emptyBlockHasNoElements() {
        wrap(Hex.bytes(FIXED_HEADER_WITH_X + "be de 00 00"));
        assertFalse(cursor.next());
    }

    @Test
    void findPositionsOnTheElementAndRewinds() {
        wrap(RFC_ONE_BYTE);
        assertTrue(cursor.find(3));
        assertEquals(3, cursor.id());
        assertEquals(24, cursor.valueOffset());
        assertEquals(4, cursor.valueLength());
        assertEquals(23, cursor.elementOffset());
        assertEquals(5, cursor.elementLength());
        assertTrue(cursor.find(1), "find starts from the beginning again");
        assertEquals(17, cursor.valueOffset());
        assertFalse(cursor.find(4));
        assertThrows(IllegalStateException.class, cursor::id);
    }

    @Test
    void setIdRewritesOnlyTheIdBits() {
        byte[] bytes = RFC_ONE_BYTE.clone();
        wrap(bytes);
        assertTrue(cursor.find(2));
        assertTrue(cursor.setId(14));
        assertFalse(cursor.setId(15), "15 is reserved in the one-byte form");
        assertFalse(cursor.setId(0));
        assertEquals(14, cursor.id());

        byte[] expected = RFC_ONE_BYTE.clone();
        expected[18] = (byte) 0xE1;
        assertArrayEquals(expected, bytes);
        wrap(bytes);
        assertEquals(List.of("1@17+1", "14@19+2", "3@24+4"), elements());
    }

    @Test
    void setIdInTwoByteFormTakesAnyNonZeroByte() {
        byte[] bytes = RFC_TWO_BYTE.clone();
        wrap(bytes);
        assertTrue(cursor.find(4));
        assertTrue(cursor.setId(200));
        wrap(bytes);
        assertEquals(List.of("1@18+0", "2@20+1", "200@24+4"), elements());
    }

    @Test
    void removeTurnsTheElementIntoPaddingWithoutMovingAnything() {
        byte[] bytes = RFC_ONE_BYTE.clone();
        wrap(bytes);
        assertTrue(cursor.find(2));
        cursor.remove();
        assertThrows(IllegalStateException.class, cursor::valueOffset);
        assertTrue(cursor.next(), "iteration continues after the removed element");
        assertEquals(3, cursor.id());

        byte[] expected = RFC_ONE_BYTE.clone();
        Arrays.fill(expected, 18, 21, (byte) 0);
        assertArrayEquals(expected, bytes);
        assertTrue(packet.wrap(bytes, 0, bytes.length));
        assertEquals(28, packet.payloadOffset(), "payload stays put");
        assertTrue(cursor.wrap(packet));
        assertEquals(List.of("1@17+1", "3@24+4"), elements());
    }

    @Test
    void removeWorksInTwoByteForm() {
        byte[] bytes = RFC_TWO_BYTE.clone();
        wrap(bytes);
        assertTrue(cursor.find(1));
        cursor.remove();
        assertTrue(cursor.find(4));
        cursor.remove();
        wrap(bytes);
        assertEquals(List.of("2@20+1"), elements());
    }

    @Test
    void formsDeclareTheirLimits() {
        assertNull(HeaderExtensionForm.fromProfile(0x1234));
        assertSame(HeaderExtensionForm.TWO_BYTE, HeaderExtensionForm.fromProfile(0x100A));
        assertTrue(HeaderExtensionForm.ONE_BYTE.canEncode(14, 16));
        assertFalse(HeaderExtensionForm.ONE_BYTE.canEncode(14, 17));
        assertFalse(HeaderExtensionForm.ONE_BYTE.canEncode(1, 0));
        assertTrue(HeaderExtensionForm.TWO_BYTE.canEncode(255, 0));
        assertFalse(HeaderExtensionForm.TWO_BYTE.canEncode(0, 1));
    }

    private void wrap(byte[] bytes) {
        assertTrue(packet.wrap(bytes, 0, bytes.length));
        assertTrue(cursor.wrap(packet));
    }

    /** Every element as {@code id@valueOffset+valueLength}. */
    private List<String> elements() {
        List<String> out = new ArrayList<>();
        cursor.rewind();
        while (cursor.next()) {
            out.add(cursor.id() + "@" + cursor.valueOffset() + "+" + cursor.valueLength());
        }
        return out;
    }
}
