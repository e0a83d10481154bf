package dev.switchyard.transport;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class PacketKindTest {

    @Test
    void classifiesByFirstByteAsRfc7983Says() {
        assertEquals(PacketKind.STUN, classify(0x00, 0x01, 20));
        assertEquals(PacketKind.STUN, classify(0x01, 0x01, 20));
        assertEquals(PacketKind.DTLS, classify(22, 0xFE, 13)); // handshake record, DTLS 1.x
        assertEquals(PacketKind.DTLS, classify(23, 0xFE, 13)); // application data
        assertEquals(PacketKind.RTP, classify(0x80, 111, 12)); // opus, marker 0
        assertEquals(PacketKind.RTP, classify(0x90, 0x80 | 96, 100)); // VP8 with extension and marker
        assertEquals(PacketKind.RTCP, classify(0x80, 200, 28)); // SR
        assertEquals(PacketKind.RTCP, classify(0x81, 206, 12)); // PLI
        assertEquals(PacketKind.UNKNOWN, classify(64, 0, 20)); // TURN channel data
        assertEquals(PacketKind.UNKNOWN, classify(0xC0, 0, 20)); // RTP version 3
        assertEquals(PacketKind.UNKNOWN, classify(0x80, 111, 11)); // shorter than an RTP header
        assertEquals(PacketKind.UNKNOWN, PacketKind.classify(new byte[0], 0, 0));
    }

    @Test
    void neverThrowsOnRandomInput() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            byte[] bytes = new byte[random.nextInt(0, 40)];
            for (int j = 0; j < bytes.length; j++) {
                bytes[j] = (byte) random.nextInt(256);
            }
            assertNotNull(PacketKind.classify(bytes, 0, bytes.length));
        }
    }

    private static PacketKind classify(int first, int second, int length) {
        byte[] packet = new byte[length];
        packet[0] = (byte) first;
        packet[1] = (byte) second;
        return PacketKind.classify(packet, 0, length);
    }
}
