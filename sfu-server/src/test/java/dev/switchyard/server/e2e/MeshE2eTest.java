package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code /mesh} relay with a peer-to-peer client that knows nothing of the SDK: two Chromium tabs load
 * the test's own page from another origin, find each other through the server and exchange media directly.
 */
class MeshE2eTest {

    private static E2eServer server;
    private static TestPageServer pages;

    @BeforeAll
    static void start() {
        server = E2eServer.start();
        pages = TestPageServer.start();
    }

    @AfterAll
    static void stop() {
        try {
            pages.close();
        } finally {
            server.close();
        }
    }

    /** Media both ways, and the seed's ordered "messages" data channel, peer to peer through the relay's signaling. */
    @Test
    void twoPlainPeerToPeerTabsDecodeEachOtherAndTalkOnADataChannel() {
        try (MeshPage alice = MeshPage.join(pages, server.meshSignaling(), "e2e-mesh", "alice");
                MeshPage bob = MeshPage.join(pages, server.meshSignaling(), "e2e-mesh", "bob")) {
            Map<MeshPage, List<ExpectedTrack>> expected = new LinkedHashMap<>();
            expected.put(alice, ExpectedTrack.cameraAndMicrophoneOf("bob"));
            expected.put(bob, ExpectedTrack.cameraAndMicrophoneOf("alice"));
            MediaCheck.assertFlowing(expected);
            Poll.until("both peers to greet each other on their data channel", Duration.ofSeconds(10),
                    () -> List.of(alice.state().get("greetedBy"), bob.state().get("greetedBy")),
                    greetings -> greetings.equals(List.of(List.of("bob"), List.of("alice"))), Object::toString);
            assertEquals(List.of(), alice.state().get("errors"));
            assertEquals(List.of(), bob.state().get("errors"));
        }
    }

    @Test
    void relayAnnouncesPeersAndRefusesTakenIdsAndUnknownTargets() {
        try (SignalingClient carol = SignalingClient.connect(server.meshSignaling());
                SignalingClient dave = SignalingClient.connect(server.meshSignaling());
                SignalingClient impostor = SignalingClient.connect(server.meshSignaling())) {
            carol.send("{\"type\":\"join\",\"peer_id\":\"carol\",\"room_id\":\"e2e-relay\"}");
            assertEquals(0, carol.expect("room_peers").path("peers").size());
            dave.send("{\"type\":\"join\",\"peer_id\":\"dave\",\"room_id\":\"e2e-relay\"}");
            assertEquals("carol", dave.expect("room_peers").path("peers").path(0).asText());

            assertEquals("dave", carol.expect("peer_joined").path("peer_id").asText());

            dave.send("{\"type\":\"offer\",\"target\":\"carol\",\"offer\":{\"type\":\"offer\",\"sdp\":\"opaque\"}}");
            JsonNode relayed = carol.expect("offer");
            assertEquals("dave", relayed.path("from").asText());
            assertEquals("opaque", relayed.path("offer").path("sdp").asText(), "payload passed through unchanged");

            impostor.send("{\"type\":\"join\",\"peer_id\":\"carol\",\"room_id\":\"e2e-relay\"}");
            impostor.expectError("peer_id_taken");
            dave.send("{\"type\":\"answer\",\"target\":\"nobody\",\"answer\":{}}");
            dave.expectError("unknown_peer");
            assertTrue(dave.isOpen(), "an unknown target does not cost the sender its connection");

            dave.close();
            assertEquals("dave", carol.expect("peer_left").path("peer_id").asText());
        }
    }
}
