package dev.switchyard.signaling.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchyard.signaling.SignalingServer;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.testing.Eventually;
import dev.switchyard.signaling.testing.TestSocket;

class MeshRelayTest {

    private final MeshRelay relay = new MeshRelay(JoinAuthority.developmentMode());
    private SignalingServer server;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of("/mesh", relay), List.of());
        uri = URI.create("ws://127.0.0.1:" + server.port() + "/mesh");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestSocket connect() {
        return TestSocket.connect(uri);
    }

    /** Joins and returns the peers already there; joins must be sequential for those lists to be known. */
    private static List<String> join(TestSocket socket, String peerId, String roomId) {
        socket.send(joinMessage(peerId, roomId));
        return peers(socket.next("room_peers"));
    }

    private static String joinMessage(String peerId, String roomId) {
        return "{\"type\":\"join\",\"peer_id\":\"" + peerId + "\",\"room_id\":\"" + roomId + "\"}";
    }

    private static List<String> peers(JsonNode roomPeers) {
        List<String> peers = new ArrayList<>();
        roomPeers.get("peers").forEach(peer -> peers.add(peer.asText()));
        return peers;
    }

    @Test
    void threePeersJoinAndRelayOffersAnswersAndCandidatesWithFrom() {
        try (TestSocket alice = connect(); TestSocket bob = connect(); TestSocket carol = connect()) {
            assertEquals(List.of(), join(alice, "alice", "r1"));
            assertEquals(List.of("alice"), join(bob, "bob", "r1"));
            assertEquals("bob", alice.next("peer_joined").get("peer_id").asText());
            assertEquals(List.of("alice", "bob"), join(carol, "carol", "r1"));
            assertEquals("carol", alice.next("peer_joined").get("peer_id").asText());
            assertEquals("carol", bob.next("peer_joined").get("peer_id").asText());

            alice.send("{\"type\":\"offer\",\"target\":\"bob\",\"offer\":{\"type\":\"offer\",\"sdp\":\"v=0\"},"
                    + "\"from\":\"mallory\",\"extra\":[1,2]}");
            JsonNode offer = bob.next("offer");
            assertEquals("alice", offer.get("from").asText());
            assertEquals("bob", offer.get("target").asText());
            assertEquals("v=0", offer.get("offer").get("sdp").asText());
            assertEquals("[1,2]", offer.get("extra").toString());

            bob.send("{\"type\":\"answer\",\"target\":\"alice\",\"answer\":{\"type\":\"answer\",\"sdp\":\"v=0\"}}");
            JsonNode answer = alice.next("answer");
            assertEquals("bob", answer.get("from").asText());
            assertEquals("answer", answer.get("answer").get("type").asText());

            carol.send("{\"type\":\"ice_candidate\",\"target\":\"alice\",\"candidate\":{\"candidate\":\"candidate:1\"}}");
            JsonNode candidate = alice.next("ice_candidate");
            assertEquals("carol", candidate.get("from").asText());
            assertEquals("candidate:1", candidate.get("candidate").get("candidate").asText());
        }
    }

    @Test
    void unknownTargetAndSelfTargetAreRefused() {
        try (TestSocket alice = connect(); TestSocket outsider = connect()) {
            join(alice, "alice", "r1");
            assertEquals(List.of(), join(outsider, "bob", "r2"));
            alice.send("{\"type\":\"offer\",\"target\":\"bob\",\"offer\":{}}");
            alice.nextError("unknown_peer", "offer");
            alice.send("{\"type\":\"offer\",\"target\":\"alice\",\"offer\":{}}");
            alice.nextError("unknown_peer", "offer");
        }
    }

    @Test
    void duplicatePeerIdIsRefusedAndTheSocketMayJoinUnderAnotherId() {
        try (TestSocket alice = connect(); TestSocket impostor = connect()) {
            join(alice, "alice", "r1");
            impostor.send(joinMessage("alice", "r1"));
            impostor.nextError("peer_id_taken", "join");
            assertEquals(List.of("alice"), join(impostor, "alice2", "r1"));
            assertEquals("alice2", alice.next("peer_joined").get("peer_id").asText());
            assertEquals(1, relay.roomCount());
            assertEquals(2, relay.peerCount());
        }
    }

    @Test
    void disconnectTellsTheOthersAndFreesThePeerId() {
        try (TestSocket alice = connect(); TestSocket carol = connect()) {
            join(alice, "alice", "r1");
            join(carol, "carol", "r1");
            alice.next("peer_joined");
            TestSocket bob = connect();
            join(bob, "bob", "r1");
            alice.next("peer_joined");
            carol.next("peer_joined");
            bob.close();
            assertEquals("bob", alice.next("peer_left").get("peer_id").asText());
            assertEquals("bob", carol.next("peer_left").get("peer_id").asText());
            try (TestSocket bobAgain = connect()) {
                assertEquals(List.of("alice", "carol"), join(bobAgain, "bob", "r1"));
            }
        }
    }

    @Test
    void malformedAndOutOfOrderMessagesGetErrorsAndTheSocketStaysUsable() {
        try (TestSocket socket = connect()) {
            socket.send("{\"type\":\"offer\",\"target\":\"bob\",\"offer\":{}}");
            socket.nextError("not_joined", "offer");
            socket.send("{\"type\":\"dance\"}");
            socket.nextError("unknown_type", "dance");
            socket.send("not json");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":\"join\",\"peer_id\":7,\"room_id\":\"r1\"}");
            socket.nextError("bad_request", "join");
            socket.send(joinMessage("a b", "r1"));
            socket.nextError("invalid_room", "join");
            socket.send(joinMessage("alice", "r/1"));
            socket.nextError("invalid_room", "join");
            join(socket, "alice", "r1");
            socket.send(joinMessage("alice", "r1"));
            socket.nextError("already_joined", "join");
            socket.send("{\"type\":\"offer\",\"offer\":{}}");
            socket.nextError("bad_request", "offer");
            socket.send("{\"type\":\"answer\",\"target\":\"bob\"}");
            socket.nextError("bad_request", "answer");
        }
    }

    @Test
    void anEmptyRoomIsDropped() {
        TestSocket alice = connect();
        join(alice, "alice", "r1");
        assertEquals(1, relay.roomCount());
        alice.close();
        Eventually.await(() -> relay.roomCount() == 0 && relay.peerCount() == 0, "room r1 dropped");
    }
}
