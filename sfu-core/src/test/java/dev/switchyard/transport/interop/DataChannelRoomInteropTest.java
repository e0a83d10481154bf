package dev.switchyard.transport.interop;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.conference.OfferedTrack;
import dev.switchyard.conference.Participant;
import dev.switchyard.conference.ParticipantInfo;
import dev.switchyard.conference.ParticipantListener;
import dev.switchyard.conference.RoomManager;
import dev.switchyard.conference.TrackInfo;
import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data channels through a room, against libdatachannel's SCTP (usrsctp, npm node-datachannel) as every
 * participant: each opens its channel in its publisher offer; the server accepts the data channel m-line, runs
 * its own SCTP association with each, and forwards every message to the others on a channel per sender whose
 * DCEP protocol names the sender ({@code data-peer.mjs} checks numbering and content).
 */
class DataChannelRoomInteropTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(40);
    private static final int MESSAGES = 2000;
    /** The largest message both ends advertise (a=max-message-size). */
    private static final int LARGEST_MESSAGE = 256 * 1024;

    private static ServerIcePorts ports;
    private static TransportContext context;

    @BeforeAll
    static void start() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
        context = new TransportContext(TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS));
    }

    @AfterAll
    static void stop() {
        context.close();
        ports.close();
    }

    /** A participant driven by a node-datachannel peer. */
    private record Member(Participant participant, NodePeerProcess peer) implements AutoCloseable {
        static Member join(RoomManager rooms, String name) throws Exception {
            NodePeerProcess peer = NodePeerProcess.start("data-peer.mjs", name);
            Participant participant = rooms.join("data", name, new Silent());
            String offer = peer.await("offer", TIMEOUT).get("sdp");
            String answer = participant.publish(offer, Map.of()).answerSdp();
            peer.send("{\"answer\":" + JsonLine.quote(answer) + "}");
            peer.await("open", event -> event.get("label").equals("messages"), TIMEOUT);
            return new Member(participant, peer);
        }

        String id() {
            return participant.id();
        }

        /** Waits until {@code count} messages from {@code sender} on {@code label} arrived, in order. */
        void awaitReceived(Member sender, String label, int count) throws InterruptedException {
            Map<String, String> received = peer.await("received-" + sender.id() + "-" + label,
                    event -> Long.parseLong(event.get("count")) >= count, TIMEOUT);
            assertEquals(Integer.toString(count), received.get("count"), "exactly the messages sent");
            assertEquals("0", received.get("outOfOrder"), "in the order sent");
        }

        @Override
        public void close() {
            participant.leave();
            peer.close();
        }
    }

    @Test
    void everyMessageReachesEveryOtherParticipantInOrderTaggedWithItsSender() throws Exception {
        List<Member> members = new ArrayList<>();
        try (RoomManager rooms = new RoomManager(context, ports)) {
            for (String name : List.of("ada", "grace", "linus")) {
                members.add(Member.join(rooms, name));
            }
            for (Member sender : members) {
                sender.peer().send("{\"send\":\"messages\",\"count\":" + MESSAGES + "}");
            }
            for (Member receiver : members) {
                for (Member sender : members) {
                    if (sender != receiver) {
                        receiver.awaitReceived(sender, "messages", MESSAGES);
                    }
                }
            }
            // The data channel thread counts a copy just after handing it to SCTP: the count may trail a little.
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (rooms.dataChannels().messagesForwarded() < 6L * MESSAGES && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(3L * MESSAGES, rooms.dataChannels().messagesReceived());
            assertEquals(6L * MESSAGES, rooms.dataChannels().messagesForwarded());
            assertEquals(0, rooms.dataChannels().messagesRefused());
        } finally {
            members.forEach(Member::close);
        }
    }

    @Test
    void aLargestMessageArrivesWholeAndANamedAudienceAloneGetsItsMessages() throws Exception {
        List<Member> members = new ArrayList<>();
        try (RoomManager rooms = new RoomManager(context, ports)) {
            for (String name : List.of("ada", "grace", "linus")) {
                members.add(Member.join(rooms, name));
            }
            Member ada = members.get(0);
            Member grace = members.get(1);
            Member linus = members.get(2);

            ada.peer().send("{\"large\":\"messages\",\"bytes\":" + LARGEST_MESSAGE + "}");
            for (Member receiver : List.of(grace, linus)) {
                Map<String, String> large = receiver.peer().await("large", TIMEOUT);
                assertEquals(ada.id(), large.get("from"));
                assertEquals(Integer.toString(LARGEST_MESSAGE), large.get("bytes"));
                assertEquals("true", large.get("intact"));
            }

            ada.peer().send("{\"open\":\"direct\",\"protocol\":\"to:" + linus.id() + "\"}");
            ada.peer().await("open", event -> event.get("label").equals("direct"), TIMEOUT);
            ada.peer().send("{\"send\":\"direct\",\"count\":10}");
            linus.awaitReceived(ada, "direct", 10);
            // Grace's copy of the broadcast that follows arrives after anything sent to her before it.
            ada.peer().send("{\"send\":\"messages\",\"count\":1}");
            grace.awaitReceived(ada, "messages", 1);
            assertEquals(0, grace.peer().latestNumber("received-" + ada.id() + "-direct", "count"),
                    "a message to Linus alone never reaches Grace");
        } finally {
            members.forEach(Member::close);
        }
    }

    /** The tests watch the peers, not the room's events. */
    private static final class Silent implements ParticipantListener {
        @Override
        public void onParticipantJoined(ParticipantInfo participant) {
        }

        @Override
        public void onParticipantLeft(String participantId) {
        }

        @Override
        public void onTrackPublished(TrackInfo track) {
        }

        @Override
        public void onTrackUnpublished(TrackInfo track) {
        }

        @Override
        public void onTrackMuted(TrackInfo track) {
        }

        @Override
        public void onSubscriberOffer(String offerSdp, List<OfferedTrack> tracks) {
        }

        @Override
        public void onRemoved(String reason) {
        }

        @Override
        public void onDataChannelClosed(String senderId, String label, String reason) {
        }
    }
}
