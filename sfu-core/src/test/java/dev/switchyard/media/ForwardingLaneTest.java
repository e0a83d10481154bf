package dev.switchyard.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import dev.switchyard.buffer.PacketBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardingLaneTest {

    /** Records on which thread and with which sequence numbers a sink got packets. */
    private static final class RecordingSink implements TrackSink {
        final List<Integer> sequences = new ArrayList<>();
        final ConcurrentLinkedQueue<String> threads = new ConcurrentLinkedQueue<>();

        @Override
        public void onRtp(ReceivedPacket packet) {
            sequences.add(packet.rtp().sequenceNumber());
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void aThreadWithoutALaneDeliversToEverySinkInline() {
        ForwardingLanes lanes = new ForwardingLanes(2);
        TrackFanOut fanOut = new TrackFanOut(null, lanes);
        RecordingSink onZero = new RecordingSink();
        RecordingSink onOne = new RecordingSink();
        fanOut.add(onZero, lanes.get(0));
        fanOut.add(onOne, lanes.get(1));
        deliver(fanOut, 7);
        assertEquals(List.of(7), onZero.sequences);
        assertEquals(List.of(7), onOne.sequences);
    }

    @Test
    void aThreadRunningAnotherServersLaneDeliversToEverySinkInline() throws Exception {
        ForwardingLanes otherServer = new ForwardingLanes(2);
        ForwardingLanes lanes = new ForwardingLanes(1);
        TrackFanOut fanOut = new TrackFanOut(null, lanes);
        RecordingSink sink = new RecordingSink();
        fanOut.add(sink, lanes.get(0));
        Thread otherServersLaneOne = new Thread(() -> {
            otherServer.get(1).drain();
            deliver(fanOut, 7);
        }, "other-lane-one");
        otherServersLaneOne.start();
        otherServersLaneOne.join();
        assertEquals(List.of(7), sink.sequences);
        assertEquals(0, otherServer.get(1).handedOff());
    }

    @Test
    void sinksOfAnotherLaneGetThePacketOnThatLanesThreadInOrder() throws Exception {
        ForwardingLanes lanes = new ForwardingLanes(2);
        TrackFanOut fanOut = new TrackFanOut(null, lanes);
        RecordingSink local = new RecordingSink();
        RecordingSink remoteA = new RecordingSink();
        RecordingSink remoteB = new RecordingSink();
        fanOut.add(local, lanes.get(0));
        fanOut.add(remoteA, lanes.get(1));
        fanOut.add(remoteB, lanes.get(1));
        AtomicBoolean stop = new AtomicBoolean();
        Thread laneOne = new Thread(() -> {
            while (!stop.get()) {
                lanes.get(1).drain();
            }
            lanes.get(1).drain();
        }, "lane-one");
        Thread laneZero = new Thread(() -> {
            lanes.get(0).drain();
            for (int sequence = 0; sequence < 1000; sequence++) {
                while (lanes.get(0).handedOff() - remoteA.sequences.size() > 100) {
                    Thread.onSpinWait();
                }
                deliver(fanOut, sequence);
            }
        }, "lane-zero");
        laneOne.start();
        laneZero.start();
        laneZero.join();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (remoteB.threads.size() < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        stop.set(true);
        laneOne.join();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            expected.add(i);
        }
        assertEquals(expected, local.sequences);
        assertEquals(expected, remoteA.sequences);
        assertEquals(expected, remoteB.sequences);
        assertTrue(local.threads.stream().allMatch("lane-zero"::equals));
        assertTrue(remoteA.threads.stream().allMatch("lane-one"::equals));
        assertEquals(1000, lanes.get(0).handedOff(), "handed over once per packet, not once per sink");
        assertEquals(0, lanes.get(0).droppedNoSlot());
    }

    @Test
    void otherLanesAreHandedThePacketBeforeTheReceivingLaneServesItsOwnSinks() throws Exception {
        // So that they forward it while the receiving lane protects for its own subscribers.
        ForwardingLanes lanes = new ForwardingLanes(3);
        TrackFanOut fanOut = new TrackFanOut(null, lanes);
        List<Long> handedOffWhenServed = new ArrayList<>();
        fanOut.add(packet -> handedOffWhenServed.add(lanes.get(1).handedOff()), lanes.get(1));
        fanOut.add(new RecordingSink(), lanes.get(0));
        fanOut.add(new RecordingSink(), lanes.get(2));
        Thread laneOne = new Thread(() -> {
            lanes.get(1).drain();
            deliver(fanOut, 1);
        });
        laneOne.start();
        laneOne.join();
        assertEquals(List.of(2L), handedOffWhenServed, "lanes 0 and 2 had it before lane 1's own sink");
    }

    @Test
    void aLaneWhosePeerDoesNotDrainDropsAndCountsOnceItsSlotsAreInFlight() throws Exception {
        ForwardingLanes lanes = new ForwardingLanes(2);
        TrackFanOut fanOut = new TrackFanOut(null, lanes);
        fanOut.add(new RecordingSink(), lanes.get(1));
        Thread laneZero = new Thread(() -> {
            lanes.get(0).drain();
            for (int sequence = 0; sequence < 300; sequence++) {
                deliver(fanOut, sequence);
            }
        });
        laneZero.start();
        laneZero.join();
        assertEquals(ForwardingLanes.SLOTS_PER_LANE, lanes.get(0).handedOff());
        assertEquals(300 - ForwardingLanes.SLOTS_PER_LANE, lanes.get(0).droppedNoSlot());
    }

    private static void deliver(TrackFanOut fanOut, int sequence) {
        PacketBuffer packet = MediaTestPackets.rtp(0x1111, sequence, sequence * 3000L, 0);
        ReceivedPacket received = new ReceivedPacket();
        long arrival = System.nanoTime();
        assertTrue(received.wrap(packet, arrival), "a well-formed RTP packet");
        fanOut.forward(received);
    }
}
