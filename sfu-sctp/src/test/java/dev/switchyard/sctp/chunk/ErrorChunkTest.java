package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ErrorChunkTest {

    /**
     * RFC 9260 §3.3.10 by hand: Invalid Stream Identifier for stream 5, then a Protocol Violation saying "x",
     * whose padding is outside the chunk length.
     */
    private static final byte[] TWO_CAUSES = Hex.bytes("09 00 0011  0001 0008 0005 0000  000d 0005 78 000000");

    @Test
    void writesAndReadsSeveralCauses() throws SctpParseException {
        ErrorChunk error = new ErrorChunk(List.of(new ErrorCause(ErrorCause.INVALID_STREAM_IDENTIFIER,
                new byte[] {0, 5, 0, 0}), ErrorCause.withReason(ErrorCause.PROTOCOL_VIOLATION, "x")));
        ErrorChunk parsed = assertWireFormat(error, TWO_CAUSES, ErrorChunk.class);
        assertEquals(2, parsed.causes().size());
        assertEquals(ErrorCause.INVALID_STREAM_IDENTIFIER, parsed.causes().get(0).code());
        assertArrayEquals(new byte[] {0, 5, 0, 0}, parsed.causes().get(0).information());
        assertEquals(ErrorCause.PROTOCOL_VIOLATION, parsed.causes().get(1).code());
        assertEquals("x", parsed.causes().get(1).informationText());
        assertEquals(20, parsed.serializedSize());
        assertEquals(ErrorChunk.TYPE, parsed.type());
    }

    @Test
    void rejectsBrokenCausesAndOversizedLists() throws SctpParseException {
        assertRejected(Hex.bytes("09 00 0007 0001 00"));
        assertTruncationsRejected(TWO_CAUSES);
        ErrorCause big = new ErrorCause(1, new byte[40_000]);
        assertThrows(IllegalArgumentException.class, () -> new ErrorChunk(List.of(big, big)));
    }
}
