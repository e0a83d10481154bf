package dev.switchyard.benchmarks;

import dev.switchyard.rtcp.ReceiverReport;
import dev.switchyard.rtcp.ReceptionReportPacket;
import dev.switchyard.rtcp.Remb;
import dev.switchyard.rtcp.ReportBlock;
import dev.switchyard.rtcp.ReportBlockView;
import dev.switchyard.rtcp.RtcpCompoundIterator;
import dev.switchyard.rtcp.RtcpPacketType;
import dev.switchyard.rtcp.SenderReport;
import dev.switchyard.rtcp.SourceDescription;
import dev.switchyard.rtcp.TransportWideFeedback;
import dev.switchyard.rtcp.TransportWideFeedbackBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Walks the two compound RTCP packets an SFU receives most: a sender's SR + SDES(CNAME), and a receiver's
 * RR + REMB + transport-wide feedback. Every field an SFU would act on is read, including each packet status
 * and arrival time of the transport-cc feedback.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RtcpParseBenchmark {

    private static final long SENDER_SSRC = 0x9A3B_7C10L;
    private static final long MEDIA_SSRC = 0x5E1F_0A2DL;
    /** Packets reported by the transport-cc feedback: about 50 ms of 1 Mbit/s video. */
    private static final int FEEDBACK_PACKETS = 40;

    private final RtcpCompoundIterator iterator = new RtcpCompoundIterator();
    private final SenderReport senderReport = new SenderReport();
    private final ReceiverReport receiverReport = new ReceiverReport();
    private final ReportBlockView reportBlock = new ReportBlockView();
    private final SourceDescription sourceDescription = new SourceDescription();
    private final Remb remb = new Remb();
    private final TransportWideFeedback transportFeedback = new TransportWideFeedback();

    private final byte[] senderCompound = new byte[1500];
    private final byte[] receiverCompound = new byte[1500];
    private int senderCompoundLength;
    private int receiverCompoundLength;

    @Setup
    public void setUp() {
        ReportBlock block = new ReportBlock(MEDIA_SSRC, 3, 17, 0x0001_2F3AL, 120, 0x8C4E_1A2BL, 0x0000_4000L);

        int length = SenderReport.write(senderCompound, 0, SENDER_SSRC, 0xE7A1_5B3C_2D4E_5F60L, 0x3C21_F000L,
                51_234, 48_123_456, List.of(block));
        length += SourceDescription.writeCname(senderCompound, length, SENDER_SSRC, "k3JpXq8vTz0bN5Ys");
        senderCompoundLength = length;

        length = ReceiverReport.write(receiverCompound, 0, SENDER_SSRC, List.of(block));
        length += Remb.write(receiverCompound, length, SENDER_SSRC, 2_500_000, new long[] {MEDIA_SSRC, 0x1234_5678L}, 2);
        TransportWideFeedbackBuilder feedback = new TransportWideFeedbackBuilder().reset(SENDER_SSRC, MEDIA_SSRC, 321, 7);
        long arrival = 5_000_000;
        for (int i = 0; i < FEEDBACK_PACKETS; i++) {
            arrival += i % 10 == 9 ? 30_000 : 1_200;
            // Every 13th packet is lost, so the feedback mixes run-length and status-vector chunks.
            if (i % 13 != 12 && !feedback.addReceived(321 + i, arrival)) {
                throw new IllegalStateException("feedback builder refused packet " + i);
            }
        }
        length += feedback.write(receiverCompound, length);
        receiverCompoundLength = length;

        requirePackets(senderCompound, senderCompoundLength, 2);
        requirePackets(receiverCompound, receiverCompoundLength, 3);
    }

    @Benchmark
    public void senderReportAndSdes(Blackhole blackhole) {
        readCompound(senderCompound, senderCompoundLength, blackhole);
    }

    @Benchmark
    public void receiverReportRembAndTransportCc(Blackhole blackhole) {
        readCompound(receiverCompound, receiverCompoundLength, blackhole);
    }

    private void readCompound(byte[] buffer, int length, Blackhole blackhole) {
        iterator.reset(buffer, 0, length);
        while (iterator.next()) {
            switch (iterator.packetType()) {
                case RtcpPacketType.SENDER_REPORT -> readSenderReport(blackhole);
                case RtcpPacketType.RECEIVER_REPORT -> {
                    if (receiverReport.wrap(iterator)) {
                        readReportBlocks(receiverReport, blackhole);
                    }
                }
                case RtcpPacketType.SOURCE_DESCRIPTION -> readSourceDescription(blackhole);
                case RtcpPacketType.PAYLOAD_FEEDBACK -> readRemb(blackhole);
                case RtcpPacketType.TRANSPORT_FEEDBACK -> readTransportFeedback(blackhole);
                default -> blackhole.consume(iterator.packetLength());
            }
        }
        blackhole.consume(iterator.isMalformed());
    }

    private void readSenderReport(Blackhole blackhole) {
        if (!senderReport.wrap(iterator)) {
            return;
        }
        blackhole.consume(senderReport.ntpTimestamp());
        blackhole.consume(senderReport.rtpTimestamp());
        blackhole.consume(senderReport.packetCount());
        blackhole.consume(senderReport.octetCount());
        readReportBlocks(senderReport, blackhole);
    }

    private void readReportBlocks(ReceptionReportPacket report, Blackhole blackhole) {
        blackhole.consume(report.ssrc());
        for (int i = 0; report.reportBlock(i, reportBlock); i++) {
            blackhole.consume(reportBlock.ssrc());
            blackhole.consume(reportBlock.fractionLost());
            blackhole.consume(reportBlock.cumulativeLost());
            blackhole.consume(reportBlock.extendedHighestSequence());
            blackhole.consume(reportBlock.jitter());
            blackhole.consume(reportBlock.lastSenderReport());
            blackhole.consume(reportBlock.delaySinceLastSenderReport());
        }
    }

    private void readSourceDescription(Blackhole blackhole) {
        if (!sourceDescription.wrap(iterator)) {
            return;
        }
        while (sourceDescription.nextChunk()) {
            blackhole.consume(sourceDescription.chunkSsrc());
            while (sourceDescription.nextItem()) {
                blackhole.consume(sourceDescription.itemType());
                blackhole.consume(sourceDescription.itemValueOffset());
                blackhole.consume(sourceDescription.itemValueLength());
            }
        }
    }

    private void readRemb(Blackhole blackhole) {
        if (!remb.wrap(iterator)) {
            return;
        }
        blackhole.consume(remb.bitrate());
        for (int i = 0; i < remb.ssrcCount(); i++) {
            blackhole.consume(remb.ssrc(i));
        }
    }

    private void readTransportFeedback(Blackhole blackhole) {
        if (!transportFeedback.wrap(iterator)) {
            return;
        }
        blackhole.consume(transportFeedback.feedbackPacketCount());
        while (transportFeedback.nextPacket()) {
            blackhole.consume(transportFeedback.sequenceNumber());
            if (transportFeedback.isReceived()) {
                blackhole.consume(transportFeedback.arrivalTimeMicros());
            }
        }
    }

    /** Checks in setup that the compound holds the expected number of packets and each view accepts its own. */
    private void requirePackets(byte[] buffer, int length, int expected) {
        iterator.reset(buffer, 0, length);
        int count = 0;
        while (iterator.next()) {
            boolean valid = switch (iterator.packetType()) {
                case RtcpPacketType.SENDER_REPORT -> senderReport.wrap(iterator);
                case RtcpPacketType.RECEIVER_REPORT -> receiverReport.wrap(iterator);
                case RtcpPacketType.SOURCE_DESCRIPTION -> sourceDescription.wrap(iterator);
                case RtcpPacketType.PAYLOAD_FEEDBACK -> remb.wrap(iterator);
                case RtcpPacketType.TRANSPORT_FEEDBACK -> transportFeedback.wrap(iterator)
                        && transportFeedback.packetStatusCount() == FEEDBACK_PACKETS;
                default -> false;
            };
            if (!valid) {
                throw new IllegalStateException("benchmark RTCP packet type " + iterator.packetType() + " is invalid");
            }
            count++;
        }
        if (iterator.isMalformed() || count != expected) {
            throw new IllegalStateException("compound holds " + count + " packets, expected " + expected);
        }
    }
}
