package dev.switchyard.sctp.chunk;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static dev.switchyard.sctp.chunk.ChunkAssertions.parseOne;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnknownChunkTest {

    /** ASCONF (0xC1, RFC 5061): skip and report; with arbitrary flags and three bytes of value. */
    private static final byte[] ASCONF = Hex.bytes("c1 5a 0007 010203 00");

    @Test
    void keepsTypeFlagsAndValue() throws SctpParseException {
        UnknownChunk parsed = assertWireFormat(new UnknownChunk(0xC1, 0x5A, new byte[] {1, 2, 3}), ASCONF,
                UnknownChunk.class);
        assertEquals(0xC1, parsed.type());
        assertEquals(0x5A, parsed.flags());
        assertArrayEquals(new byte[] {1, 2, 3}, parsed.value());
        assertEquals(8, parsed.serializedSize());
        assertTruncationsRejected(ASCONF);
    }

    @Test
    void upperTwoBitsOfTheTypeSayWhatToDo() throws SctpParseException {
        UnknownChunk stop = (UnknownChunk) parseOne(Hex.bytes("3f 00 0004"));
        assertFalse(stop.continueProcessing());
        assertFalse(stop.reportUnrecognized());
        UnknownChunk stopAndReport = (UnknownChunk) parseOne(Hex.bytes("40 00 0004"));
        assertFalse(stopAndReport.continueProcessing());
        assertTrue(stopAndReport.reportUnrecognized());
        UnknownChunk skip = (UnknownChunk) parseOne(Hex.bytes("80 00 0004"));
        assertTrue(skip.continueProcessing());
        assertFalse(skip.reportUnrecognized());
        UnknownChunk skipAndReport = (UnknownChunk) parseOne(Hex.bytes("ff 00 0004"));
        assertTrue(skipAndReport.continueProcessing());
        assertTrue(skipAndReport.reportUnrecognized());
    }

    @Test
    void cannotStandInForAChunkThatHasARecord() {
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(DataChunk.TYPE, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(ReconfigChunk.TYPE, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(256, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(0x40, 256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new UnknownChunk(0x40, 0, new byte[0xFFFF - 3]));
    }
}
