package dev.switchyard.media;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.buffer.PacketBuffer;
import dev.switchyard.rtcp.TransportWideFeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransportFeedbackGeneratorTest {

    private static final long MILLI = 1_000_000L;
    private static final long INTERVAL = 100 * MILLI;

    private final TransportFeedbackGenerator generator = new TransportFeedbackGenerator(0x5357_5943L, INTERVAL);
    private final PacketBuffer packet = PacketBuffer.allocate();

    @Test
    void reportsArrivalsAndLossesOncePerIntervalAndEachSequenceOnce() {
        long start = 1_000_000 * MILLI;
        for (int sequence = 65_530; sequence < 65_546; sequence++) {
            if (sequence != 65_535 && (sequence & 0xFFFF) != 2) {
                generator.onPacket(sequence & 0xFFFF, 0xAAAA, start + (sequence - 65_530) * 5 * MILLI);
            }
        }
        assertFalse(generator.pollFeedback(start + 50 * MILLI, packet), "not before the interval");
        assertTrue(generator.pollFeedback(start + 101 * MILLI, packet));

        TransportWideFeedback feedback = parse();
        assertEquals(65_530, feedback.baseSequenceNumber());
        assertEquals(16, feedback.packetStatusCount(), "65530..65535 and 0..9, across the wrap");
        assertEquals(0, feedback.feedbackPacketCount());
        List<Integer> lost = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        while (feedback.nextPacket()) {
            if (feedback.isReceived()) {
                deltas.add(feedback.deltaMicros());
            } else {
                lost.add(feedback.sequenceNumber());
            }
        }
        assertEquals(List.of(65_535, 2), lost);
        assertEquals(10_000L, deltas.get(5), "5 ms apart, 10 ms across the lost packet");
        assertEquals(5_000L, deltas.get(6));

        // A late packet that was already reported as lost is not reported again; new ones are.
        generator.onPacket(2, 0xAAAA, start + 150 * MILLI);
        generator.onPacket(10, 0xAAAA, start + 160 * MILLI);
        assertTrue(generator.pollFeedback(start + 210 * MILLI, packet));
        TransportWideFeedback next = parse();
        assertEquals(10, next.baseSequenceNumber());
        assertEquals(1, next.packetStatusCount());
        assertEquals(1, next.feedbackPacketCount());
        assertFalse(generator.pollFeedback(start + 400 * MILLI, packet), "nothing new to report");
    }

    private TransportWideFeedback parse() {
        TransportWideFeedback feedback = new TransportWideFeedback();
        assertTrue(feedback.wrap(packet.buffer(), packet.offset(), packet.length()));
        return feedback;
    }
}
