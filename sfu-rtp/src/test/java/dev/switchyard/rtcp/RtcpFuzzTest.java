package dev.switchyard.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.junit.jupiter.api.Test;

import dev.switchyard.rtp.testing.ParserFuzzer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every RTCP parser under {@link ParserFuzzer}: random bytes and mutations of valid packets must never throw,
 * and parsing in place or embedded between foreign bytes must agree. Each summary reads every accessor, so a
 * read outside the packet shows up as a difference.
 */
class RtcpFuzzTest {

    private static final int ITERATIONS = 100_000;

    /**
     * Runs the harness and checks that mutations of the seeds are accepted often enough for the fuzzing to
     * reach past the header checks (each input is parsed twice, so count one in two).
     */
    private static void fuzz(ParserFuzzer.Parser parser, List<byte[]> seeds, int iterations, long randomSeed) {
        int[] accepted = {0};
        ParserFuzzer.fuzz((buffer, offset, length) -> {
            Object summary = parser.parse(buffer, offset, length);
            if (summary != null) {
                accepted[0]++;
            }
            return summary;
        }, seeds, iterations, randomSeed);
        assertTrue(accepted[0] / 2 > iterations / 100, "only " + accepted[0] / 2 + " inputs accepted");
    }

    private static final List<byte[]> ALL_SEEDS = List.of(RtcpVectors.CHROME_SR, RtcpVectors.FIREFOX_RR,
            RtcpVectors.CHROME_SDES, RtcpVectors.FIREFOX_SDES, RtcpVectors.BYE, RtcpVectors.APP, RtcpVectors.NACK,
            RtcpVectors.PLI, RtcpVectors.FIR, RtcpVectors.CHROME_REMB, RtcpVectors.CHROME_TCC_ONE,
            RtcpVectors.CHROME_TCC_RUN, RtcpVectors.CHROME_TCC_MIXED, RtcpVectors.CHROME_SR_SDES,
            RtcpVectors.RR_REMB, RtcpVectors.MIXED_COMPOUND);

    private final RtcpCompoundIterator iterator = new RtcpCompoundIterator();

    @Test
    void compoundIterator() {
        fuzz(this::compound, ALL_SEEDS, ITERATIONS, 1);
    }

    /** The compound iterator driven by Jazzer's coverage feedback (corpus in RtcpFuzzTestInputs). */
    @FuzzTest(maxDuration = "90s")
    void compoundIteratorCoverageGuided(byte @NotNull [] input) {
        ParserFuzzer.checkOne(this::compound, input);
    }

    private Object compound(byte[] buffer, int offset, int length) {
        List<Object> packets = new ArrayList<>();
        iterator.reset(buffer, offset, length);
        while (iterator.next()) {
            packets.add(List.of(iterator.packetOffset() - offset, iterator.packetLength(),
                    iterator.packetType(), iterator.count()));
        }
        packets.add(iterator.isMalformed());
        return packets;
    }

    @Test
    void senderReport() {
        SenderReport view = new SenderReport();
        ReportBlockView block = new ReportBlockView();
        fuzz((buffer, offset, length) -> view.wrap(buffer, offset, length)
                ? List.of(view.ssrc(), view.ntpTimestamp(), view.rtpTimestamp(), view.packetCount(),
                        view.octetCount(), blocks(view, block))
                : null, List.of(RtcpVectors.CHROME_SR, senderReportWithBlocks()), ITERATIONS, 2);
    }

    @Test
    void receiverReport() {
        ReceiverReport view = new ReceiverReport();
        ReportBlockView block = new ReportBlockView();
        fuzz((buffer, offset, length) -> view.wrap(buffer, offset, length)
                ? List.of(view.ssrc(), blocks(view, block))
                : null, List.of(RtcpVectors.FIREFOX_RR, RtcpVectors.RR_REMB), ITERATIONS, 3);
    }

    @Test
    void sourceDescription() {
        SourceDescription view = new SourceDescription();
        fuzz((buffer, offset, length) -> {
            if (!view.wrap(buffer, offset, length)) {
                return null;
            }
            List<Object> items = new ArrayList<>();
            while (view.nextChunk()) {
                items.add(view.chunkSsrc());
                while (view.nextItem()) {
                    items.add(view.itemType() + ":" + view.itemText());
                }
            }
            return items;
        }, List.of(RtcpVectors.CHROME_SDES, RtcpVectors.FIREFOX_SDES, multiChunkSdes()), ITERATIONS, 4);
    }

    @Test
    void goodbye() {
        Goodbye view = new Goodbye();
        byte[] withReason = new byte[64];
        int length = Goodbye.write(withReason, 0, new long[] {1, 2, 3}, "leaving");
        fuzz((buffer, offset, l) -> {
            if (!view.wrap(buffer, offset, l)) {
                return null;
            }
            List<Object> summary = new ArrayList<>();
            for (int i = 0; i < view.sourceCount(); i++) {
                summary.add(view.source(i));
            }
            summary.add(String.valueOf(view.reason()));
            return summary;
        }, List.of(RtcpVectors.BYE, Arrays.copyOf(withReason, length)), ITERATIONS, 5);
    }

    @Test
    void applicationDefined() {
        ApplicationDefined view = new ApplicationDefined();
        fuzz((buffer, offset, length) -> view.wrap(buffer, offset, length)
                ? List.of(view.subtype(), view.ssrc(), view.name(),
                        Arrays.toString(Arrays.copyOfRange(buffer, view.dataOffset(),
                                view.dataOffset() + view.dataLength())))
                : null, List.of(RtcpVectors.APP), ITERATIONS, 6);
    }

    @Test
    void genericNack() {
        GenericNack view = new GenericNack();
        byte[] multi = new byte[64];
        int length = GenericNack.write(multi, 0, 1, 2, new int[] {65535, 3, 40, 41, 56, 300}, 6);
        fuzz((buffer, offset, l) -> {
            if (!view.wrap(buffer, offset, l)) {
                return null;
            }
            List<Object> summary = new ArrayList<>(List.of(view.senderSsrc(), view.mediaSsrc(), view.lostCount()));
            view.forEachLost(summary::add);
            return summary;
        }, List.of(RtcpVectors.NACK, Arrays.copyOf(multi, length)), ITERATIONS, 7);
    }

    @Test
    void pictureLossIndication() {
        PictureLossIndication view = new PictureLossIndication();
        fuzz((buffer, offset, length) -> view.wrap(buffer, offset, length)
                ? List.of(view.senderSsrc(), view.mediaSsrc(), view.fciLength())
                : null, List.of(RtcpVectors.PLI), ITERATIONS, 8);
    }

    @Test
    void fullIntraRequest() {
        FullIntraRequest view = new FullIntraRequest();
        fuzz((buffer, offset, length) -> {
            if (!view.wrap(buffer, offset, length)) {
                return null;
            }
            List<Object> summary = new ArrayList<>(List.of(view.senderSsrc(), view.mediaSsrc()));
            for (int i = 0; i < view.entryCount(); i++) {
                summary.add(view.ssrc(i) + "#" + view.sequenceNumber(i));
            }
            return summary;
        }, List.of(RtcpVectors.FIR), ITERATIONS, 9);
    }

    @Test
    void remb() {
        Remb view = new Remb();
        fuzz((buffer, offset, length) -> {
            if (!view.wrap(buffer, offset, length)) {
                return null;
            }
            List<Object> summary = new ArrayList<>(List.of(view.senderSsrc(), view.bitrate()));
            for (int i = 0; i < view.ssrcCount(); i++) {
                summary.add(view.ssrc(i));
            }
            return summary;
        }, List.of(RtcpVectors.CHROME_REMB), ITERATIONS, 10);
    }

    @Test
    void extendedReport() {
        ExtendedReport view = new ExtendedReport();
        byte[] referenceTime = new byte[ExtendedReport.RECEIVER_REFERENCE_TIME_PACKET_LENGTH];
        ExtendedReport.writeReceiverReferenceTime(referenceTime, 0, 7, 0x0102_0304_0506_0708L);
        byte[] delays = new byte[64];
        int length = ExtendedReport.writeDelaySinceLastReceiverReport(delays, 0, 1, new long[] {2, 3},
                new long[] {4, 5}, new long[] {6, 7}, 2);
        fuzz((buffer, offset, l) -> {
            if (!view.wrap(buffer, offset, l)) {
                return null;
            }
            List<Object> summary = new ArrayList<>(List.of(view.senderSsrc()));
            while (view.nextBlock()) {
                summary.add(view.blockType() + ":" + view.referenceTime());
                for (int i = 0; i < view.delayItemCount(); i++) {
                    summary.add(view.delayItemSsrc(i) + "/" + view.lastReceiverReport(i) + "/"
                            + view.delaySinceLastReceiverReport(i));
                }
            }
            return summary;
        }, List.of(referenceTime, Arrays.copyOf(delays, length)), ITERATIONS, 12);
    }

    @Test
    void transportWideFeedback() {
        TransportWideFeedback view = new TransportWideFeedback();
        fuzz((buffer, offset, length) -> {
            if (!view.wrap(buffer, offset, length)) {
                return null;
            }
            List<Object> summary = new ArrayList<>(List.of(view.baseSequenceNumber(), view.referenceTime(),
                    view.feedbackPacketCount()));
            while (view.nextPacket()) {
                summary.add(view.sequenceNumber() + ":" + view.status() + ":" + view.arrivalTimeMicros());
            }
            return summary;
        }, List.of(RtcpVectors.CHROME_TCC_ONE, RtcpVectors.CHROME_TCC_RUN, RtcpVectors.CHROME_TCC_MIXED),
                ITERATIONS, 11);
    }

    private static List<Object> blocks(ReceptionReportPacket report, ReportBlockView block) {
        List<Object> blocks = new ArrayList<>();
        for (int i = 0; report.reportBlock(i, block); i++) {
            blocks.add(block.toReportBlock());
        }
        return blocks;
    }

    private static byte[] senderReportWithBlocks() {
        byte[] buffer = new byte[76];
        SenderReport.write(buffer, 0, 1, 2, 3, 4, 5, List.of(new ReportBlock(6, 7, -8, 9, 10, 11, 12),
                new ReportBlock(13, 14, 15, 16, 17, 18, 19)));
        return buffer;
    }

    private static byte[] multiChunkSdes() {
        byte[] buffer = new byte[128];
        int length = SourceDescription.write(buffer, 0, List.of(
                new SourceDescription.Chunk(1, List.of(new SourceDescription.Item(SourceDescription.CNAME, "abc"),
                        new SourceDescription.Item(SourceDescription.TOOL, "switchyard"))),
                new SourceDescription.Chunk(2, List.of())));
        return Arrays.copyOf(buffer, length);
    }
}
