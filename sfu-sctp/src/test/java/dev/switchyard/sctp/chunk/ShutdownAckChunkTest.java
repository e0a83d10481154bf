package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ShutdownAckChunkTest {

    @Test
    void isAHeaderAlone() throws SctpParseException {
        ShutdownAckChunk parsed = assertWireFormat(new ShutdownAckChunk(), Hex.bytes("08 00 0004"),
                ShutdownAckChunk.class);
        assertEquals(4, parsed.serializedSize());
        assertEquals(ShutdownAckChunk.TYPE, parsed.type());
        assertTruncationsRejected(Hex.bytes("08 00 0004"));
        assertRejected(Hex.bytes("08 00 0005 00 000000"));
    }
}
