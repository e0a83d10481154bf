package dev.switchyard.media;

import org.junit.jupiter.api.Test;

import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.RtpPacketWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamRewriterTest {

    private static final long OUTPUT_SSRC = 0xABCD_0001L;
    private final StreamRewriter rewriter = new StreamRewriter(OUTPUT_SSRC, 3000);

    @Test
    void theFirstSourceKeepsItsNumberingUnderTheSubscribersSsrc() {
        RtpPacket packet = rewrite(0x1111, 65_535, 0xFFFF_FFF0L);
        assertEquals(OUTPUT_SSRC, packet.ssrc());
        assertEquals(65_535, packet.sequenceNumber());
        assertEquals(0xFFFF_FFF0L, packet.timestamp());
        assertEquals(0, rewrite(0x1111, 0, 2_992).sequenceNumber(), "wraps like the source");
    }

    @Test
    void aNewSourceContinuesWhereThePreviousOneStopped() {
        rewrite(0x1111, 100, 90_000);
        rewrite(0x1111, 101, 93_000);
        // The publisher restarted: new SSRC, unrelated numbering.
        RtpPacket first = rewrite(0x2222, 40_000, 5);
        assertEquals(OUTPUT_SSRC, first.ssrc());
        assertEquals(102, first.sequenceNumber());
        assertEquals(96_000, first.timestamp());
        RtpPacket second = rewrite(0x2222, 40_001, 3_005);
        assertEquals(103, second.sequenceNumber());
        assertEquals(99_000, second.timestamp());
    }

    @Test
    void reorderedPacketsKeepTheirPlaceAndDoNotMoveTheContinuationPoint() {
        rewrite(0x1111, 10, 1_000);
        rewrite(0x1111, 12, 7_000);
        assertEquals(11, rewrite(0x1111, 11, 4_000).sequenceNumber());
        assertEquals(13, rewrite(0x2222, 500, 0).sequenceNumber(), "continues after 12, the newest, not 11");
    }

    private RtpPacket rewrite(long ssrc, int sequence, long timestamp) {
        byte[] buffer = new byte[64];
        int length = new RtpPacketWriter().payloadType(96).ssrc(ssrc).sequenceNumber(sequence).timestamp(timestamp)
                .payload(new byte[4], 0, 4).write(buffer, 0);
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.wrap(buffer, 0, length));
        rewriter.rewrite(packet);
        return packet;
    }
}
