package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChunksTest {

    @Test
    void dispatchesEveryTypeToItsRecord() throws SctpParseException {
        byte[] bundle = Hex.bytes("""
                0b 00 0004
                03 00 0010 aea95252 00020000 0000 0000
                00 03 0011 00000001 0000 0000 00000035 ff 000000
                c1 00 0004
                08 00 0004""");
        List<Chunk> chunks = Chunks.parse(bundle, 0, bundle.length);
        assertEquals(5, chunks.size());
        assertInstanceOf(CookieAckChunk.class, chunks.get(0));
        assertInstanceOf(SackChunk.class, chunks.get(1));
        assertInstanceOf(DataChunk.class, chunks.get(2));
        assertInstanceOf(UnknownChunk.class, chunks.get(3));
        assertInstanceOf(ShutdownAckChunk.class, chunks.get(4));
        assertThrows(UnsupportedOperationException.class, () -> chunks.add(new CookieAckChunk()));
    }

    @Test
    void parsesWithinTheGivenRangeOnly() throws SctpParseException {
        byte[] framed = Hex.bytes("ffffffff 0b00 0004 ffffffff");
        assertEquals(List.of(new CookieAckChunk()), Chunks.parse(framed, 4, 4));
        assertTrue(Chunks.parse(framed, 4, 0).isEmpty());
        assertThrows(IndexOutOfBoundsException.class, () -> Chunks.parse(framed, 10, 4));
    }

    @Test
    void acceptsAMissingFinalPaddingOnly() throws SctpParseException {
        byte[] lastUnpadded = Hex.bytes("0b 00 0004 0a 00 0005 aa");
        assertEquals(2, Chunks.parse(lastUnpadded, 0, lastUnpadded.length).size());
        // Without its padding, the first chunk runs into the second one's header.
        byte[] firstUnpadded = Hex.bytes("0a 00 0005 aa 0b 00 0004");
        assertThrows(SctpParseException.class, () -> Chunks.parse(firstUnpadded, 0, firstUnpadded.length));
    }

    @Test
    void rejectsBrokenChunkHeaders() {
        for (String garbage : List.of("0b", "0b 00 00", "0b 00 0003", "0b 00 0000 00000000", "0b 00 0008 0000",
                "0b 00 0004 00", "0b 00 0004 0b 00 00")) {
            byte[] bytes = Hex.bytes(garbage);
            assertThrows(SctpParseException.class, () -> Chunks.parse(bytes, 0, bytes.length), garbage);
        }
    }
}
