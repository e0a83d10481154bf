package dev.switchyard.sctp.chunk;

import java.util.Arrays;
import java.util.List;

import dev.switchyard.sctp.SctpParseException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Checks every chunk test needs: exact bytes, round trips, zero padding, rejection of short input. */
final class ChunkAssertions {

    private ChunkAssertions() {
    }

    /** The chunk as {@link Chunk#writeTo} writes it, after checking the size it reports. */
    static byte[] bytesOf(Chunk chunk) {
        byte[] bytes = new byte[chunk.serializedSize()];
        assertEquals(bytes.length, chunk.writeTo(bytes, 0));
        assertEquals(0, bytes.length % 4, "chunks are padded to four bytes");
        return bytes;
    }

    /** Parses bytes that must hold exactly one chunk. */
    static Chunk parseOne(byte[] bytes) throws SctpParseException {
        List<Chunk> chunks = Chunks.parse(bytes, 0, bytes.length);
        assertEquals(1, chunks.size(), () -> "chunks: " + chunks);
        return chunks.get(0);
    }

    /**
     * Writes {@code chunk}, checks the bytes against {@code expected}, parses them back as {@code type}, checks
     * the parsed chunk writes the same bytes, and returns it for field checks.
     */
    static <T extends Chunk> T assertWireFormat(T chunk, byte[] expected, Class<T> type) throws SctpParseException {
        byte[] written = bytesOf(chunk);
        assertArrayEquals(expected, written);
        T parsed = assertInstanceOf(type, parseOne(expected));
        assertArrayEquals(expected, bytesOf(parsed));
        assertWritesInPlaceWithZeroPadding(parsed, expected);
        return parsed;
    }

    /** Written at an offset into a dirty buffer: the bytes (padding zeroed) land there, nothing around moves. */
    static void assertWritesInPlaceWithZeroPadding(Chunk chunk, byte[] expected) {
        byte[] dirty = new byte[expected.length + 8];
        Arrays.fill(dirty, (byte) 0x55);
        assertEquals(expected.length, chunk.writeTo(dirty, 3));
        assertArrayEquals(expected, Arrays.copyOfRange(dirty, 3, 3 + expected.length));
        assertEquals(0x55, dirty[2]);
        assertEquals(0x55, dirty[3 + expected.length]);
        assertThrows(IndexOutOfBoundsException.class, () -> chunk.writeTo(new byte[expected.length - 1], 0));
    }

    /** Every cut of the chunk inside its length field is rejected; cuts in its final padding are accepted. */
    static void assertTruncationsRejected(byte[] chunk) throws SctpParseException {
        int length = (chunk[2] & 0xFF) << 8 | chunk[3] & 0xFF;
        for (int cut = 1; cut < length; cut++) {
            int size = cut;
            assertThrows(SctpParseException.class, () -> Chunks.parse(chunk, 0, size), () -> "cut at " + size);
        }
        for (int cut = length; cut <= chunk.length; cut++) {
            assertEquals(1, Chunks.parse(chunk, 0, cut).size());
        }
    }

    /** The chunk must not parse. */
    static SctpParseException assertRejected(byte[] bytes) {
        return assertThrows(SctpParseException.class, () -> Chunks.parse(bytes, 0, bytes.length));
    }
}
