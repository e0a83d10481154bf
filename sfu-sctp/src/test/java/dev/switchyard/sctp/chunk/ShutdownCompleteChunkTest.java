package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static dev.switchyard.sctp.chunk.ChunkAssertions.parseOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShutdownCompleteChunkTest {

    @Test
    void carriesTheTFlagOnly() throws SctpParseException {
        assertTrue(assertWireFormat(new ShutdownCompleteChunk(true), Hex.bytes("0e 01 0004"),
                ShutdownCompleteChunk.class).tagReflected());
        ShutdownCompleteChunk plain = assertWireFormat(new ShutdownCompleteChunk(false), Hex.bytes("0e 00 0004"),
                ShutdownCompleteChunk.class);
        assertFalse(plain.tagReflected());
        assertEquals(4, plain.serializedSize());
        assertEquals(ShutdownCompleteChunk.TYPE, plain.type());
        assertFalse(((ShutdownCompleteChunk) parseOne(Hex.bytes("0e fe 0004"))).tagReflected());
    }

    @Test
    void rejectsAValue() throws SctpParseException {
        assertRejected(Hex.bytes("0e 00 0008 00000000"));
        assertTruncationsRejected(Hex.bytes("0e 01 0004"));
    }
}
