package dev.switchyard.conference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.switchyard.datachannel.DataChannelCounters;
import dev.switchyard.datachannel.DataChannelLimits;
import dev.switchyard.sctp.channel.DataChannel;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

/**
 * A receiver that stops reading its data channels: the server stops queueing for it at the configured limits
 * (unreliable messages dropped, the reliable channel closed), so its memory stays bounded and the other receiver
 * gets every message in order, as if the slow one were not there.
 */
class SlowDataReceiverTest {

    private static final DataChannelLimits LIMITS = new DataChannelLimits(32 * 1024, 64 * 1024);
    private static final int MESSAGES = 3000;
    private static final String PADDING = "x".repeat(200);

    @Test
    void aReceiverThatStopsReadingCostsBoundedMemoryAndHoldsNobodyBack() throws Exception {
        TransportContext.Settings settings = TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS);
        try (ServerIcePorts ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(),
                     0, -1, null);
             TransportContext serverContext = new TransportContext(settings);
             TransportContext clientContext = new TransportContext(settings);
             RoomManager rooms = new RoomManager(serverContext, ports, MediaSettings.DEFAULTS, RoomLimits.DEFAULTS,
                     LIMITS);
             DataChannelClient ada = new DataChannelClient(clientContext);
             DataChannelClient grace = new DataChannelClient(clientContext);
             DataChannelClient linus = new DataChannelClient(clientContext)) {
            Participant adaInRoom = rooms.join("slow", "Ada", new RecordingParticipantListener());
            ada.connectThrough(adaInRoom);
            grace.connectThrough(rooms.join("slow", "Grace", new RecordingParticipantListener()));
            RecordingParticipantListener linusEvents = new RecordingParticipantListener();
            linus.connectThrough(rooms.join("slow", "Linus", linusEvents));
            linus.stopReading();

            DataChannel reliable = ada.open("messages", true);
            DataChannel unreliable = ada.open("state", false);
            // A pair a millisecond: a reader that keeps up has almost nothing queued, the stalled one fills up.
            for (int i = 0; i < MESSAGES; i++) {
                ada.send(reliable, i + " " + PADDING);
                ada.send(unreliable, "state " + i);
                LockSupport.parkNanos(1_000_000);
            }

            List<String> expected = IntStream.range(0, MESSAGES).mapToObj(i -> i + " " + PADDING).toList();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (grace.receivedFrom(adaInRoom.id()).stream().filter(m -> !m.startsWith("state ")).count() < MESSAGES
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String> atGrace = grace.receivedFrom(adaInRoom.id());
            assertEquals(expected, atGrace.stream().filter(message -> !message.startsWith("state ")).toList(),
                    "the reader got every reliable message in order");
            long unreliableAtGrace = atGrace.stream().filter(message -> message.startsWith("state ")).count();
            assertTrue(unreliableAtGrace >= MESSAGES * 0.9,
                    () -> "the reader got its unreliable messages too, short of a hiccup: " + unreliableAtGrace);

            DataChannelCounters counters = rooms.dataChannels();
            assertEquals(1, counters.channelsClosedForSlowReceivers(), "the stalled reader's reliable channel");
            assertEquals(List.of("data channel closed " + adaInRoom.id() + " messages receiver_too_slow"),
                    linusEvents.order, "the stalled reader is told why, by signaling");
            assertTrue(counters.messagesDroppedForSlowReceivers() > 0, "copies for the stalled reader dropped");
            long oneMessage = expected.get(MESSAGES - 1).length();
            assertTrue(counters.peakQueuedBytes() <= LIMITS.reliableBytes() + oneMessage,
                    () -> "queued towards one receiver at most the limit and one message: "
                            + counters.peakQueuedBytes());
        }
    }
}
