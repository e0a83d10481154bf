package dev.switchyard.rtp;

import dev.switchyard.rtp.extension.AbsSendTime;
import dev.switchyard.rtp.extension.AudioLevel;
import dev.switchyard.rtp.extension.SdesIdentifier;
import dev.switchyard.rtp.extension.TransportSequenceNumber;
import dev.switchyard.rtp.testing.Hex;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An Opus packet in the shape Chromium sends audio with the extmaps of its default offer: 1 ssrc-audio-level,
 * 2 abs-send-time, 3 transport-wide-cc, 4 sdes:mid, packed in the one-byte form and zero-padded to a 32-bit
 * boundary (mid is included until the receiver's RTCP confirms it). Field values are representative, typed
 * in by hand rather than copied from a capture file.
 */
class ChromiumAudioPacketTest {

    static final byte[] PACKET = Hex.bytes("""
            90 6f 2d 4e  5a 3c 21 f0  9a 3b 7c 10
            be de 00 03
            10 ba
            22 3f 12 8c
            31 00 05
            40 30
            00
            78 0b e4 c1 36 ec c5 8d 8c 49 46 99
            """);

    private static final int AUDIO_LEVEL = 1;
    private static final int ABS_SEND_TIME = 2;
    private static final int TRANSPORT_CC = 3;
    private static final int MID = 4;

    private final RtpPacket packet = new RtpPacket();
    private final HeaderExtensionCursor cursor = new HeaderExtensionCursor();

    @Test
    void parsesHeaderAndEveryExtension() {
        assertTrue(packet.wrap(PACKET, 0, PACKET.length));
        assertEquals(111, packet.payloadType());
        assertFalse(packet.marker());
        assertEquals(0x2D4E, packet.sequenceNumber());
        assertEquals(0x5A3C_21F0L, packet.timestamp());
        assertEquals(0x9A3B_7C10L, packet.ssrc());
        assertEquals(28, packet.headerLength());
        assertEquals(12, packet.payloadLength());

        assertTrue(cursor.wrap(packet));
        assertTrue(cursor.find(AUDIO_LEVEL));
        int level = AudioLevel.read(PACKET, cursor.valueOffset(), cursor.valueLength());
        assertTrue(AudioLevel.voiceActivity(level));
        assertEquals(58, AudioLevel.level(level));

        assertTrue(cursor.find(ABS_SEND_TIME));
        assertEquals(0x3F128C, AbsSendTime.read(PACKET, cursor.valueOffset(), cursor.valueLength()));

        assertTrue(cursor.find(TRANSPORT_CC));
        assertEquals(5, TransportSequenceNumber.read(PACKET, cursor.valueOffset(), cursor.valueLength()));

        assertTrue(cursor.find(MID));
        assertTrue(SdesIdentifier.matches(PACKET, cursor.valueOffset(), cursor.valueLength(),
                "0".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("0", SdesIdentifier.read(PACKET, cursor.valueOffset(), cursor.valueLength()));
    }

    @Test
    void adaptsToASubscriberWithDifferentExtmapIds() {
        // The subscriber's offer maps transport-cc to 5, abs-send-time to 3 and did not negotiate mid.
        byte[] forwarded = PACKET.clone();
        assertTrue(packet.wrap(forwarded, 0, forwarded.length));
        assertTrue(cursor.wrap(packet));
        while (cursor.next()) {
            switch (cursor.id()) {
                case TRANSPORT_CC -> assertTrue(cursor.setId(5));
                case ABS_SEND_TIME -> assertTrue(cursor.setId(3));
                case MID -> cursor.remove();
                default -> { }
            }
        }
        assertArrayEquals(Hex.bytes("""
                90 6f 2d 4e  5a 3c 21 f0  9a 3b 7c 10
                be de 00 03
                10 ba
                32 3f 12 8c
                51 00 05
                00 00
                00
                78 0b e4 c1 36 ec c5 8d 8c 49 46 99
                """), forwarded);
    }

    @Test
    void matchesWhatTheWriterProducesForTheSameElements() {
        byte[] value = new byte[3];
        RtpPacketWriter writer = new RtpPacketWriter()
                .payloadType(111).sequenceNumber(0x2D4E).timestamp(0x5A3C_21F0L).ssrc(0x9A3B_7C10L);
        AudioLevel.write(value, 0, true, 58);
        writer.addExtension(AUDIO_LEVEL, value, 0, AudioLevel.LENGTH);
        AbsSendTime.write(value, 0, 0x3F128C);
        writer.addExtension(ABS_SEND_TIME, value, 0, AbsSendTime.LENGTH);
        TransportSequenceNumber.write(value, 0, 5);
        writer.addExtension(TRANSPORT_CC, value, 0, TransportSequenceNumber.LENGTH);
        int midLength = SdesIdentifier.write(value, 0, "0");
        writer.addExtension(MID, value, 0, midLength);
        writer.payload(PACKET, 28, 12);

        byte[] written = new byte[writer.length()];
        writer.write(written, 0);
        assertArrayEquals(PACKET, written);
    }
}
