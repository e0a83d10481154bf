package dev.switchyard.sctp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import org.junit.jupiter.api.Test;

import dev.switchyard.rtp.testing.ParserFuzzer;
import dev.switchyard.sctp.chunk.AbortChunk;
import dev.switchyard.sctp.chunk.Chunk;
import dev.switchyard.sctp.chunk.Chunks;
import dev.switchyard.sctp.chunk.CookieAckChunk;
import dev.switchyard.sctp.chunk.CookieEchoChunk;
import dev.switchyard.sctp.chunk.DataChunk;
import dev.switchyard.sctp.chunk.ErrorCause;
import dev.switchyard.sctp.chunk.ErrorChunk;
import dev.switchyard.sctp.chunk.ForwardTsnChunk;
import dev.switchyard.sctp.chunk.GapAckBlock;
import dev.switchyard.sctp.chunk.HeartbeatAckChunk;
import dev.switchyard.sctp.chunk.HeartbeatChunk;
import dev.switchyard.sctp.chunk.InitAckChunk;
import dev.switchyard.sctp.chunk.InitChunk;
import dev.switchyard.sctp.chunk.OutgoingResetRequest;
import dev.switchyard.sctp.chunk.ReconfigChunk;
import dev.switchyard.sctp.chunk.ReconfigParameter;
import dev.switchyard.sctp.chunk.ReconfigResponse;
import dev.switchyard.sctp.chunk.SackChunk;
import dev.switchyard.sctp.chunk.ShutdownAckChunk;
import dev.switchyard.sctp.chunk.ShutdownChunk;
import dev.switchyard.sctp.chunk.ShutdownCompleteChunk;
import dev.switchyard.sctp.chunk.SkippedStream;
import dev.switchyard.sctp.chunk.UnknownChunk;
import dev.switchyard.sctp.chunk.UnknownReconfigParameter;
import dev.switchyard.sctp.dcep.DataChannelAck;
import dev.switchyard.sctp.dcep.DataChannelOpen;
import dev.switchyard.sctp.dcep.DcepMessageType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every SCTP and DCEP parser under {@link ParserFuzzer}: random bytes and mutations of valid input must never
 * throw anything but {@link SctpParseException}, and parsing in place or embedded between foreign bytes must
 * agree. Each summary reads every accessor, so a read outside the input shows up as a difference; and every
 * packet that parses must serialize to bytes that parse back to the same summary.
 *
 * <p>Mutated packets almost never keep a valid checksum, so besides packets as received, the chunk parser is
 * fuzzed directly and packets are fuzzed with their checksum recomputed after mutation.
 */
class SctpFuzzTest {

    private static final int ITERATIONS = 50_000;

    private static final HexFormat HEX = HexFormat.of();

    /** At least one of every chunk type, every flag set somewhere, every list non-empty somewhere. */
    private static final List<Chunk> EVERY_CHUNK = List.of(
            new DataChunk(0xFFFF_FFF0L, 3, 9, PayloadProtocol.BINARY, true, true, false, true, new byte[] {1, 2, 3}),
            new InitChunk(0x1234_5678L, 131072, 1024, 1024, 42, true,
                    List.of(ForwardTsnChunk.TYPE, ReconfigChunk.TYPE)),
            new InitAckChunk(0x8765_4321L, 65536, 16, 16, 7, true, List.of(ReconfigChunk.TYPE),
                    new byte[] {9, 8, 7, 6, 5, 4, 3}),
            new SackChunk(100, 5000, List.of(new GapAckBlock(2, 4), new GapAckBlock(6, 6)), List.of(101L, 0L)),
            new HeartbeatChunk(new byte[] {1, 2, 3, 4, 5, 6}),
            new HeartbeatAckChunk(new byte[] {7}),
            new AbortChunk(true, List.of(ErrorCause.withReason(ErrorCause.USER_INITIATED_ABORT, "bye"),
                    new ErrorCause(ErrorCause.NO_USER_DATA, new byte[] {0, 0, 0, 1}))),
            new ShutdownChunk(77),
            new ShutdownAckChunk(),
            new ErrorChunk(List.of(new ErrorCause(ErrorCause.INVALID_STREAM_IDENTIFIER, new byte[] {0, 9, 0, 0}))),
            new CookieEchoChunk(new byte[] {9, 8, 7, 6, 5, 4, 3}),
            new CookieAckChunk(),
            new ShutdownCompleteChunk(true),
            new ForwardTsnChunk(55, List.of(new SkippedStream(1, 2), new SkippedStream(3, 4))),
            new ReconfigChunk(List.of(new OutgoingResetRequest(1, 2, 3, List.of(4, 5, 6)),
                    new ReconfigResponse(9, ReconfigResponse.SUCCESS_PERFORMED))),
            new ReconfigChunk(List.of(new UnknownReconfigParameter(17, new byte[] {0, 0, 0, 1, 0, 2}))),
            new UnknownChunk(0xC1, 0x5A, new byte[] {1, 2, 3, 4, 5}));

    /** A packet per chunk, all of them bundled, and the captured packets. */
    static List<byte[]> packetSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (Chunk chunk : EVERY_CHUNK) {
            seeds.add(new SctpPacket(5000, 5000, 0xCAFE_F00DL, List.of(chunk)).serialize());
        }
        seeds.add(new SctpPacket(5000, 5000, 1, EVERY_CHUNK).serialize());
        seeds.add(SctpVectors.INIT);
        seeds.add(SctpVectors.COOKIE_ACK_AND_SACK);
        return seeds;
    }

    private static List<byte[]> chunkSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (byte[] packet : packetSeeds()) {
            seeds.add(Arrays.copyOfRange(packet, SctpPacket.COMMON_HEADER_SIZE, packet.length));
        }
        return seeds;
    }

    /**
     * Runs the harness and checks that mutations of the seeds are accepted often enough for the fuzzing to
     * reach past the first checks (each input is parsed twice, so count one in two).
     */
    private static void fuzz(ParserFuzzer.Parser parser, List<byte[]> seeds, long randomSeed) {
        int[] accepted = {0};
        ParserFuzzer.fuzz((buffer, offset, length) -> {
            Object summary = parser.parse(buffer, offset, length);
            if (summary != null) {
                accepted[0]++;
            }
            return summary;
        }, seeds, ITERATIONS, randomSeed);
        assertTrue(accepted[0] / 2 > ITERATIONS / 100, "only " + accepted[0] / 2 + " inputs accepted");
    }

    @Test
    void seedsAreValidPackets() {
        for (byte[] seed : packetSeeds()) {
            assertNotNull(packet(seed, 0, seed.length));
        }
    }

    @Test
    void packetsAsReceived() {
        // Nearly every mutation breaks the checksum, so no acceptance rate: only that nothing else is thrown.
        ParserFuzzer.fuzz(SctpFuzzTest::packet, packetSeeds(), ITERATIONS, 9260);
    }

    @Test
    void packetsWithTheirChecksumRecomputed() {
        fuzz(SctpFuzzTest::packetWithChecksumFixed, packetSeeds(), 4960);
    }

    @Test
    void chunksBeneathTheChecksum() {
        fuzz(SctpFuzzTest::chunks, chunkSeeds(), 2960);
    }

    @Test
    void dcepMessages() {
        List<byte[]> seeds = List.of(new DataChannelAck().serialize(),
                new DataChannelOpen(DataChannelOpen.RELIABLE, 256, 0, "chat", "").serialize(),
                new DataChannelOpen(DataChannelOpen.PARTIAL_RELIABLE_TIMED_UNORDERED, 512, 3000, "télémétrie",
                        "json").serialize());
        fuzz(SctpFuzzTest::dcep, seeds, 8832);
    }

    /** Packets with their checksum made valid, driven by Jazzer's coverage feedback (corpus in SctpFuzzTestInputs). */
    @FuzzTest(maxDuration = "90s")
    void packetsCoverageGuided(byte @NotNull [] input) {
        ParserFuzzer.checkOne(SctpFuzzTest::packetWithChecksumFixed, input);
    }

    @Test
    void rejectionIsNull() {
        assertNull(packet(new byte[12], 0, 12));
        assertNull(chunks(new byte[] {0, 0, 0, 1}, 0, 4));
        assertNull(dcep(new byte[] {9}, 0, 1));
    }

    /** Writes a valid checksum over the mutated bytes in place (both parses see the same bytes), then parses. */
    private static Object packetWithChecksumFixed(byte[] buffer, int offset, int length) {
        if (length >= SctpPacket.COMMON_HEADER_SIZE) {
            SctpChecksum.write(buffer, offset, length);
        }
        return packet(buffer, offset, length);
    }

    private static Object packet(byte[] buffer, int offset, int length) {
        SctpPacket packet;
        try {
            packet = SctpPacket.parse(buffer, offset, length);
        } catch (SctpParseException e) {
            return null;
        }
        Object summary = summarise(packet);
        byte[] again = packet.serialize();
        assertEquals(again.length, packet.serializedSize());
        try {
            assertEquals(summary, summarise(SctpPacket.parse(again, 0, again.length)), "re-serialized packet");
        } catch (SctpParseException e) {
            throw new AssertionError("a parsed packet serialized to bytes that do not parse", e);
        }
        return summary;
    }

    private static Object chunks(byte[] buffer, int offset, int length) {
        try {
            List<Object> summary = new ArrayList<>();
            for (Chunk chunk : Chunks.parse(buffer, offset, length)) {
                summary.add(summarise(chunk));
            }
            return summary;
        } catch (SctpParseException e) {
            return null;
        }
    }

    private static Object dcep(byte[] buffer, int offset, int length) {
        byte[] message = Arrays.copyOfRange(buffer, offset, offset + length);
        List<Object> summary = new ArrayList<>();
        try {
            summary.add(DcepMessageType.of(message));
        } catch (SctpParseException e) {
            summary.add("unknown type");
        }
        summary.add(DataChannelAck.isAck(message));
        try {
            DataChannelOpen open = DataChannelOpen.parse(buffer, offset, length);
            summary.addAll(List.of(open.channelType(), open.priority(), open.reliabilityParameter(), open.label(),
                    open.protocol(), open.ordered()));
            assertEquals(open, DataChannelOpen.parse(open.serialize()), "re-serialized open");
            return summary;
        } catch (SctpParseException e) {
            return DataChannelAck.isAck(message) ? summary : null;
        }
    }

    private static Object summarise(SctpPacket packet) {
        List<Object> summary = new ArrayList<>(List.of(packet.sourcePort(), packet.destinationPort(),
                packet.verificationTag(), packet.serializedSize()));
        for (Chunk chunk : packet.chunks()) {
            summary.add(summarise(chunk));
        }
        return summary;
    }

    /** Every accessor of every chunk type; byte arrays as hex, since records compare them by identity. */
    static List<Object> summarise(Chunk chunk) {
        List<Object> s = new ArrayList<>(List.of(chunk.getClass().getSimpleName(), chunk.type(),
                chunk.serializedSize()));
        if (chunk instanceof DataChunk c) {
            s.addAll(List.of(c.tsn(), c.streamId(), c.streamSequence(), c.payloadProtocolId(), c.unordered(),
                    c.beginning(), c.ending(), c.immediateAck(), HEX.formatHex(c.payload())));
        } else if (chunk instanceof InitChunk c) {
            s.addAll(List.of(c.initiateTag(), c.advertisedReceiverWindow(), c.outboundStreams(), c.inboundStreams(),
                    c.initialTsn(), c.forwardTsnSupported(), c.supportedExtensions()));
        } else if (chunk instanceof InitAckChunk c) {
            s.addAll(List.of(c.initiateTag(), c.advertisedReceiverWindow(), c.outboundStreams(), c.inboundStreams(),
                    c.initialTsn(), c.forwardTsnSupported(), c.supportedExtensions(), HEX.formatHex(c.stateCookie())));
        } else if (chunk instanceof SackChunk c) {
            s.addAll(List.of(c.cumulativeTsnAck(), c.advertisedReceiverWindow(), c.duplicateTsns()));
            c.gapAckBlocks().forEach(block -> s.add(block.start() + "-" + block.end()));
        } else if (chunk instanceof HeartbeatChunk c) {
            s.add(HEX.formatHex(c.info()));
        } else if (chunk instanceof HeartbeatAckChunk c) {
            s.add(HEX.formatHex(c.info()));
        } else if (chunk instanceof AbortChunk c) {
            s.add(c.tagReflected());
            c.causes().forEach(cause -> s.add(summarise(cause)));
        } else if (chunk instanceof ErrorChunk c) {
            c.causes().forEach(cause -> s.add(summarise(cause)));
        } else if (chunk instanceof ShutdownChunk c) {
            s.add(c.cumulativeTsnAck());
        } else if (chunk instanceof ShutdownCompleteChunk c) {
            s.add(c.tagReflected());
        } else if (chunk instanceof CookieEchoChunk c) {
            s.add(HEX.formatHex(c.cookie()));
        } else if (chunk instanceof ForwardTsnChunk c) {
            s.add(c.newCumulativeTsn());
            c.streams().forEach(stream -> s.add(stream.streamId() + "#" + stream.streamSequence()));
        } else if (chunk instanceof ReconfigChunk c) {
            c.parameters().forEach(parameter -> s.add(summarise(parameter)));
        } else if (chunk instanceof UnknownChunk c) {
            s.addAll(List.of(c.flags(), c.continueProcessing(), c.reportUnrecognized(), HEX.formatHex(c.value())));
        }
        // ShutdownAckChunk and CookieAckChunk have nothing beyond their type.
        return s;
    }

    private static String summarise(ErrorCause cause) {
        return cause.code() + ":" + HEX.formatHex(cause.information()) + ":" + cause.informationText();
    }

    private static List<Object> summarise(ReconfigParameter parameter) {
        List<Object> s = new ArrayList<>(List.of(parameter.type(), parameter.length(), parameter.serializedSize()));
        if (parameter instanceof OutgoingResetRequest p) {
            s.addAll(List.of(p.requestSequence(), p.responseSequence(), p.senderLastTsn(), p.streamIds()));
        } else if (parameter instanceof ReconfigResponse p) {
            s.addAll(List.of(p.responseSequence(), p.result()));
        } else if (parameter instanceof UnknownReconfigParameter p) {
            s.add(HEX.formatHex(p.value()));
        }
        return s;
    }
}
