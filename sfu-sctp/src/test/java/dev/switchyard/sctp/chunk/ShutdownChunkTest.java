package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShutdownChunkTest {

    private static final byte[] SHUTDOWN = Hex.bytes("07 00 0008 fedcba98");

    @Test
    void writesAndReadsTheCumulativeAck() throws SctpParseException {
        ShutdownChunk parsed = assertWireFormat(new ShutdownChunk(0xfedcba98L), SHUTDOWN, ShutdownChunk.class);
        assertEquals(0xfedcba98L, parsed.cumulativeTsnAck());
        assertEquals(8, parsed.serializedSize());
        assertEquals(ShutdownChunk.TYPE, parsed.type());
    }

    @Test
    void rejectsAnyOtherLength() throws SctpParseException {
        assertRejected(Hex.bytes("07 00 000c fedcba98 00000000"));
        assertTruncationsRejected(SHUTDOWN);
        assertThrows(IllegalArgumentException.class, () -> new ShutdownChunk(-1));
    }
}
