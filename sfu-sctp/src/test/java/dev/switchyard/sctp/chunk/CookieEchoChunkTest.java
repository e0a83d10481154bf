package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CookieEchoChunkTest {

    private static final byte[] FIVE_BYTE_COOKIE = Hex.bytes("0a 00 0009 6162636465 000000");

    @Test
    void echoesTheCookieByteForByte() throws SctpParseException {
        CookieEchoChunk parsed = assertWireFormat(new CookieEchoChunk(new byte[] {'a', 'b', 'c', 'd', 'e'}),
                FIVE_BYTE_COOKIE, CookieEchoChunk.class);
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 'e'}, parsed.cookie());
        assertEquals(12, parsed.serializedSize());
        assertEquals(CookieEchoChunk.TYPE, parsed.type());
        assertEquals(0, assertWireFormat(new CookieEchoChunk(new byte[0]), Hex.bytes("0a 00 0004"),
                CookieEchoChunk.class).cookie().length);
    }

    @Test
    void rejectsTruncationsAndOversizedCookies() throws SctpParseException {
        assertTruncationsRejected(FIVE_BYTE_COOKIE);
        assertThrows(IllegalArgumentException.class, () -> new CookieEchoChunk(new byte[0xFFFF - 4 + 1]));
        assertThrows(NullPointerException.class, () -> new CookieEchoChunk(null));
    }
}
