package dev.switchyard.sctp.chunk;

import dev.switchyard.sctp.PayloadProtocol;
import dev.switchyard.sctp.SctpParseException;
import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static dev.switchyard.sctp.chunk.ChunkAssertions.parseOne;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataChunkTest {

    /** RFC 9260 §3.3.1 laid out by hand: U, B and E set, three bytes of user data, one byte of padding. */
    private static final byte[] UNORDERED_WHOLE_MESSAGE = Hex.bytes(
            "00 07 0013  01020304  0005 0006  00000033  686921 00");

    @Test
    void writesAndReadsEveryField() throws SctpParseException {
        DataChunk chunk = new DataChunk(0x01020304L, 5, 6, PayloadProtocol.STRING, true, true, true, false,
                new byte[] {'h', 'i', '!'});
        DataChunk parsed = assertWireFormat(chunk, UNORDERED_WHOLE_MESSAGE, DataChunk.class);
        assertEquals(0x01020304L, parsed.tsn());
        assertEquals(5, parsed.streamId());
        assertEquals(6, parsed.streamSequence());
        assertEquals(PayloadProtocol.STRING, parsed.payloadProtocolId());
        assertTrue(parsed.unordered());
        assertTrue(parsed.beginning());
        assertTrue(parsed.ending());
        assertFalse(parsed.immediateAck());
        assertArrayEquals(new byte[] {'h', 'i', '!'}, parsed.payload());
        assertEquals(20, parsed.serializedSize());
        assertEquals(DataChunk.TYPE, parsed.type());
    }

    @Test
    void eachFlagHasItsOwnBit() throws SctpParseException {
        byte[] payload = {1, 2, 3, 4};
        assertEquals(0x01, flagsOf(new DataChunk(1, 0, 0, 0, false, false, true, false, payload)));
        assertEquals(0x02, flagsOf(new DataChunk(1, 0, 0, 0, false, true, false, false, payload)));
        assertEquals(0x04, flagsOf(new DataChunk(1, 0, 0, 0, true, false, false, false, payload)));
        assertEquals(0x08, flagsOf(new DataChunk(1, 0, 0, 0, false, false, false, true, payload)));
        DataChunk immediate = (DataChunk) parseOne(Hex.bytes("00 08 0011 00000001 0000 0000 00000000 ff 000000"));
        assertTrue(immediate.immediateAck());
        assertFalse(immediate.unordered() || immediate.beginning() || immediate.ending());
    }

    @Test
    void ignoresReservedFlagsOnReceipt() throws SctpParseException {
        DataChunk parsed = (DataChunk) parseOne(Hex.bytes("00 f3 0011 00000001 0000 0000 00000000 ff 000000"));
        assertTrue(parsed.beginning() && parsed.ending());
        assertFalse(parsed.unordered() || parsed.immediateAck());
    }

    @Test
    void maximumFieldValuesRoundTrip() throws SctpParseException {
        DataChunk chunk = new DataChunk(0xFFFF_FFFFL, 0xFFFF, 0xFFFF, 0xFFFF_FFFFL, false, true, false, false,
                new byte[4]);
        DataChunk parsed = assertWireFormat(chunk, Hex.bytes("00 02 0014 ffffffff ffff ffff ffffffff 00000000"),
                DataChunk.class);
        assertEquals(0xFFFF_FFFFL, parsed.tsn());
        assertEquals(0xFFFF, parsed.streamSequence());
    }

    @Test
    void rejectsDataWithoutUserDataAndTruncations() throws SctpParseException {
        SctpParseException noData = assertRejected(Hex.bytes("00 03 0010 00000001 0000 0000 00000033"));
        assertTrue(noData.getMessage().contains("no user data"), noData.getMessage());
        assertRejected(Hex.bytes("00 03 000c 00000001 0000 0000"));
        assertTruncationsRejected(UNORDERED_WHOLE_MESSAGE);
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> new DataChunk(1, 0, 0, 0, false, true, true, false,
                new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new DataChunk(-1, 0, 0, 0, false, true, true, false,
                new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new DataChunk(1, 0x10000, 0, 0, false, true, true,
                false, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new DataChunk(1, 0, 0, 1L << 32, false, true, true,
                false, new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new DataChunk(1, 0, 0, 0, false, true, true, false,
                new byte[0xFFFF - DataChunk.HEADER_SIZE + 1]));
        assertEquals(0x10000, new DataChunk(1, 0, 0, 0, false, true, true, false,
                new byte[0xFFFF - DataChunk.HEADER_SIZE]).serializedSize());
    }

    private static int flagsOf(DataChunk chunk) throws SctpParseException {
        byte[] bytes = ChunkAssertions.bytesOf(chunk);
        DataChunk parsed = (DataChunk) parseOne(bytes);
        assertEquals(chunk.unordered(), parsed.unordered());
        assertEquals(chunk.beginning(), parsed.beginning());
        assertEquals(chunk.ending(), parsed.ending());
        assertEquals(chunk.immediateAck(), parsed.immediateAck());
        return bytes[1];
    }
}
