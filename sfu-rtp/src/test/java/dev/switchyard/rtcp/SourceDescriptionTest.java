package dev.switchyard.rtcp;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceDescriptionTest {

    private final SourceDescription view = new SourceDescription();

    /** Reads the wrapped packet back into chunk values. */
    private List<SourceDescription.Chunk> read() {
        List<SourceDescription.Chunk> chunks = new ArrayList<>();
        while (view.nextChunk()) {
            List<SourceDescription.Item> items = new ArrayList<>();
            while (view.nextItem()) {
                items.add(new SourceDescription.Item(view.itemType(), view.itemText()));
            }
            chunks.add(new SourceDescription.Chunk(view.chunkSsrc(), items));
        }
        return chunks;
    }

    @Test
    void readsChromeCname() {
        assertTrue(view.wrap(RtcpVectors.CHROME_SDES, 0, RtcpVectors.CHROME_SDES.length));
        assertEquals(List.of(new SourceDescription.Chunk(0x9f65e742L,
                List.of(new SourceDescription.Item(SourceDescription.CNAME, "t7mkYnCm46OcINy/")))), read());
    }

    @Test
    void writesChromeCnameByteForByte() {
        byte[] written = new byte[RtcpVectors.CHROME_SDES.length];
        assertEquals(28, SourceDescription.writeCname(written, 0, 0x9f65e742L, "t7mkYnCm46OcINy/"));
        assertArrayEquals(RtcpVectors.CHROME_SDES, written);
    }

    @Test
    void readsFirefoxCnameAndExposesTheValueInPlace() {
        assertTrue(view.wrap(RtcpVectors.FIREFOX_SDES, 0, RtcpVectors.FIREFOX_SDES.length));
        assertTrue(view.nextChunk());
        assertTrue(view.nextItem());
        assertEquals(SourceDescription.CNAME, view.itemType());
        assertEquals(10, view.itemValueOffset());
        assertEquals(38, view.itemValueLength());
        assertEquals("{9c00eb92-1afb-9d49-a47d-91f64eee69f5}", view.itemText());
        assertFalse(view.nextItem());
        assertFalse(view.nextChunk());
    }

    @Test
    void readsSeveralChunksWithUtf8ItemsAndRtcpPadding() {
        byte[] packet = Hex.bytes("""
                a2ca000d
                000004d2 0106 717765727479 0606 69c3b1616b69 00000000
                0000162e 0511 736f6d65776865726520c593c3a6e282ac 00
                00000004
                """);
        assertTrue(view.wrap(packet, 0, packet.length));
        List<SourceDescription.Chunk> expected = List.of(
                new SourceDescription.Chunk(1234, List.of(
                        new SourceDescription.Item(SourceDescription.CNAME, "qwerty"),
                        new SourceDescription.Item(SourceDescription.TOOL, "iñaki"))),
                new SourceDescription.Chunk(5678, List.of(
                        new SourceDescription.Item(SourceDescription.LOC, "somewhere œæ€"))));
        assertEquals(expected, read());
        view.rewind();
        assertEquals(expected, read());
    }

    @Test
    void roundTripsChunksIncludingOneWithoutItems() {
        List<SourceDescription.Chunk> chunks = List.of(
                new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(SourceDescription.CNAME, "a"),
                        new SourceDescription.Item(SourceDescription.NOTE, "on air"),
                        new SourceDescription.Item(SourceDescription.PRIV, ""))),
                new SourceDescription.Chunk(0xFFFF_FFFFL, List.of()),
                new SourceDescription.Chunk(3, List.of(new SourceDescription.Item(SourceDescription.NAME,
                        "x".repeat(255)))));
        byte[] buffer = new byte[400];
        int length = SourceDescription.write(buffer, 1, chunks);
        assertEquals(0, length % 4);
        assertTrue(view.wrap(buffer, 1, length));
        assertEquals(length, view.packetLength());
        assertEquals(chunks, read());
    }

    @Test
    void rejectsAChunkWithoutTerminatingNullOctet() {
        byte[] packet = Hex.bytes("81ca0002 11223344 08026162");
        assertFalse(view.wrap(packet, 0, packet.length));
    }

    @Test
    void rejectsAnItemRunningPastThePacket() {
        byte[] packet = RtcpVectors.CHROME_SDES.clone();
        packet[9] = 0x20;
        assertFalse(view.wrap(packet, 0, packet.length));
    }

    @Test
    void rejectsMoreChunksThanPresent() {
        byte[] packet = RtcpVectors.CHROME_SDES.clone();
        packet[0] = (byte) 0x82;
        assertFalse(view.wrap(packet, 0, packet.length));
    }

    @Test
    void writerRejectsProgrammerErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> new SourceDescription.Item(SourceDescription.CNAME, "é".repeat(128)));
        assertThrows(IllegalArgumentException.class, () -> new SourceDescription.Item(SourceDescription.END, "x"));
        assertThrows(IllegalArgumentException.class,
                () -> SourceDescription.writeCname(new byte[27], 0, 1, "t7mkYnCm46OcINy/"));
    }
}
