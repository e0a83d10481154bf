package dev.switchyard.codec;

import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test vectors written as spaced hex, the way captures and RFC figures show them, and checks on rewrites. */
final class Bytes {

    private Bytes() {
    }

    static byte[] hex(String spacedHex) {
        return HexFormat.of().parseHex(spacedHex.replace(" ", ""));
    }

    /** Asserts that {@code rewritten} equals {@code original} except possibly in bytes {@code from..to}. */
    static void assertOnlyChanged(byte[] original, byte[] rewritten, int from, int to) {
        assertEquals(original.length, rewritten.length);
        assertArrayEquals(Arrays.copyOfRange(original, 0, from), Arrays.copyOfRange(rewritten, 0, from));
        assertArrayEquals(Arrays.copyOfRange(original, to + 1, original.length),
                Arrays.copyOfRange(rewritten, to + 1, rewritten.length));
    }
}
