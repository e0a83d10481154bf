package dev.switchyard.rtcp;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtcpCompoundIteratorTest {

    private final RtcpCompoundIterator iterator = new RtcpCompoundIterator();

    /** "type/count/length" for every packet the iterator yields. */
    private List<String> walk(byte[] buffer, int offset, int length) {
        List<String> packets = new ArrayList<>();
        iterator.reset(buffer, offset, length);
        while (iterator.next()) {
            packets.add(iterator.packetType() + "/" + iterator.count() + "/" + iterator.packetLength());
        }
        return packets;
    }

    @Test
    void walksEveryPacketOfADump() {
        assertEquals(List.of("201/1/32", "202/1/52", "203/1/8", "206/1/12", "205/5/12", "204/0/16"),
                walk(RtcpVectors.MIXED_COMPOUND, 0, RtcpVectors.MIXED_COMPOUND.length));
        assertFalse(iterator.isMalformed());
    }

    @Test
    void walksChromeSenderAndReceiverCompounds() {
        assertEquals(List.of("200/0/28", "202/1/28"), walk(RtcpVectors.CHROME_SR_SDES, 0,
                RtcpVectors.CHROME_SR_SDES.length));
        assertEquals(List.of("201/1/32", "206/15/24"), walk(RtcpVectors.RR_REMB, 0, RtcpVectors.RR_REMB.length));
        assertFalse(iterator.isMalformed());
    }

    @Test
    void exposesPacketPositionsWithinAnOffsetRange() {
        byte[] framed = Hex.concat(new byte[7], RtcpVectors.CHROME_SR_SDES, new byte[5]);
        iterator.reset(framed, 7, RtcpVectors.CHROME_SR_SDES.length);
        assertTrue(iterator.next());
        assertEquals(7, iterator.packetOffset());
        assertTrue(iterator.next());
        assertEquals(7 + 28, iterator.packetOffset());
        assertEquals(28, iterator.packetLength());
        assertFalse(iterator.next());
        assertFalse(iterator.isMalformed());
    }

    @Test
    void emptyInputIsNotMalformed() {
        assertEquals(List.of(), walk(new byte[0], 0, 0));
        assertFalse(iterator.isMalformed());
    }

    @Test
    void stopsAtAWrongVersion() {
        byte[] compound = RtcpVectors.CHROME_SR_SDES.clone();
        compound[28] = (byte) 0x41; // SDES header with version 1
        assertEquals(List.of("200/0/28"), walk(compound, 0, compound.length));
        assertTrue(iterator.isMalformed());
        assertFalse(iterator.next());
    }

    @Test
    void stopsWhenTheLengthFieldOverrunsTheRange() {
        assertEquals(List.of("200/0/28"), walk(RtcpVectors.CHROME_SR_SDES, 0, RtcpVectors.CHROME_SR_SDES.length - 4));
        assertTrue(iterator.isMalformed());
    }

    @Test
    void stopsAtTrailingBytesShorterThanAHeader() {
        byte[] compound = Hex.concat(RtcpVectors.BYE, Hex.bytes("8000"));
        assertEquals(List.of("203/1/8"), walk(compound, 0, compound.length));
        assertTrue(iterator.isMalformed());
    }

    @Test
    void validatesThePaddingCount() {
        byte[] zeroPadding = Hex.bytes("a1cb0001 902f9e2e"); // P set, last octet 0x2e would claim 46 bytes
        assertEquals(-1, RtcpHeader.packetLength(zeroPadding, 0, zeroPadding.length));
        byte[] padded = Hex.bytes("a1cb0002 902f9e2e 00000004"); // 4 bytes of padding after the SSRC
        assertEquals(12, RtcpHeader.packetLength(padded, 0, padded.length));
        assertEquals(8, RtcpHeader.unpaddedLength(padded, 0, 12));
        padded[11] = 0;
        assertEquals(-1, RtcpHeader.packetLength(padded, 0, padded.length));
        padded[11] = 9; // more than the body after the header
        assertEquals(-1, RtcpHeader.packetLength(padded, 0, padded.length));
    }

    @Test
    void headerRoundTrips() {
        byte[] buffer = new byte[6];
        assertEquals(4, RtcpHeader.write(buffer, 2, true, 17, RtcpPacketType.PAYLOAD_FEEDBACK, 64));
        assertArrayEquals(Hex.bytes("0000 b1ce000f"), buffer);
        assertTrue(RtcpHeader.hasPadding(buffer, 2));
        assertEquals(17, RtcpHeader.count(buffer, 2));
        assertEquals(RtcpPacketType.PAYLOAD_FEEDBACK, RtcpHeader.packetType(buffer, 2));
    }

    @Test
    void headerWriterRejectsProgrammerErrors() {
        byte[] buffer = new byte[8];
        assertThrows(IllegalArgumentException.class, () -> RtcpHeader.write(buffer, 0, false, 32, 200, 8));
        assertThrows(IllegalArgumentException.class, () -> RtcpHeader.write(buffer, 0, false, 0, 200, 6));
        assertThrows(IllegalArgumentException.class, () -> RtcpHeader.write(buffer, 0, false, 0, 200, 0));
        assertThrows(IllegalArgumentException.class, () -> RtcpHeader.write(buffer, 6, false, 0, 200, 8));
    }

    @Test
    void writtenPacketsConcatenateIntoACompoundThatViewsRead() {
        byte[] compound = new byte[200];
        int length = ReceiverReport.write(compound, 0, 0x11111111L, List.of());
        length += SourceDescription.writeCname(compound, length, 0x11111111L, "cname");
        length += PictureLossIndication.write(compound, length, 0x11111111L, 0x22222222L);
        assertEquals(List.of("201/0/8", "202/1/16", "206/1/12"), walk(compound, 0, length));

        SourceDescription sdes = new SourceDescription();
        iterator.reset(compound, 0, length);
        iterator.next();
        assertFalse(sdes.wrap(iterator));
        iterator.next();
        assertTrue(sdes.wrap(iterator));
        assertTrue(sdes.nextChunk());
        assertTrue(sdes.nextItem());
        assertEquals("cname", sdes.itemText());
    }
}
