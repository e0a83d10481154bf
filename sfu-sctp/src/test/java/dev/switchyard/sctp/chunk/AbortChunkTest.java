package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbortChunkTest {

    /** RFC 9260 §3.3.7 by hand: T set, one User-Initiated Abort cause saying "bye". */
    private static final byte[] REFLECTED_USER_ABORT = Hex.bytes("06 01 000b  000c 0007 627965 00");

    @Test
    void writesAndReadsTheFlagAndCauses() throws SctpParseException {
        AbortChunk abort = new AbortChunk(true, List.of(ErrorCause.withReason(ErrorCause.USER_INITIATED_ABORT,
                "bye")));
        AbortChunk parsed = assertWireFormat(abort, REFLECTED_USER_ABORT, AbortChunk.class);
        assertTrue(parsed.tagReflected());
        assertEquals(1, parsed.causes().size());
        assertEquals(ErrorCause.USER_INITIATED_ABORT, parsed.causes().get(0).code());
        assertEquals("bye", parsed.causes().get(0).informationText());
        assertEquals(12, parsed.serializedSize());
        assertEquals(AbortChunk.TYPE, parsed.type());
    }

    @Test
    void writesAndReadsAnAbortWithoutCauses() throws SctpParseException {
        AbortChunk parsed = assertWireFormat(new AbortChunk(false, List.of()), Hex.bytes("06 00 0004"),
                AbortChunk.class);
        assertFalse(parsed.tagReflected());
        assertTrue(parsed.causes().isEmpty());
        assertTrue(((AbortChunk) ChunkAssertions.parseOne(Hex.bytes("06 fd 0004"))).tagReflected());
    }

    @Test
    void rejectsBrokenCauses() throws SctpParseException {
        assertRejected(Hex.bytes("06 00 0008 000c 0003"));
        assertRejected(Hex.bytes("06 00 0008 000c 0008"));
        assertRejected(Hex.bytes("06 00 0006 000c 0000"));
        assertTruncationsRejected(REFLECTED_USER_ABORT);
    }
}
