package dev.switchyard.rtp.extension;

import dev.switchyard.rtp.testing.ParserFuzzer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SdesIdentifierTest {

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void roundTripsMidAndRidValues() {
        byte[] buffer = new byte[300];
        for (String identifier : List.of("0", "audio", "hi-res_1", "x".repeat(255))) {
            int length = SdesIdentifier.write(buffer, 3, identifier);
            assertEquals(identifier.length(), length);
            assertEquals(identifier, SdesIdentifier.read(buffer, 3, length));
            assertTrue(SdesIdentifier.matches(buffer, 3, length, ascii(identifier)));
        }
    }

    @Test
    void matchesWithoutAllocating() {
        byte[] value = ascii("hi");
        assertTrue(SdesIdentifier.matches(value, 0, 2, ascii("hi")));
        assertFalse(SdesIdentifier.matches(value, 0, 2, ascii("h")));
        assertFalse(SdesIdentifier.matches(value, 0, 2, ascii("ho")));
        assertFalse(SdesIdentifier.matches(value, 0, 2, ascii("hi!")));
    }

    @Test
    void copiesIntoTheCallersBuffer() {
        byte[] destination = new byte[4];
        assertEquals(3, SdesIdentifier.copy(ascii("mid"), 0, 3, destination, 1));
        assertArrayEquals(new byte[] {0, 'm', 'i', 'd'}, destination);
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.copy(ascii("mid"), 0, 3, destination, 2));
        assertArrayEquals(new byte[] {0, 'm', 'i', 'd'}, destination, "nothing copied when it does not fit");
    }

    @Test
    void trailingNulsEndTheText() {
        byte[] padded = {'a', 'b', 0, 0};
        assertEquals(2, SdesIdentifier.length(padded, 0, 4));
        assertEquals("ab", SdesIdentifier.read(padded, 0, 4));
        assertTrue(SdesIdentifier.matches(padded, 0, 4, ascii("ab")));
    }

    @Test
    void rejectsEmptyAndNonVisibleText() {
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.length(new byte[0], 0, 0));
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.length(new byte[] {0, 'a'}, 0, 2));
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.length(new byte[] {'a', ' '}, 0, 2));
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.length(new byte[] {'a', (byte) 0xC3}, 0, 2));
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.length(new byte[256], 0, 256));
        assertEquals(SdesIdentifier.INVALID, SdesIdentifier.length(ascii("ab"), 1, 2));
        assertNull(SdesIdentifier.read(new byte[] {'\n'}, 0, 1));
        assertFalse(SdesIdentifier.matches(new byte[] {'\n'}, 0, 1, new byte[] {'\n'}));
    }

    @Test
    void writeRejectsWhatTheWireCannotCarry() {
        byte[] buffer = new byte[300];
        assertThrows(IllegalArgumentException.class, () -> SdesIdentifier.write(buffer, 0, ""));
        assertThrows(IllegalArgumentException.class, () -> SdesIdentifier.write(buffer, 0, "x".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> SdesIdentifier.write(buffer, 0, "a b"));
        assertThrows(IllegalArgumentException.class, () -> SdesIdentifier.write(buffer, 0, "é"));
        assertThrows(IllegalArgumentException.class, () -> SdesIdentifier.write(buffer, 299, "ab"));
        assertTrue(Arrays.equals(new byte[300], buffer), "nothing written on rejection");
    }

    @Test
    void fuzz() {
        byte[] copy = new byte[SdesIdentifier.MAX_LENGTH];
        byte[] known = ascii("audio");
        ParserFuzzer.fuzz((buffer, offset, length) -> {
            int copied = SdesIdentifier.copy(buffer, offset, length, copy, 0);
            return List.of(SdesIdentifier.length(buffer, offset, length),
                    String.valueOf(SdesIdentifier.read(buffer, offset, length)),
                    SdesIdentifier.matches(buffer, offset, length, known),
                    copied == SdesIdentifier.INVALID ? "" : new String(copy, 0, copied, StandardCharsets.US_ASCII));
        }, List.of(ascii("0"), ascii("audio"), ascii("hi-res_1"), new byte[] {'q', 0, 0}), 120_000, 8852);
    }
}
