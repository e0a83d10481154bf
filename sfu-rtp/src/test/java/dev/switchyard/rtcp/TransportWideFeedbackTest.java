package dev.switchyard.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static dev.switchyard.rtcp.TransportWideFeedback.NOT_RECEIVED;
import static dev.switchyard.rtcp.TransportWideFeedback.RECEIVED_LARGE_DELTA;
import static dev.switchyard.rtcp.TransportWideFeedback.RECEIVED_SMALL_DELTA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportWideFeedbackTest {

    /** One reported packet as the reader sees it. */
    record Status(int sequenceNumber, int status, int deltaTicks) {
    }

    private final TransportWideFeedback view = new TransportWideFeedback();

    private List<Status> statuses() {
        List<Status> statuses = new ArrayList<>();
        while (view.nextPacket()) {
            statuses.add(new Status(view.sequenceNumber(), view.status(), view.deltaTicks()));
        }
        return statuses;
    }

    private static Status small(int sequence, int ticks) {
        return new Status(sequence, RECEIVED_SMALL_DELTA, ticks);
    }

    private static Status lost(int sequence) {
        return new Status(sequence, NOT_RECEIVED, 0);
    }

    @Test
    void decodesTheDraftChunkExamples() {
        // §3.1.3 example 1: a run of 221 "not received".
        assertEquals(221, TransportWideFeedback.chunkCapacity(0x00DD));
        assertEquals(NOT_RECEIVED, TransportWideFeedback.chunkSymbol(0x00DD, 220));
        // §3.1.4 example 1: 1-bit vector, received packets at positions 1-5 and 9-11.
        int[] expected = {0, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0};
        assertEquals(14, TransportWideFeedback.chunkCapacity(0x9F1C));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], TransportWideFeedback.chunkSymbol(0x9F1C, i));
        }
        assertEquals(7, TransportWideFeedback.chunkCapacity(0xD552));
    }

    @Test
    void readsChromeFeedbackForOnePacket() {
        assertTrue(view.wrap(RtcpVectors.CHROME_TCC_ONE, 0, RtcpVectors.CHROME_TCC_ONE.length));
        assertEquals(0xfa17fa17L, view.senderSsrc());
        assertEquals(0x43032fa0L, view.mediaSsrc());
        assertEquals(153, view.baseSequenceNumber());
        assertEquals(1, view.packetStatusCount());
        assertEquals(4057090, view.referenceTime());
        assertEquals(23, view.feedbackPacketCount());
        assertTrue(view.nextPacket());
        assertEquals(153, view.sequenceNumber());
        assertTrue(view.isReceived());
        assertEquals(37_000, view.deltaMicros());
        assertEquals(4057090L * 64_000 + 37_000, view.arrivalTimeMicros());
        assertFalse(view.nextPacket());
    }

    @Test
    void readsChromeRunLengthFeedback() {
        assertTrue(view.wrap(RtcpVectors.CHROME_TCC_RUN, 0, RtcpVectors.CHROME_TCC_RUN.length));
        assertEquals(1074030, view.referenceTime());
        assertEquals(List.of(small(4, 76), small(5, 36), small(6, 36), small(7, 16), small(8, 12), small(9, 12),
                small(10, 16)), statuses());
    }

    @Test
    void readsChromeVectorWithLargeDeltaAndOvershootingRun() {
        assertTrue(view.wrap(RtcpVectors.CHROME_TCC_MIXED, 0, RtcpVectors.CHROME_TCC_MIXED.length));
        assertEquals(34108, view.baseSequenceNumber());
        assertEquals(179, view.feedbackPacketCount());
        assertEquals(List.of(small(34108, 155), small(34109, 170), small(34110, 106), small(34111, 170),
                small(34112, 123), lost(34113), new Status(34114, RECEIVED_LARGE_DELTA, 265), lost(34115),
                lost(34116)), statuses());
        view.rewind();
        assertEquals(9, statuses().size());
    }

    @Test
    void readsChromeFeedbackWithNoStatuses() {
        byte[] packet = Hex.bytes("8fcd0004 9acb0442 00000000 00000000 00000000");
        assertTrue(view.wrap(packet, 0, packet.length));
        assertFalse(view.nextPacket());
    }

    @Test
    void rejectsMissingDeltasChunksAndReservedSymbols() {
        byte[] missingDelta = RtcpVectors.CHROME_TCC_ONE.clone();
        missingDelta[15] = 2; // two statuses, but one delta byte
        assertFalse(view.wrap(missingDelta, 0, missingDelta.length));
        byte[] missingChunk = RtcpVectors.CHROME_TCC_RUN.clone();
        missingChunk[15] = 8; // the run of 7 leaves one status without a chunk; deltas are read as one
        missingChunk[21] = 0x07;
        assertFalse(view.wrap(missingChunk, 0, missingChunk.length));
        byte[] reserved = RtcpVectors.CHROME_TCC_ONE.clone();
        reserved[20] = 0x60; // run-length chunk of symbol 3
        assertFalse(view.wrap(reserved, 0, reserved.length));
        assertFalse(view.wrap(Hex.bytes("8fcd0003 00000001 00000002 00010001"), 0, 16));
    }

    @Test
    void negativeReferenceTimeIsSignExtended() {
        byte[] packet = RtcpVectors.CHROME_TCC_ONE.clone();
        packet[16] = (byte) 0xFF;
        packet[17] = (byte) 0xFF;
        packet[18] = (byte) 0xFE;
        assertTrue(view.wrap(packet, 0, packet.length));
        assertEquals(-2, view.referenceTime());
        assertEquals(-128_000, view.referenceTimeMicros());
    }

    @Test
    void builderEncodesChromeRunByteForByte() {
        TransportWideFeedbackBuilder builder = new TransportWideFeedbackBuilder().reset(0xfa17fa17L, 0x193dd8bbL, 4, 1);
        long arrival = 1074030L * 64_000;
        int[] ticks = {76, 36, 36, 16, 12, 12, 16};
        for (int i = 0; i < ticks.length; i++) {
            arrival += ticks[i] * 250L;
            assertTrue(builder.addReceived(4 + i, arrival + 100));
        }
        byte[] written = new byte[32];
        assertEquals(32, builder.length());
        assertEquals(32, builder.write(written, 0));
        assertArrayEquals(RtcpVectors.CHROME_TCC_RUN, written);
    }

    @Test
    void builderChoosesChunkEncodings() {
        TransportWideFeedbackBuilder builder = new TransportWideFeedbackBuilder();
        // 20 small deltas in a row: one run-length chunk.
        assertEquals(List.of(0x2000 | 20), chunksFor(builder, sequenceArrivals(20, 1, 0)));
        // Alternating received/lost without large deltas: 1-bit vectors of 14.
        List<Integer> oneBit = chunksFor(builder, sequenceArrivals(20, 2, 0));
        assertEquals(2, oneBit.size());
        assertEquals(0x8000 | 0b10101010101010, oneBit.get(0));
        assertEquals(0x8000 | 0b10101000000000, oneBit.get(1));
        // A large delta among a mix: 2-bit vectors of 7.
        List<Integer> twoBit = chunksFor(builder, sequenceArrivals(9, 2, 4));
        assertEquals(0xC000, twoBit.get(0) & 0xC000);
    }

    /** Arrival times for {@code count} packets of which every {@code stride}-th arrives, one late by 100 ms. */
    private static long[] sequenceArrivals(int count, int stride, int lateIndex) {
        long[] arrivals = new long[count];
        long time = 5_000_000;
        for (int i = 0; i < count; i++) {
            time += i == lateIndex && lateIndex > 0 ? 100_000 : 1_000;
            arrivals[i] = i % stride == 0 ? time : -1;
        }
        return arrivals;
    }

    private List<Integer> chunksFor(TransportWideFeedbackBuilder builder, long[] arrivals) {
        builder.reset(1, 2, 1000, 0);
        for (int i = 0; i < arrivals.length; i++) {
            if (arrivals[i] >= 0) {
                assertTrue(builder.addReceived(1000 + i, arrivals[i]));
            }
        }
        byte[] buffer = new byte[builder.length()];
        builder.write(buffer, 0);
        assertTrue(view.wrap(buffer, 0, buffer.length));
        List<Integer> chunks = new ArrayList<>();
        int covered = 0;
        for (int position = 20; covered < view.packetStatusCount(); position += 2) {
            int word = dev.switchyard.rtp.BigEndian.getUint16(buffer, position);
            chunks.add(word);
            covered += TransportWideFeedback.chunkCapacity(word);
        }
        return chunks;
    }

    @Test
    void builderRoundTripsRandomArrivals() {
        SplittableRandom random = new SplittableRandom(42);
        TransportWideFeedbackBuilder builder = new TransportWideFeedbackBuilder();
        byte[] buffer = new byte[70_000];
        for (int round = 0; round < 300; round++) {
            int base = random.nextInt(65536);
            builder.reset(random.nextLong(1L << 32), random.nextLong(1L << 32), base, round);
            long time = random.nextLong(0, 1L << 40);
            List<long[]> added = new ArrayList<>();
            int sequence = base;
            int packets = random.nextInt(1, 600);
            for (int i = 0; i < packets; i++) {
                sequence = (sequence + (random.nextInt(10) == 0 ? random.nextInt(2, 30) : 1)) & 0xFFFF;
                time += switch (random.nextInt(20)) {
                    case 0 -> random.nextInt(-8_000_000, 8_000_000);
                    case 1 -> random.nextInt(-1_000, 0);
                    default -> random.nextInt(0, 70_000);
                };
                if (builder.addReceived(sequence, time)) {
                    added.add(new long[] {sequence, time});
                }
            }
            int length = builder.write(buffer, 3);
            assertEquals(builder.length(), length);
            assertTrue(view.wrap(buffer, 3, length));
            assertEquals(builder.packetStatusCount(), view.packetStatusCount());
            assertEquals(round & 0xFF, view.feedbackPacketCount());
            int next = 0;
            long referenceMicros = view.referenceTimeMicros();
            long firstArrival = added.get(0)[1];
            while (view.nextPacket()) {
                if (view.isReceived()) {
                    long[] expected = added.get(next++);
                    assertEquals(expected[0], view.sequenceNumber());
                    // Arrival times survive with 250 µs truncation, relative to the (wrapped) reference time.
                    long expectedOffset = Math.floorDiv(expected[1], 250) * 250 - Math.floorDiv(firstArrival, 64_000) * 64_000;
                    assertEquals(expectedOffset, view.arrivalTimeMicros() - referenceMicros);
                }
            }
            assertEquals(added.size(), next);
        }
    }

    @Test
    void builderRefusesWhatItCannotEncode() {
        TransportWideFeedbackBuilder builder = new TransportWideFeedbackBuilder().reset(1, 2, 65530, 0);
        assertTrue(builder.isEmpty());
        assertTrue(builder.addReceived(65533, 1_000_000));
        assertFalse(builder.addReceived(65533, 1_000_100), "duplicate");
        assertFalse(builder.addReceived(65531, 1_000_100), "older");
        assertFalse(builder.addReceived(2, 1_000_000 + 8_192_000), "delta beyond 16 bits");
        assertTrue(builder.addReceived(2, 1_000_000 - 8_192_000), "most negative delta");
        assertEquals(9, builder.packetStatusCount());
        byte[] buffer = new byte[builder.length()];
        builder.write(buffer, 0);
        assertTrue(view.wrap(buffer, 0, buffer.length));
        assertEquals(65530, view.baseSequenceNumber());
        List<Status> statuses = statuses();
        assertEquals(new Status(65533, RECEIVED_SMALL_DELTA, 160), statuses.get(3)); // 1 s is 160 ticks past 15 * 64 ms
        assertEquals(new Status(2, RECEIVED_LARGE_DELTA, -32768), statuses.get(8));
        assertThrows(IllegalStateException.class,
                () -> new TransportWideFeedbackBuilder().reset(1, 2, 3, 4).write(new byte[64], 0));
        assertThrows(IllegalArgumentException.class,
                () -> builder.write(new byte[buffer.length - 1], 0));
    }
}
