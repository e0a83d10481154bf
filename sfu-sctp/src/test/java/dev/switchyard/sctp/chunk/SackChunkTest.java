package dev.switchyard.sctp.chunk;

import java.util.Collections;
import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SackChunkTest {

    /** RFC 9260 §3.3.4 by hand: two gap ack blocks and one duplicate TSN. */
    private static final byte[] WITH_GAPS_AND_DUPLICATE = Hex.bytes("""
            03 00 001c  00000010  00001000  0002 0001
            0002 0003  0005 0005
            ffffffff""");

    @Test
    void writesAndReadsGapsAndDuplicates() throws SctpParseException {
        SackChunk sack = new SackChunk(0x10, 0x1000, List.of(new GapAckBlock(2, 3), new GapAckBlock(5, 5)),
                List.of(0xFFFF_FFFFL));
        SackChunk parsed = assertWireFormat(sack, WITH_GAPS_AND_DUPLICATE, SackChunk.class);
        assertEquals(sack, parsed);
        assertEquals(0x10, parsed.cumulativeTsnAck());
        assertEquals(0x1000, parsed.advertisedReceiverWindow());
        assertEquals(List.of(new GapAckBlock(2, 3), new GapAckBlock(5, 5)), parsed.gapAckBlocks());
        assertEquals(List.of(0xFFFF_FFFFL), parsed.duplicateTsns());
        assertEquals(28, parsed.serializedSize());
        assertEquals(SackChunk.TYPE, parsed.type());
    }

    @Test
    void writesAndReadsAPlainCumulativeAck() throws SctpParseException {
        SackChunk sack = new SackChunk(2930332242L, 131072, List.of(), List.of());
        assertEquals(sack, assertWireFormat(sack, Hex.bytes("03 00 0010 aea95252 00020000 0000 0000"),
                SackChunk.class));
    }

    @Test
    void rejectsCountsThatDisagreeWithTheLength() throws SctpParseException {
        assertRejected(Hex.bytes("03 00 0010 00000010 00001000 0001 0000"));
        assertRejected(Hex.bytes("03 00 0014 00000010 00001000 0000 0000 00000001"));
        assertRejected(Hex.bytes("03 00 0014 00000010 00001000 0001 0001 00010001"));
        assertRejected(Hex.bytes("03 00 000c 00000010 00001000"));
        assertTruncationsRejected(WITH_GAPS_AND_DUPLICATE);
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> new GapAckBlock(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> new GapAckBlock(1, 0x10000));
        assertThrows(IllegalArgumentException.class, () -> new SackChunk(1L << 32, 0, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SackChunk(0, -1, List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SackChunk(0, 0, List.of(), List.of(-1L)));
        assertThrows(IllegalArgumentException.class, () -> new SackChunk(0, 0,
                Collections.nCopies(16380, new GapAckBlock(1, 1)), List.of()));
    }
}
