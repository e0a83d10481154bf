package dev.switchyard.sctp.association;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.switchyard.sctp.PayloadProtocol;

/** Two associations over a {@link SimulatedLink}: set-up, delivery under loss, partial reliability, tear-down. */
class AssociationTest {

    private static final AssociationSettings SETTINGS = AssociationSettings.webRtc();

    @Test
    void bothEndsComeUpWhenOneConnects() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 1);
        link.establish();
        assertEquals(AssociationState.ESTABLISHED, link.a.association.state());
        assertEquals(AssociationState.ESTABLISHED, link.b.association.state());
    }

    @Test
    void bothEndsComeUpWhenBothConnectAtOnce() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 1);
        link.a.association.connect();
        link.b.association.connect();
        assertTrue(link.runUntil(() -> link.a.established && link.b.established, 5_000),
                "a " + link.a.events + ", b " + link.b.events);
        sendNumbered(link, 100, 1, true);
        assertTrue(link.runUntil(() -> link.b.messages.size() == 100, 5_000));
    }

    @Test
    void setUpSurvivesLostInitAndCookiePackets() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0.5, 7);
        link.establish();
        assertTrue(link.packetsLost() > 0, "the seed loses some of the handshake");
    }

    @Test
    void messagesSentBeforeTheAssociationIsUpFollowOnceItIs() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 1);
        link.a.association.send(1, PayloadProtocol.STRING, bytes("early"), true, -1, -1);
        link.establish();
        assertTrue(link.runUntil(() -> link.b.messages.size() == 1, 1_000));
        assertEquals("early", new String(link.b.messages.get(0), StandardCharsets.UTF_8));
    }

    @Test
    void tenThousandOrderedMessagesArriveInOrderThroughFivePercentLossBothWays() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 10, 0.05, 3);
        link.establish();
        sendNumbered(link, 10_000, 1, true);
        assertTrue(link.runUntil(() -> link.b.messages.size() == 10_000, 600_000),
                "received " + link.b.messages.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, ByteBuffer.wrap(link.b.messages.get(i)).getInt(), "message " + i);
        }
        assertTrue(link.packetsLost() > 100, "lost " + link.packetsLost());
        assertTrue(link.a.association.retransmissions() > 0);
        assertTrue(link.runUntil(() -> link.a.association.bufferedAmount(1) == 0, 10_000),
                "everything acknowledged in the end");
    }

    @Test
    void aQuarterMebibyteMessageArrivesWholeAndALargerOneIsRefused() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0.02, 5);
        link.establish();
        byte[] large = new byte[256 * 1024];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + 7);
        }
        link.a.association.send(3, PayloadProtocol.BINARY, large, true, -1, -1);
        assertTrue(link.runUntil(() -> link.b.messages.size() == 1, 60_000));
        assertArrayEquals(large, link.b.messages.get(0));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> link.a.association.send(3, PayloadProtocol.BINARY, new byte[large.length + 1], true, -1, -1));
        assertTrue(refused.getMessage().contains("exceeds the largest allowed"), refused.getMessage());
    }

    @Test
    void unreliableUnorderedMessagesNeverStallBehindALostOne() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 10, 0, 11);
        link.establish();
        link.setLoss(0.2);
        for (int i = 0; i < 500; i++) {
            link.a.association.send(5, PayloadProtocol.BINARY, ByteBuffer.allocate(4).putInt(i).array(), false, 0, -1);
            final int sentSoFar = i;
            link.runUntil(() -> false, 20);
            assertTrue(sentSoFar < 50 || link.b.messages.size() > sentSoFar / 2,
                    "only " + link.b.messages.size() + " of " + sentSoFar + " arrived");
        }
        link.setLoss(0);
        link.a.association.send(5, PayloadProtocol.BINARY, ByteBuffer.allocate(4).putInt(-1).array(), false, 0, -1);
        assertTrue(link.runUntil(() -> link.b.messages.stream().anyMatch(m -> ByteBuffer.wrap(m).getInt() == -1),
                5_000));
        assertTrue(link.b.messages.size() < 501, "some were given up: " + link.b.messages.size());
        assertTrue(link.runUntil(() -> link.a.association.bufferedAmount(5) == 0, 10_000),
                "given-up messages leave the buffered amount");
    }

    @Test
    void orderedMessagesWithARetransmissionLimitSkipWhatWasGivenUpAndKeepTheRestInOrder() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 10, 0, 13);
        link.establish();
        link.setLoss(0.3);
        for (int i = 0; i < 300; i++) {
            link.a.association.send(7, PayloadProtocol.BINARY, ByteBuffer.allocate(4).putInt(i).array(), true, 1, -1);
            link.runUntil(() -> false, 10);
        }
        link.setLoss(0);
        link.a.association.send(7, PayloadProtocol.BINARY, ByteBuffer.allocate(4).putInt(300).array(), true, 1, -1);
        assertTrue(link.runUntil(() -> !link.b.messages.isEmpty()
                && ByteBuffer.wrap(link.b.messages.get(link.b.messages.size() - 1)).getInt() == 300, 10_000),
                "the last message got through: " + link.b.messages.size());
        int[] order = link.b.messages.stream().mapToInt(m -> ByteBuffer.wrap(m).getInt()).toArray();
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, order, "still in order");
        assertTrue(order.length < 301, "some were given up");
    }

    @Test
    void aLifetimeGivesUpOnMessagesThatCannotArriveInTime() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 10, 0, 17);
        link.establish();
        link.cut();
        link.a.association.send(9, PayloadProtocol.BINARY, bytes("stale"), true, -1, 200);
        link.runUntil(() -> false, 100);
        assertEquals(5, link.a.association.bufferedAmount(9));
        link.runUntil(() -> false, 2_000);
        assertEquals(0, link.a.association.bufferedAmount(9), "abandoned after its lifetime");
    }

    @Test
    void resettingAStreamRestartsItsSequenceNumbersAndTellsThePeer() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 19);
        link.establish();
        link.a.association.send(4, PayloadProtocol.STRING, bytes("before"), true, -1, -1);
        link.a.association.resetOutgoingStreams(List.of(4));
        assertTrue(link.runUntil(() -> link.b.resetStreams.contains(4), 5_000));
        assertEquals(1, link.b.messages.size(), "the message before the reset arrived first");
        link.a.association.send(4, PayloadProtocol.STRING, bytes("after"), true, -1, -1);
        assertTrue(link.runUntil(() -> link.b.messages.size() == 2, 5_000), "sequence 0 again is delivered");
    }

    @Test
    void shutdownDeliversWhatIsQueuedAndClosesBothEnds() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0.1, 23);
        link.establish();
        sendNumbered(link, 200, 2, true);
        link.a.association.shutdown();
        assertTrue(link.runUntil(() -> link.a.closedReason != null && link.b.closedReason != null, 60_000),
                "a " + link.a.events + ", b " + link.b.events);
        assertEquals(200, link.b.messages.size());
        assertEquals(AssociationState.TERMINATED, link.b.association.state());
    }

    @Test
    void abortTellsThePeerWhy() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 29);
        link.establish();
        link.a.association.abort("going away");
        assertTrue(link.runUntil(() -> link.b.closedReason != null, 1_000));
        assertTrue(link.b.closedReason.contains("going away"), link.b.closedReason);
    }

    @Test
    void aPeerThatStopsAnsweringEndsTheAssociation() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 31);
        link.establish();
        link.cut();
        link.a.association.send(1, PayloadProtocol.STRING, bytes("lost"), true, -1, -1);
        assertTrue(link.runUntil(() -> link.a.closedReason != null, 120_000));
        assertTrue(link.a.closedReason.contains("acknowledged nothing"), link.a.closedReason);
    }

    @Test
    void malformedAndMisaddressedPacketsAreCountedAndChangeNothing() {
        SimulatedLink link = new SimulatedLink(SETTINGS, 5, 0, 37);
        link.establish();
        long droppedBefore = link.b.association.packetsDropped();
        link.inject(link.b, new byte[] {1, 2, 3});
        link.inject(link.b, new byte[64]);
        assertEquals(droppedBefore + 2, link.b.association.packetsDropped());
        assertEquals(AssociationState.ESTABLISHED, link.b.association.state());
        sendNumbered(link, 10, 1, true);
        assertTrue(link.runUntil(() -> link.b.messages.size() == 10, 5_000));
    }

    private static void sendNumbered(SimulatedLink link, int count, int streamId, boolean ordered) {
        for (int i = 0; i < count; i++) {
            // Sizes from 4 bytes to three fragments, so reassembly is exercised too.
            byte[] message = new byte[4 + (i * 97) % 3000];
            ByteBuffer.wrap(message).putInt(i);
            link.a.association.send(streamId, PayloadProtocol.BINARY, message, ordered, -1, -1);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
