package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeartbeatChunkTest {

    /** RFC 9260 §3.3.5 by hand: a Heartbeat Info parameter of five bytes, padded outside the chunk length. */
    private static final byte[] FIVE_BYTE_INFO = Hex.bytes("04 00 000d  0001 0009  0102030405 000000");

    @Test
    void writesAndReadsTheInfo() throws SctpParseException {
        HeartbeatChunk parsed = assertWireFormat(new HeartbeatChunk(new byte[] {1, 2, 3, 4, 5}), FIVE_BYTE_INFO,
                HeartbeatChunk.class);
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, parsed.info());
        assertEquals(16, parsed.serializedSize());
        assertEquals(HeartbeatChunk.TYPE, parsed.type());
        assertEquals(0, assertWireFormat(new HeartbeatChunk(new byte[0]), Hex.bytes("04 00 0008 0001 0004"),
                HeartbeatChunk.class).info().length);
    }

    @Test
    void rejectsAMissingOrForeignOrRepeatedParameter() throws SctpParseException {
        assertRejected(Hex.bytes("04 00 0004"));
        assertRejected(Hex.bytes("04 00 0008 0002 0004"));
        assertRejected(Hex.bytes("04 00 000c 0001 0004 0001 0004"));
        assertRejected(Hex.bytes("04 00 000a 0001 0004 0000 0000"));
        assertTruncationsRejected(FIVE_BYTE_INFO);
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThrows(NullPointerException.class, () -> new HeartbeatChunk(null));
        assertThrows(IllegalArgumentException.class, () -> new HeartbeatChunk(new byte[0xFFFF - 4 + 1]));
    }
}
