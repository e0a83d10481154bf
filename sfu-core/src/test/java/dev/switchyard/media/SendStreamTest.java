package dev.switchyard.media;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.rtcp.SenderReport;
import dev.switchyard.rtcp.SourceDescription;
import dev.switchyard.rtp.HeaderExtensionCursor;
import dev.switchyard.rtp.RtpPacket;
import dev.switchyard.rtp.RtpPacketWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SendStreamTest {

    private static final long OUTPUT_SSRC = 0xABCD_0001L;
    private static final int KEYFRAME_MARKER = 0x4B;

    /** Records what the stream sends, as the subscriber's connection would see it before protection. */
    private static final class RecordingSender implements RtpSender {
        final List<int[]> sent = new ArrayList<>();
        boolean ready = true;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public boolean sendRtp(PacketBuffer packet) {
            RtpPacket rtp = new RtpPacket();
            assertTrue(rtp.wrap(packet.buffer(), packet.offset(), packet.length()));
            assertEquals(OUTPUT_SSRC, rtp.ssrc());
            sent.add(new int[] {rtp.sequenceNumber(), (int) rtp.timestamp(),
                    packet.buffer()[rtp.payloadOffset()]});
            return true;
        }

        @Override
        public boolean sendRtcp(PacketBuffer packet) {
            return true;
        }
    }

    /** Keeps a copy of every packet sent, whatever its SSRC. */
    private static final class CapturingSender implements RtpSender {
        final List<PacketBuffer> sent = new ArrayList<>();

        @Override
        public boolean isReady() {
            return true;
        }

        final List<PacketBuffer> reports = new ArrayList<>();

        @Override
        public boolean sendRtp(PacketBuffer outgoing) {
            PacketBuffer copy = PacketBuffer.allocate();
            copy.copyFrom(outgoing.buffer(), outgoing.offset(), outgoing.length());
            sent.add(copy);
            return true;
        }

        @Override
        public boolean sendRtcp(PacketBuffer outgoing) {
            PacketBuffer copy = PacketBuffer.allocate();
            copy.copyFrom(outgoing.buffer(), outgoing.offset(), outgoing.length());
            reports.add(copy);
            return true;
        }

        RtpPacket view(int index) {
            RtpPacket packet = new RtpPacket();
            PacketBuffer buffer = sent.get(index);
            assertTrue(packet.wrap(buffer.buffer(), buffer.offset(), buffer.length()));
            return packet;
        }
    }

    private final RecordingSender sender = new RecordingSender();
    private final List<String> keyframeRequests = new ArrayList<>();
    private final ReceivedPacket received = new ReceivedPacket();

    private void deliver(SendStream stream, ReceiveStream source, long ssrc, int sequence, long timestamp,
                         int marker) {
        PacketBuffer packet = MediaTestPackets.rtp(ssrc, sequence, timestamp, marker);
        assertTrue(received.wrap(packet, 0));
        long extended = source.onPacket(sequence, timestamp, 0, packet.length());
        source.cache().store(extended, packet);
        received.attach(source, extended, null);
        stream.onRtp(received);
    }

    private SendStream stream(boolean startAtKeyframe) {
        return new SendStream(new StreamRewriter(OUTPUT_SSRC, 3000), sender, startAtKeyframe,
                () -> keyframeRequests.add("pli"));
    }

    @Test
    void packetsGoOutRewrittenAndCounted() {
        SendStream stream = stream(false);
        ReceiveStream source = new ReceiveStream(0x1111, 90_000, new PacketCache(64, PacketBuffer.MAX_PACKET));
        deliver(stream, source, 0x1111, 500, 9_000, 1);
        deliver(stream, source, 0x1111, 501, 12_000, 2);
        assertEquals(2, sender.sent.size());
        assertEquals(500, sender.sent.get(0)[0]);
        assertEquals(2, stream.packetsSent());
        assertEquals(16, stream.payloadOctetsSent());
    }

    @Test
    void nothingGoesOutBeforeTheSubscribersConnectionIsUp() {
        SendStream stream = stream(false);
        sender.ready = false;
        deliver(stream, new ReceiveStream(1, 90_000, new PacketCache(8, 1500)), 1, 1, 0, 1);
        assertEquals(0, sender.sent.size());
        assertEquals(0, stream.packetsSent());
    }

    @Test
    void aSentPacketIsRebuiltForRetransmissionExactlyAsItWentOut() {
        SendStream stream = stream(false);
        ReceiveStream first = new ReceiveStream(0x1111, 90_000, new PacketCache(64, PacketBuffer.MAX_PACKET));
        for (int i = 0; i < 10; i++) {
            deliver(stream, first, 0x1111, 1000 + i, 3000L * i, i);
        }
        // The publisher restarts with another SSRC: the rewriter continues the numbering.
        ReceiveStream second = new ReceiveStream(0x2222, 90_000, new PacketCache(64, PacketBuffer.MAX_PACKET));
        for (int i = 0; i < 5; i++) {
            deliver(stream, second, 0x2222, 40_000 + i, 777_000L + 3000L * i, 100 + i);
        }
        int[] wanted = sender.sent.get(12);
        PacketBuffer rebuilt = PacketBuffer.allocate();
        assertTrue(stream.rebuildSent(wanted[0], rebuilt));
        RtpPacket packet = new RtpPacket();
        assertTrue(packet.wrap(rebuilt.buffer(), rebuilt.offset(), rebuilt.length()));
        assertEquals(OUTPUT_SSRC, packet.ssrc());
        assertEquals(wanted[0], packet.sequenceNumber());
        assertEquals(wanted[1], (int) packet.timestamp());
        assertEquals(102, rebuilt.buffer()[packet.payloadOffset()], "the payload of the packet sent then");

        assertFalse(stream.rebuildSent(sender.sent.get(3)[0], rebuilt),
                "packets of the previous source are not looked up in the new source's cache");
        assertFalse(stream.rebuildSent(sender.sent.get(14)[0] + 1, rebuilt), "never sent");
    }

    @Test
    void headerExtensionsGoOutUnderTheSubscribersIdsAndTheOthersAreBlanked() {
        String audioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
        String mid = "urn:ietf:params:rtp-hdrext:sdes:mid";
        PacketBuffer packet = PacketBuffer.allocate();
        int length = new RtpPacketWriter().payloadType(111).ssrc(0x1111).sequenceNumber(7).timestamp(960)
                .addExtension(3, new byte[] {(byte) 0x85}, 0, 1)
                .addExtension(4, new byte[] {'0'}, 0, 1)
                .payload(new byte[] {1, 2, 3}, 0, 3).write(packet.buffer(), 0);
        packet.setOffsetLength(0, length);
        CapturingSender capturingSender = new CapturingSender();
        SendStream capturing = new SendStream(new StreamRewriter(OUTPUT_SSRC, 960), capturingSender, false,
                () -> { });
        capturing.setHeaderExtensions(HeaderExtensionMap.between(Map.of(audioLevel, 3, mid, 4),
                Map.of(audioLevel, 1)));
        assertTrue(received.wrap(packet, 0));
        received.attach(null, 7, null);
        capturing.onRtp(received);

        RtpPacket out = capturingSender.view(0);
        PacketBuffer forwarded = capturingSender.sent.get(0);
        HeaderExtensionCursor cursor = new HeaderExtensionCursor();
        assertTrue(cursor.wrap(out));
        assertTrue(cursor.next());
        assertEquals(1, cursor.id(), "audio level under the subscriber's id");
        assertEquals((byte) 0x85, forwarded.buffer()[cursor.valueOffset()]);
        assertFalse(cursor.next(), "the MID, which the subscriber did not negotiate, is gone");
        assertEquals(3, out.payloadLength());
        assertEquals(0, HeaderExtensionMap.NONE.subscriberId(3));
    }

    @Test
    void aLostPacketIsRetransmittedAsRtxWithItsOriginalSequenceNumberFirstOrResentAsItWas() {
        CapturingSender capturingSender = new CapturingSender();
        long rtxSsrc = 0xABCD_0002L;
        SendStream stream = new SendStream(new StreamRewriter(OUTPUT_SSRC, 3000), capturingSender, false,
                () -> { }, rtxSsrc, 65_535, "p-1");
        ReceiveStream source = new ReceiveStream(0x1111, 90_000, new PacketCache(64, PacketBuffer.MAX_PACKET));
        for (int i = 0; i < 5; i++) {
            deliver(stream, source, 0x1111, 700 + i, 3000L * i, 40 + i);
        }
        RtpPacket lost = capturingSender.view(2);

        assertEquals(SendStream.Retransmission.SENT, stream.retransmit(lost.sequenceNumber()));
        RtpPacket resent = capturingSender.view(5);
        assertEquals(OUTPUT_SSRC, resent.ssrc(), "no RTX negotiated: resent as it was");
        assertEquals(lost.sequenceNumber(), resent.sequenceNumber());

        stream.setRtxPayloadType(97);
        assertEquals(SendStream.Retransmission.SENT, stream.retransmit(lost.sequenceNumber()));
        assertEquals(SendStream.Retransmission.SENT, stream.retransmit(lost.sequenceNumber() + 1));
        RtpPacket rtx = capturingSender.view(6);
        assertEquals(97, rtx.payloadType());
        assertEquals(rtxSsrc, rtx.ssrc());
        assertEquals(65_535, rtx.sequenceNumber(), "RTX has its own sequence numbers");
        assertEquals(0, capturingSender.view(7).sequenceNumber(), "and they wrap");
        assertEquals(lost.timestamp(), rtx.timestamp());
        byte[] bytes = rtx.buffer();
        int originalSequence = ((bytes[rtx.payloadOffset()] & 0xFF) << 8) | (bytes[rtx.payloadOffset() + 1] & 0xFF);
        assertEquals(lost.sequenceNumber(), originalSequence, "RFC 4588: the OSN comes first");
        assertEquals(42, bytes[rtx.payloadOffset() + 2], "then the original payload");
        assertEquals(lost.payloadLength() + 2, rtx.payloadLength());

        assertEquals(SendStream.Retransmission.NOT_IN_HISTORY, stream.retransmit(lost.sequenceNumber() + 100));
    }

    @Test
    void senderReportsFollowThePublishersClockThroughTheRewrittenTimestampsAcrossASourceChange() {
        CapturingSender capturingSender = new CapturingSender();
        SendStream stream = new SendStream(new StreamRewriter(OUTPUT_SSRC, 3000), capturingSender, false,
                () -> { }, 0, 0, "p-1");
        ReceiveStream first = new ReceiveStream(0x1111, 90_000, new PacketCache(64, PacketBuffer.MAX_PACKET));
        deliverAt(stream, first, 0x1111, 10, 900_000, System.nanoTime());
        assertEquals(0, capturingSender.reports.size(), "no SR before the publisher sent one");

        long reportedAt = System.nanoTime();
        first.onSenderReport(0xE000_0000_0000_0000L, 900_000, reportedAt);
        // The stream looks for an SR to follow again 100 ms after it found none: a packet 200 ms later sends one.
        deliverAt(stream, first, 0x1111, 11, 903_000, reportedAt + 200_000_000L);
        SenderReport report = report(capturingSender, 0);
        assertEquals(OUTPUT_SSRC, report.ssrc());
        assertEquals(900_000 + 18_000, report.rtpTimestamp(), 90 * 5,
                "the publisher's mapping 200 ms on, offset 0 for the first source");
        assertEquals(2, report.packetCount());

        // The publisher restarts with a new SSRC and an unrelated timestamp base; its first SR comes with it.
        ReceiveStream second = new ReceiveStream(0x2222, 90_000, new PacketCache(64, PacketBuffer.MAX_PACKET));
        long switchedAt = System.nanoTime();
        second.onSenderReport(0xE000_0010_0000_0000L, 5_000_000, switchedAt);
        deliverAt(stream, second, 0x2222, 40_000, 5_000_000, switchedAt + 2_000_000_000L);
        long firstOfSecond = capturingSender.view(2).timestamp();
        SenderReport afterSwitch = report(capturingSender, 1);
        assertTrue(afterSwitch.rtpTimestamp() > report.rtpTimestamp(), "monotonic across the switch");
        assertEquals(firstOfSecond + 180_000, afterSwitch.rtpTimestamp(), 90 * 5,
                "consistent with the rewritten timestamps of the new source, 2 s after its SR");
        assertEquals(3, afterSwitch.packetCount());
    }

    private void deliverAt(SendStream stream, ReceiveStream source, long ssrc, int sequence, long timestamp,
                           long arrivalNanos) {
        PacketBuffer packet = MediaTestPackets.rtp(ssrc, sequence, timestamp, 1);
        assertTrue(received.wrap(packet, arrivalNanos));
        long extended = source.onPacket(sequence, timestamp, arrivalNanos, packet.length());
        received.attach(source, extended, null);
        stream.onRtp(received);
    }

    private static SenderReport report(CapturingSender sender, int index) {
        PacketBuffer compound = sender.reports.get(index);
        RtcpCompoundIterator packets = new RtcpCompoundIterator().reset(compound.buffer(), compound.offset(),
                compound.length());
        assertTrue(packets.next());
        SenderReport report = new SenderReport();
        assertTrue(report.wrap(packets));
        assertTrue(packets.next(), "an SDES with the CNAME follows");
        assertEquals(RtcpPacketType.SOURCE_DESCRIPTION, packets.packetType());
        SourceDescription description = new SourceDescription();
        assertTrue(description.wrap(compound.buffer(), packets.packetOffset(), packets.packetLength()));
        assertTrue(description.nextChunk());
        assertEquals(OUTPUT_SSRC, description.chunkSsrc());
        assertTrue(description.nextItem());
        assertEquals(SourceDescription.CNAME, description.itemType());
        assertEquals("p-1", description.itemText());
        assertFalse(packets.next(), "nothing after the SDES");
        return report;
    }

    @Test
    void videoWaitsForAKeyframeAndAsksForOneMeanwhile() {
        SendStream stream = new SendStream(new StreamRewriter(OUTPUT_SSRC, 3000), sender, true,
                () -> keyframeRequests.add("pli"));
        ReceiveStream source = new ReceiveStream(1, 90_000, new PacketCache(8, 1500));
        PacketBuffer delta = MediaTestPackets.rtp(1, 1, 0, 1);
        assertTrue(received.wrap(delta, 0));
        received.attach(source, 1, KeyframeDetector.Codec.VP8);
        stream.onRtp(received);
        assertEquals(0, sender.sent.size());
        assertEquals(List.of("pli"), keyframeRequests);
        assertTrue(stream.isWaitingForKeyframe());
    }
}
