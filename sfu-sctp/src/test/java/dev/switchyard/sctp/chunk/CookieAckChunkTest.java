package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CookieAckChunkTest {

    @Test
    void isAHeaderAlone() throws SctpParseException {
        CookieAckChunk parsed = assertWireFormat(new CookieAckChunk(), Hex.bytes("0b 00 0004"), CookieAckChunk.class);
        assertEquals(4, parsed.serializedSize());
        assertEquals(CookieAckChunk.TYPE, parsed.type());
        assertTruncationsRejected(Hex.bytes("0b 00 0004"));
        assertRejected(Hex.bytes("0b 00 0008 00000000"));
    }
}
