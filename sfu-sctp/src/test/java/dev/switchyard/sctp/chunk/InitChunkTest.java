package dev.switchyard.sctp.chunk;

import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.SctpParseException;
import org.junit.jupiter.api.Test;

import static dev.switchyard.sctp.chunk.ChunkAssertions.assertRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertTruncationsRejected;
import static dev.switchyard.sctp.chunk.ChunkAssertions.assertWireFormat;
import static dev.switchyard.sctp.chunk.ChunkAssertions.bytesOf;
import static dev.switchyard.sctp.chunk.ChunkAssertions.parseOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitChunkTest {

    /**
     * An INIT captured from a usrsctp peer, as published in WebRTC's dcsctp tests
     * (net/dcsctp/packet/chunk/init_chunk_test.cc, FromCapture): besides the two parameters kept here it carries
     * ECN, AUTH's Random, Requested HMAC Algorithm and Chunk List, and its Supported Extensions is padded inside
     * the chunk while the last parameter's padding is outside the chunk length.
     */
    static final byte[] CAPTURED_INIT = Hex.bytes("""
            0100005a de7a1690 00020000 03e803e8 250d37e8
            80000004
            c0000004
            80080009 c00fc180 82000000
            80020024 ab314462 121a1513 fd5a5f69 efaa06e9 abd748cc 3bd14b60 ed7fa644 ce4dd2ad
            80040006 00010000
            80030006 80c10000""");

    /** RFC 9260 §3.3.2 by hand: both parameters, the last one's two bytes of padding outside the length. */
    static final byte[] HAND_ASSEMBLED = Hex.bytes("""
            01 00 001e  11223344  00020000  0400 0400  55667788
            c000 0004
            8008 0006  c0 82  0000""");

    @Test
    void readsTheCapturedInitSkippingUnknownParameters() throws SctpParseException {
        InitChunk init = assertInstanceOf(InitChunk.class, parseOne(CAPTURED_INIT));
        assertEquals(0xde7a1690L, init.initiateTag());
        assertEquals(131072, init.advertisedReceiverWindow());
        assertEquals(1000, init.outboundStreams());
        assertEquals(1000, init.inboundStreams());
        assertEquals(621623272L, init.initialTsn());
        assertTrue(init.forwardTsnSupported());
        assertEquals(List.of(ForwardTsnChunk.TYPE, 15, 193, 128, ReconfigChunk.TYPE), init.supportedExtensions());
    }

    @Test
    void writesAndReadsBothParameters() throws SctpParseException {
        InitChunk init = new InitChunk(0x11223344L, 131072, 1024, 1024, 0x55667788L, true,
                List.of(ForwardTsnChunk.TYPE, ReconfigChunk.TYPE));
        InitChunk parsed = assertWireFormat(init, HAND_ASSEMBLED, InitChunk.class);
        assertEquals(init, parsed);
        assertEquals(32, parsed.serializedSize());
        assertEquals(InitChunk.TYPE, parsed.type());
    }

    @Test
    void omitsAbsentParameters() throws SctpParseException {
        InitChunk bare = new InitChunk(0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF, 1, 0, false, List.of());
        assertEquals(bare, assertWireFormat(bare,
                Hex.bytes("01 00 0014 ffffffff ffffffff ffff 0001 00000000"), InitChunk.class));
        InitChunk oddExtensions = new InitChunk(1, 2, 3, 4, 5, false, List.of(1, 2, 3));
        assertEquals(oddExtensions, assertWireFormat(oddExtensions,
                Hex.bytes("01 00 001b 00000001 00000002 0003 0004 00000005 8008 0007 010203 00"), InitChunk.class));
    }

    @Test
    void acceptsLastParameterPaddingInsideTheChunkLength() throws SctpParseException {
        byte[] padded = HAND_ASSEMBLED.clone();
        padded[3] = 0x20;
        assertEquals(parseOne(HAND_ASSEMBLED), parseOne(padded));
    }

    @Test
    void skipsAStateCookieInAnInit() throws SctpParseException {
        InitChunk init = assertInstanceOf(InitChunk.class, parseOne(Hex.bytes(
                "01 00 0019 00000001 00000002 0003 0004 00000005 0007 0005 aa 000000")));
        assertEquals(new InitChunk(1, 2, 3, 4, 5, false, List.of()), init);
    }

    @Test
    void rejectsZeroTagsAndStreamCountsAndBrokenParameters() throws SctpParseException {
        assertRejected(Hex.bytes("01 00 0014 00000000 00020000 0400 0400 55667788"));
        assertRejected(Hex.bytes("01 00 0014 00000001 00020000 0000 0400 55667788"));
        assertRejected(Hex.bytes("01 00 0014 00000001 00020000 0400 0000 55667788"));
        // A parameter shorter than its header, one running past the chunk, a stray tail, a duplicate.
        assertRejected(Hex.bytes("01 00 0018 00000001 00020000 0400 0400 55667788 c000 0002"));
        assertRejected(Hex.bytes("01 00 0018 00000001 00020000 0400 0400 55667788 c000 0008"));
        assertRejected(Hex.bytes("01 00 0016 00000001 00020000 0400 0400 55667788 c000 0000"));
        assertRejected(Hex.bytes("01 00 001c 00000001 00020000 0400 0400 55667788 c0000004 c0000004"));
        assertTruncationsRejected(HAND_ASSEMBLED);
        assertTruncationsRejected(CAPTURED_INIT);
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        assertThrows(IllegalArgumentException.class, () -> new InitChunk(0, 1, 1, 1, 1, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new InitChunk(1, 1, 0, 1, 1, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new InitChunk(1, 1, 1, 0x10000, 1, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new InitChunk(1, 1, 1, 1, -1, false, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new InitChunk(1, 1, 1, 1, 1, false, List.of(256)));
        assertFalse(new InitChunk(1, 1, 1, 1, 1, false, List.of()).forwardTsnSupported());
        assertEquals(24, bytesOf(new InitChunk(1, 1, 1, 1, 1, true, List.of())).length);
    }
}
