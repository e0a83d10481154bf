package dev.switchyard.rtp;

import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpPacketWriterTest {

    private final RtpPacketWriter writer = new RtpPacketWriter();
    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();

    @Test
    void writesTheRfcOneByteExampleLayout() {
        writer.payloadType(96).sequenceNumber(1).timestamp(2).ssrc(3)
                .addExtension(1, Hex.bytes("aa"), 0, 1)
                .addExtension(2, Hex.bytes("bbbb"), 0, 2)
                .addExtension(3, Hex.bytes("cccccccc"), 0, 4);
        // Same elements as the RFC 8285 §4.2 figure, but packed, so the alignment padding moves to the end.
        assertArrayEquals(Hex.bytes("""
                90 60 00 01 00 00 00 02 00 00 00 03
                be de 00 03  10 aa  21 bb bb  33 cc cc cc cc  00 00
                """), written());
    }

    @Test
    void choosesTheTwoByteFormOnlyWhenAnElementNeedsIt() {
        writer.addExtension(14, new byte[16], 0, 16);
        assertSame(HeaderExtensionForm.ONE_BYTE, writer.extensionForm());
        writer.addExtension(1, new byte[0], 0, 0);
        assertSame(HeaderExtensionForm.TWO_BYTE, writer.extensionForm(), "zero-length value");
        writer.reset().addExtension(15, new byte[1], 0, 1);
        assertSame(HeaderExtensionForm.TWO_BYTE, writer.extensionForm(), "id above 14");
        writer.reset().addExtension(1, new byte[17], 0, 17);
        assertSame(HeaderExtensionForm.TWO_BYTE, writer.extensionForm(), "value above 16 bytes");
        writer.reset().addExtension(1, new byte[1], 0, 1).twoByteExtensions(true);
        assertSame(HeaderExtensionForm.TWO_BYTE, writer.extensionForm(), "forced");
        assertNull(writer.reset().extensionForm());
    }

    @Test
    void writesTwoByteElementsAndPadding() {
        byte[] payload = Hex.bytes("01 02 03 04 05");
        writer.marker(true).payloadType(127).sequenceNumber(0xFFFF).timestamp(0xFFFF_FFFFL).ssrc(0x8000_0000L)
                .addCsrc(7)
                .addExtension(1, new byte[0], 0, 0)
                .addExtension(200, Hex.bytes("bb"), 0, 1)
                .payload(payload, 1, 3)
                .padding(3);
        assertArrayEquals(Hex.bytes("""
                b1 ff ff ff ff ff ff ff 80 00 00 00
                00 00 00 07
                10 00 00 02  01 00  c8 01 bb  00 00 00
                02 03 04
                00 00 03
                """), written());
    }

    @Test
    void writesAtAnOffsetAndRejectsAShortDestination() {
        writer.ssrc(1).payload(new byte[4], 0, 4);
        assertEquals(16, writer.length());
        byte[] destination = new byte[20];
        Arrays.fill(destination, (byte) 0x55);
        assertEquals(16, writer.write(destination, 4));
        assertEquals(0x55, destination[3]);
        assertTrue(packet.wrap(destination, 4, 16));
        assertEquals(1, packet.ssrc());
        assertThrows(IllegalArgumentException.class, () -> writer.write(destination, 5));
        assertThrows(IllegalArgumentException.class, () -> writer.write(destination, -1));
    }

    @Test
    void rejectsValuesTheWireFormatCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> writer.payloadType(128));
        assertThrows(IllegalArgumentException.class, () -> writer.sequenceNumber(-1));
        assertThrows(IllegalArgumentException.class, () -> writer.timestamp(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> writer.ssrc(-1));
        assertThrows(IllegalArgumentException.class, () -> writer.padding(256));
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(0, new byte[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(256, new byte[1], 0, 1));
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(1, new byte[256], 0, 256));
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(1, new byte[2], 1, 2));
        assertThrows(IllegalArgumentException.class, () -> writer.payload(new byte[2], 1, 2));
        for (int i = 0; i < 15; i++) {
            writer.addCsrc(i);
        }
        assertThrows(IllegalArgumentException.class, () -> writer.addCsrc(15));
        writer.reset();
        for (int i = 0; i < 4; i++) {
            writer.addExtension(1, new byte[254], 0, 254);
        }
        assertThrows(IllegalArgumentException.class, () -> writer.addExtension(1, new byte[7], 0, 7));
    }

    @Test
    void randomPacketsRoundTripThroughWrap() {
        SplittableRandom random = new SplittableRandom(8285);
        byte[] destination = new byte[4096];
        for (int round = 0; round < 2_000; round++) {
            boolean marker = random.nextBoolean();
            int payloadType = random.nextInt(128);
            int sequenceNumber = random.nextInt(1 << 16);
            long timestamp = random.nextLong(1L << 32);
            long ssrc = random.nextLong(1L << 32);
            int padding = random.nextInt(3) == 0 ? random.nextInt(1, 256) : 0;
            long[] csrcs = new long[random.nextInt(16)];
            writer.reset().marker(marker).payloadType(payloadType).sequenceNumber(sequenceNumber)
                    .timestamp(timestamp).ssrc(ssrc).padding(padding).twoByteExtensions(random.nextInt(4) == 0);
            for (int i = 0; i < csrcs.length; i++) {
                csrcs[i] = random.nextLong(1L << 32);
                writer.addCsrc(csrcs[i]);
            }
            List<String> extensions = new ArrayList<>();
            boolean fitsOneByte = random.nextBoolean();
            for (int i = random.nextInt(fitsOneByte ? 8 : 4); i > 0; i--) {
                int id = fitsOneByte ? random.nextInt(1, 15) : random.nextInt(1, 256);
                byte[] value = randomBytes(random, fitsOneByte ? random.nextInt(1, 17) : random.nextInt(256));
                writer.addExtension(id, value, 0, value.length);
                extensions.add(id + "=" + Arrays.toString(value));
            }
            byte[] payload = randomBytes(random, random.nextInt(1200));
            writer.payload(payload, 0, payload.length);

            int offset = random.nextInt(32);
            int length = writer.write(destination, offset);
            assertEquals(writer.length(), length);

            assertTrue(packet.wrap(destination, offset, length));
            assertEquals(marker, packet.marker());
            assertEquals(payloadType, packet.payloadType());
            assertEquals(sequenceNumber, packet.sequenceNumber());
            assertEquals(timestamp, packet.timestamp());
            assertEquals(ssrc, packet.ssrc());
            assertEquals(padding > 0, packet.padding());
            assertEquals(padding, packet.paddingLength());
            assertEquals(csrcs.length, packet.csrcCount());
            for (int i = 0; i < csrcs.length; i++) {
                assertEquals(csrcs[i], packet.csrc(i));
            }
            assertArrayEquals(payload, Arrays.copyOfRange(destination, packet.payloadOffset(),
                    packet.payloadOffset() + packet.payloadLength()));
            assertEquals(!extensions.isEmpty(), packet.hasExtension());
            assertEquals(extensions, readExtensions());
        }
    }

    private List<String> readExtensions() {
        List<String> out = new ArrayList<>();
        if (!cursor.wrap(packet)) {
            return out;
        }
        assertSame(writer.extensionForm(), cursor.form());
        while (cursor.next()) {
            byte[] value = Arrays.copyOfRange(cursor.buffer(), cursor.valueOffset(),
                    cursor.valueOffset() + cursor.valueLength());
            out.add(cursor.id() + "=" + Arrays.toString(value));
        }
        return out;
    }

    private byte[] written() {
        byte[] destination = new byte[writer.length()];
        assertEquals(destination.length, writer.write(destination, 0));
        return destination;
    }

    private static byte[] randomBytes(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
