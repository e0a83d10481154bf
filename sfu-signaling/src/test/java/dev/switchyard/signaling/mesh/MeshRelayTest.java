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
import dev.switchyard.signaling.testing.Eventually;
import dev.switchyard.signaling.testing.TestSocket;

class MeshRelayTest {

    private final MeshRelay relay = new MeshRelay();
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

    private TestSocket join(String peerId, String roomId) {
        TestSocket socket = TestSocket.connect(uri);
        socket.send("{\"type\":\"join\",\"peer_id\":\"" + peerId + "\",\"room_id\":\"" + roomId + "\"}");
        return socket;
    }

    private static List<String> peers(JsonNode roomPeers) {
        List<String> peers = new ArrayList<>();
        roomPeers.get("peers").forEach(peer -> peers.add(peer.asText()));
        return peers;
    }

    @Test
    void threePeersJoinAndRelayOffersAnswersAndCandidatesWithFrom() {
        try (TestSocket alice = join("alice", "r1"); TestSocket bob = join("bob", "r1");
             TestSocket carol = join("carol", "r1")) {
            assertEquals(List.of(), peers(alice.next("room_peers")));
            assertEquals(List.of("alice"), peers(bob.next("room_peers")));
            assertEquals("bob", alice.next("peer_joined").get("peer_id").asText());
            assertEquals(List.of("alice", "bob"), peers(carol.next("room_peers")));
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
        try (TestSocket alice = join("alice", "r1"); TestSocket outsider = join("bob", "r2")) {
            alice.next("room_peers");
            outsider.next("room_peers");
            alice.send("{\"type\":\"offer\",\"target\":\"bob\",\"offer\":{}}");
            alice.nextError("unknown_peer", "offer");
            alice.send("{\"type\":\"offer\",\"target\":\"alice\",\"offer\":{}}");
            alice.nextError("unknown_peer", "offer");
        }
    }

    @Test
    void duplicatePeerIdIsRefusedAndTheSocketMayJoinUnderAnotherId() {
        try (TestSocket alice = join("alice", "r1"); TestSocket impostor = join("alice", "r1")) {
            alice.next("room_peers");
            impostor.nextError("peer_id_taken", "join");
            impostor.send("{\"type\":\"join\",\"peer_id\":\"alice2\",\"room_id\":\"r1\"}");
            assertEquals(List.of("alice"), peers(impostor.next("room_peers")));
            assertEquals("alice2", alice.next("peer_joined").get("peer_id").asText());
            assertEquals(1, relay.roomCount());
            assertEquals(2, relay.peerCount());
        }
    }

    @Test
    void disconnectTellsTheOthersAndFreesThePeerId() {
        try (TestSocket alice = join("alice", "r1"); TestSocket carol = join("carol", "r1")) {
            alice.next("room_peers");
            carol.next("room_peers");
            alice.next("peer_joined");
            TestSocket bob = join("bob", "r1");
            bob.next("room_peers");
            alice.next("peer_joined");
            carol.next("peer_joined");
            bob.close();
            assertEquals("bob", alice.next("peer_left").get("peer_id").asText());
            assertEquals("bob", carol.next("peer_left").get("peer_id").asText());
            try (TestSocket bobAgain = join("bob", "r1")) {
                assertEquals(List.of("alice", "carol"), peers(bobAgain.next("room_peers")));
            }
        }
    }

    @Test
    void malformedAndOutOfOrderMessagesGetErrorsAndTheSocketStaysUsable() {
        try (TestSocket socket = TestSocket.connect(uri)) {
            socket.send("{\"type\":\"offer\",\"target\":\"bob\",\"offer\":{}}");
            socket.nextError("not_joined", "offer");
            socket.send("{\"type\":\"dance\"}");
            socket.nextError("unknown_type", "dance");
            socket.send("not json");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":\"join\",\"peer_id\":7,\"room_id\":\"r1\"}");
            socket.nextError("bad_request", "join");
            socket.send("{\"type\":\"join\",\"peer_id\":\"a b\",\"room_id\":\"r1\"}");
            socket.nextError("invalid_room", "join");
            socket.send("{\"type\":\"join\",\"peer_id\":\"alice\",\"room_id\":\"r1\"}");
            socket.next("room_peers");
            socket.send("{\"type\":\"join\",\"peer_id\":\"alice\",\"room_id\":\"r1\"}");
            socket.nextError("already_joined", "join");
            socket.send("{\"type\":\"offer\",\"offer\":{}}");
            socket.nextError("bad_request", "offer");
            socket.send("{\"type\":\"answer\",\"target\":\"bob\"}");
            socket.nextError("bad_request", "answer");
        }
    }

    @Test
    void anEmptyRoomIsDropped() {
        TestSocket alice = join("alice", "r1");
        alice.next("room_peers");
        assertEquals(1, relay.roomCount());
        alice.close();
        Eventually.await(() -> relay.roomCount() == 0 && relay.peerCount() == 0, "room r1 dropped");
    }
}
