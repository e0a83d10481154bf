package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static dev.switchyard.sctp.chunk.ChunkAssertions.parseOne;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitAckChunkTest {

    /** RFC 9260 §3.3.3 by hand: State Cookie (padded inside the chunk), Forward-TSN, Supported Extensions. */
    private static final byte[] HAND_ASSEMBLED = Hex.bytes("""
            02 00 002a  11223344  00020000  0400 0400  55667788
            0007 0009  6162636465 000000
            c000 0004
            8008 0006  c0 82  0000""");

    @Test
    void writesAndReadsEveryField() throws SctpParseException {
        InitAckChunk chunk = new InitAckChunk(0x11223344L, 131072, 1024, 1024, 0x55667788L, true,
                List.of(ForwardTsnChunk.TYPE, ReconfigChunk.TYPE), new byte[] {'a', 'b', 'c', 'd', 'e'});
        InitAckChunk parsed = assertWireFormat(chunk, HAND_ASSEMBLED, InitAckChunk.class);
        assertEquals(0x11223344L, parsed.initiateTag());
        assertEquals(131072, parsed.advertisedReceiverWindow());
        assertEquals(1024, parsed.outboundStreams());
        assertEquals(1024, parsed.inboundStreams());
        assertEquals(0x55667788L, parsed.initialTsn());
        assertTrue(parsed.forwardTsnSupported());
        assertEquals(List.of(192, 130), parsed.supportedExtensions());
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd', 'e'}, parsed.stateCookie());
        assertEquals(44, parsed.serializedSize());
        assertEquals(InitAckChunk.TYPE, parsed.type());
    }

    @Test
    void readsParametersInAnyOrderAndAnEmptyCookie() throws SctpParseException {
        InitAckChunk parsed = assertInstanceOf(InitAckChunk.class, parseOne(Hex.bytes(
                "02 00 001c 00000001 00000002 0003 0004 00000005 c000 0004 0007 0004")));
        assertTrue(parsed.forwardTsnSupported());
        assertEquals(0, parsed.stateCookie().length);
        assertEquals(List.of(), parsed.supportedExtensions());
    }

    @Test
    void rejectsAnInitAckWithoutOrWithTwoCookies() throws SctpParseException {
        SctpParseException missing = assertRejected(Hex.bytes(
                "02 00 0018 00000001 00000002 0003 0004 00000005 c000 0004"));
        assertTrue(missing.getMessage().contains("State Cookie"), missing.getMessage());
        assertRejected(Hex.bytes("02 00 001c 00000001 00000002 0003 0004 00000005 0007 0004 0007 0004"));
        assertRejected(Hex.bytes("02 00 0018 00000000 00000002 0003 0004 00000005 0007 0004"));
        assertTruncationsRejected(HAND_ASSEMBLED);
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThrows(NullPointerException.class, () -> new InitAckChunk(1, 1, 1, 1, 1, false, List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new InitAckChunk(0, 1, 1, 1, 1, false, List.of(),
                new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new InitAckChunk(1, 1, 1, 1, 1, true, List.of(1),
                new byte[0xFFFF - 20 - 4]));
    }
}
