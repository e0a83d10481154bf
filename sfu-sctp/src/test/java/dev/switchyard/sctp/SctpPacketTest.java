package dev.switchyard.sctp;

import java.util.Arrays;
import java.util.List;

import dev.switchyard.rtp.testing.Hex;
import dev.switchyard.sctp.chunk.Chunk;
import dev.switchyard.sctp.chunk.CookieAckChunk;
import dev.switchyard.sctp.chunk.DataChunk;
import dev.switchyard.sctp.chunk.ForwardTsnChunk;
import dev.switchyard.sctp.chunk.InitChunk;
import dev.switchyard.sctp.chunk.ReconfigChunk;
import dev.switchyard.sctp.chunk.SackChunk;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SctpPacketTest {

    @Test
    void readsACapturedInit() throws SctpParseException {
        SctpPacket packet = SctpPacket.parse(SctpVectors.INIT, 0, SctpVectors.INIT.length);
        assertEquals(5000, packet.sourcePort());
        assertEquals(5000, packet.destinationPort());
        assertEquals(0, packet.verificationTag());
        assertEquals(1, packet.chunks().size());
        InitChunk init = assertInstanceOf(InitChunk.class, packet.chunks().get(0));
        assertEquals(new InitChunk(0x0eddca08L, 131072, 1000, 1000, 1426601527L, true,
                List.of(ForwardTsnChunk.TYPE, 15, 193, 128, ReconfigChunk.TYPE)), init);
    }

    @Test
    void writesACapturedPacketByteForByte() throws SctpParseException {
        byte[] captured = SctpVectors.COOKIE_ACK_AND_SACK;
        SctpPacket packet = SctpPacket.parse(captured, 0, captured.length);
        SctpPacket expected = new SctpPacket(1234, 4321, 0x697e3a4eL, List.of(new CookieAckChunk(),
                new SackChunk(2930332242L, 131072, List.of(), List.of())));
        assertEquals(expected, packet);
        assertEquals(captured.length, expected.serializedSize());
        assertArrayEquals(captured, expected.serialize());
    }

    @Test
    void rejectsAWrongChecksum() {
        byte[] wrong = SctpVectors.SACK_WITH_WRONG_CHECKSUM;
        SctpParseException e = assertThrows(SctpParseException.class, () -> SctpPacket.parse(wrong, 0, wrong.length));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        for (int i = 0; i < SctpVectors.COOKIE_ACK_AND_SACK.length; i++) {
            byte[] flipped = SctpVectors.COOKIE_ACK_AND_SACK.clone();
            flipped[i] ^= 0x10;
            assertThrows(SctpParseException.class, () -> SctpPacket.parse(flipped, 0, flipped.length), "byte " + i);
        }
    }

    @Test
    void acceptsALastChunkWithoutItsPadding() throws SctpParseException {
        SctpPacket packet = new SctpPacket(5000, 5000, 7, List.of(new DataChunk(1, 2, 3, PayloadProtocol.BINARY,
                false, true, true, false, new byte[] {1, 2, 3, 4, 5})));
        byte[] padded = packet.serialize();
        assertEquals(SctpPacket.COMMON_HEADER_SIZE + 24, padded.length);
        byte[] unpadded = Arrays.copyOf(padded, padded.length - 3);
        SctpChecksum.write(unpadded, 0, unpadded.length);
        SctpPacket parsed = SctpPacket.parse(unpadded, 0, unpadded.length);
        assertArrayEquals(padded, parsed.serialize());
    }

    @Test
    void parsesInsideALargerBuffer() throws SctpParseException {
        byte[] captured = SctpVectors.COOKIE_ACK_AND_SACK;
        byte[] framed = new byte[captured.length + 20];
        Arrays.fill(framed, (byte) 0xEE);
        System.arraycopy(captured, 0, framed, 7, captured.length);
        assertEquals(SctpPacket.parse(captured, 0, captured.length), SctpPacket.parse(framed, 7, captured.length));
        assertThrows(IndexOutOfBoundsException.class, () -> SctpPacket.parse(framed, 30, captured.length));
    }

    @Test
    void serializesEveryChunkPaddedWithTheChecksumInPlace() throws SctpParseException {
        List<Chunk> chunks = List.of(new SackChunk(9, 10, List.of(), List.of()), new DataChunk(11, 1, 0,
                PayloadProtocol.STRING, false, true, true, true, new byte[] {'a'}));
        SctpPacket packet = new SctpPacket(0xFFFF, 1, 0xFFFF_FFFFL, chunks);
        byte[] bytes = packet.serialize();
        assertEquals(SctpChecksum.compute(bytes, 0, bytes.length), SctpChecksum.read(bytes, 0));
        byte[] withoutChecksum = bytes.clone();
        Arrays.fill(withoutChecksum, 8, 12, (byte) 0);
        assertArrayEquals(Hex.bytes("""
                ffff 0001 ffffffff 00000000
                03 00 0010 00000009 0000000a 0000 0000
                00 0b 0011 0000000b 0001 0000 00000033 61 000000"""), withoutChecksum);
        assertEquals(bytes.length, packet.serializedSize());
        assertEquals(packet.chunks().size(), SctpPacket.parse(bytes, 0, bytes.length).chunks().size());
    }

    @Test
    void rejectsShortPacketsAndPacketsWithoutChunks() {
        for (int length = 0; length < SctpPacket.COMMON_HEADER_SIZE; length++) {
            int size = length;
            assertThrows(SctpParseException.class, () -> SctpPacket.parse(new byte[size], 0, size));
        }
        byte[] headerOnly = Hex.bytes("1388 1388 00000001 00000000");
        SctpChecksum.write(headerOnly, 0, headerOnly.length);
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(headerOnly, 0, headerOnly.length));
        byte[] badChunk = Hex.bytes("1388 1388 00000001 00000000 0b 00 0008 0000");
        SctpChecksum.write(badChunk, 0, badChunk.length);
        assertThrows(SctpParseException.class, () -> SctpPacket.parse(badChunk, 0, badChunk.length));
    }

    @Test
    void constructorRejectsWhatCannotBeWritten() {
        List<Chunk> one = List.of(new CookieAckChunk());
        assertThrows(IllegalArgumentException.class, () -> new SctpPacket(0x10000, 1, 1, one));
        assertThrows(IllegalArgumentException.class, () -> new SctpPacket(1, -1, 1, one));
        assertThrows(IllegalArgumentException.class, () -> new SctpPacket(1, 1, 1L << 32, one));
        assertThrows(IllegalArgumentException.class, () -> new SctpPacket(1, 1, 1, List.of()));
    }
}
