package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ForwardTsnChunkTest {

    /** RFC 3758 §3.2 by hand: two streams skipped. */
    private static final byte[] TWO_STREAMS = Hex.bytes("c0 00 0010  00000100  0001 0002  0003 ffff");

    @Test
    void writesAndReadsSkippedStreams() throws SctpParseException {
        ForwardTsnChunk chunk = new ForwardTsnChunk(0x100, List.of(new SkippedStream(1, 2),
                new SkippedStream(3, 0xFFFF)));
        ForwardTsnChunk parsed = assertWireFormat(chunk, TWO_STREAMS, ForwardTsnChunk.class);
        assertEquals(chunk, parsed);
        assertEquals(0x100, parsed.newCumulativeTsn());
        assertEquals(new SkippedStream(3, 0xFFFF), parsed.streams().get(1));
        assertEquals(16, parsed.serializedSize());
        assertEquals(ForwardTsnChunk.TYPE, parsed.type());
        assertEquals(new ForwardTsnChunk(7, List.of()),
                assertWireFormat(new ForwardTsnChunk(7, List.of()), Hex.bytes("c0 00 0008 00000007"),
                        ForwardTsnChunk.class));
    }

    @Test
    void rejectsPartialStreamEntries() throws SctpParseException {
        assertRejected(Hex.bytes("c0 00 000a 00000100 0001 0000"));
        assertTruncationsRejected(TWO_STREAMS);
        assertThrows(IllegalArgumentException.class, () -> new SkippedStream(0x10000, 0));
        assertThrows(IllegalArgumentException.class, () -> new SkippedStream(0, -1));
        assertThrows(IllegalArgumentException.class, () -> new ForwardTsnChunk(-1, List.of()));
    }
}
