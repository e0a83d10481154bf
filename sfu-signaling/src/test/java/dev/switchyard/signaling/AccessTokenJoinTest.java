package dev.switchyard.signaling;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.conference.TrackSource;
import dev.switchyard.signaling.auth.AccessToken;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.Grants;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.sfu.IceServers;
import dev.switchyard.signaling.sfu.SfuEndpoint;
import dev.switchyard.signaling.sfu.TurnCredentials;
import dev.switchyard.signaling.testing.MediaPort;
import dev.switchyard.signaling.testing.PublishRequest;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With a token key, {@code /ws} and {@code /mesh} admit only holders of a valid token for the room. */
class AccessTokenJoinTest {

    private static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final int POLICY_VIOLATION = 1008;

    private static final TurnCredentials TURN = new TurnCredentials(List.of("turn:127.0.0.1:3478"),
            "turn secret".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1), Clock.systemUTC());

    @RegisterExtension
    static final MediaPort MEDIA = new MediaPort();

    private final AccessTokens tokens = new AccessTokens(KEY, Clock.systemUTC());
    private RoomManager roomManager;
    private SignalingServer server;

    @BeforeEach
    void start() throws IOException {
        roomManager = MEDIA.newRoomManager();
        JoinAuthority authority = JoinAuthority.withTokens(tokens);
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0),
                Map.of("/ws", new SfuEndpoint(roomManager, authority, new IceServers(List.of(), Optional.of(TURN)),
                        Duration.ZERO),
                        "/mesh", new MeshRelay(authority)),
                List.of());
    }

    @AfterEach
    void stop() {
        server.close();
        roomManager.close();
    }

    private TestSocket connect(String path) {
        return TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + path));
    }

    private String token(String identity, String room, Grants grants, Instant expiry) {
        return tokens.mint(new AccessToken(identity, "Name of " + identity, room, grants, Instant.now(), expiry));
    }

    private String token(String identity, String room, Grants grants) {
        return token(identity, room, grants, Instant.now().plusSeconds(600));
    }

    private static String join(String room, String token) {
        ObjectNode join = JsonNodeFactory.instance.objectNode().put("type", "join").put("room", room)
                .put("name", "chosen by the client");
        if (token != null) {
            join.put("token", token);
        }
        return join.toString();
    }

    private void assertRefused(String path, String join) {
        try (TestSocket socket = connect(path)) {
            socket.send(join);
            socket.nextError("unauthorized", "join");
            assertEquals(POLICY_VIOLATION, socket.awaitClose());
        }
        assertEquals(0, roomManager.participantCount());
    }

    @Test
    void aJoinWithoutAValidTokenForTheRoomIsRefusedAndClosed() {
        assertRefused("/ws", join("standup", null));
        assertRefused("/ws", join("standup", token("ada", "another", Grants.PARTICIPANT)));
        assertRefused("/ws", join("standup", token("ada", "standup", Grants.PARTICIPANT,
                Instant.now().minusSeconds(3600))));
        String genuine = token("ada", "standup", Grants.PARTICIPANT);
        assertRefused("/ws", join("standup", genuine.substring(0, genuine.length() - 2) + "xx"));
        AccessTokens foreign = new AccessTokens("someone else's key of 32 bytes!!".getBytes(StandardCharsets.UTF_8),
                Clock.systemUTC());
        assertRefused("/ws", join("standup", foreign.mint(new AccessToken("ada", null, "standup",
                Grants.PARTICIPANT, Instant.now(), Instant.now().plusSeconds(60)))));
    }

    @Test
    void aValidTokenJoinsWithItsIdentityNameAndGrants() {
        try (TestSocket ada = connect("/ws")) {
            ada.send(join("standup", token("ada", "standup", Grants.PARTICIPANT)));
            JsonNode joined = ada.next("joined");
            assertEquals("ada", joined.get("identity").asText());
            String turnUser = joined.get("iceServers").get(0).get("username").asText();
            assertTrue(turnUser.endsWith(":ada"), "a TURN credential of ada's own: " + turnUser);
            assertEquals(4, joined.get("grants").get("publish").size());
            assertFalse(joined.has("developmentMode"));
            try (TestSocket grace = connect("/ws")) {
                grace.send(join("standup", token("grace", "standup", Grants.PARTICIPANT)));
                JsonNode others = grace.next("joined").get("participants");
                assertEquals("Name of ada", others.get(0).get("name").asText(), "the token's name, not the client's");
                assertEquals("ada", others.get(0).get("identity").asText(), "others see who it is");
                try (TestSocket adaAgain = connect("/ws")) {
                    adaAgain.send(join("standup", token("ada", "standup", Grants.PARTICIPANT)));
                    adaAgain.next("joined");
                    // Grace's arrival may reach ada first: presence waits up to 50 ms for a batch.
                    JsonNode removed = ada.skipTo("error");
                    assertEquals("removed", removed.path("code").asText(), () -> "unexpected error " + removed);
                    assertTrue(removed.get("message").asText().contains("joined again from another connection"),
                            "one participant per identity");
                    assertEquals(2, roomManager.participantCount());
                }
            }
        }
    }

    @Test
    void aTokenWithoutThePublishGrantWatchesButCannotPublish() throws IOException {
        Grants watcher = new Grants(Set.of(), true, false, false);
        try (TestSocket viewer = connect("/ws")) {
            viewer.send(join("standup", token("viewer", "standup", watcher)));
            JsonNode joined = viewer.next("joined");
            assertEquals(0, joined.get("grants").get("publish").size());
            viewer.send(PublishRequest.chromium("camera"));
            viewer.nextError("unauthorized", "publish");
            viewer.send("{\"type\":\"subscribe\",\"trackIds\":[\"t-404\"]}");
            viewer.nextError("unknown_track", "subscribe");
        }
        Grants cameraAndMicrophone = new Grants(Set.of(TrackSource.CAMERA, TrackSource.MICROPHONE), true, false,
                false);
        try (TestSocket presenter = connect("/ws")) {
            presenter.send(join("standup", token("presenter", "standup", cameraAndMicrophone)));
            presenter.next("joined");
            presenter.send(PublishRequest.chromium("screen"));
            presenter.nextError("unauthorized", "publish");
            presenter.send(PublishRequest.chromium("camera"));
            presenter.next("publish_answer");
        }
        Grants publisherOnly = new Grants(Set.of(TrackSource.CAMERA), false, false, false);
        try (TestSocket camera = connect("/ws")) {
            camera.send(join("standup", token("camera", "standup", publisherOnly)));
            camera.next("joined");
            camera.send("{\"type\":\"subscribe\",\"trackIds\":[\"t-1\"]}");
            camera.nextError("unauthorized", "subscribe");
        }
    }

    @Test
    void meshPeersAreTheirTokensIdentity() {
        try (TestSocket ada = connect("/mesh")) {
            ada.send("{\"type\":\"join\",\"room_id\":\"r1\",\"token\":\""
                    + token("ada", "r1", Grants.PARTICIPANT) + "\"}");
            assertEquals(0, ada.next("room_peers").get("peers").size());
            try (TestSocket squatter = connect("/mesh")) {
                squatter.send("{\"type\":\"join\",\"room_id\":\"r1\",\"peer_id\":\"bob\",\"token\":\""
                        + token("eve", "r1", Grants.PARTICIPANT) + "\"}");
                squatter.nextError("unauthorized", "join");
                assertEquals(POLICY_VIOLATION, squatter.awaitClose());
            }
            try (TestSocket bob = connect("/mesh")) {
                bob.send("{\"type\":\"join\",\"room_id\":\"r1\",\"peer_id\":\"bob\",\"token\":\""
                        + token("bob", "r1", Grants.PARTICIPANT) + "\"}");
                assertEquals("ada", bob.next("room_peers").get("peers").get(0).asText());
                assertEquals("bob", ada.next("peer_joined").get("peer_id").asText());
            }
        }
        assertRefused("/mesh", "{\"type\":\"join\",\"room_id\":\"r1\",\"peer_id\":\"carol\"}");
    }

}
