package dev.switchyard.signaling.sfu;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.SignalingServer;
import dev.switchyard.signaling.auth.AccessToken;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.AdminCredential;
import dev.switchyard.signaling.auth.Grants;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.testing.MediaPort;
import dev.switchyard.signaling.testing.PublishRequest;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdminRouteTest {

    private static final String KEY = "admin key of the test";
    private static final AccessTokens TOKENS = new AccessTokens(
            "the token key of this test, 32 b".getBytes(StandardCharsets.UTF_8), Clock.systemUTC());

    @RegisterExtension
    static final MediaPort MEDIA = new MediaPort();

    private final HttpClient http = HttpClient.newHttpClient();
    private RoomManager roomManager;
    private SignalingServer server;

    @BeforeEach
    void start() throws IOException {
        roomManager = MEDIA.newRoomManager();
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0),
                Map.of("/ws", new SfuEndpoint(roomManager, JoinAuthority.developmentMode(), IceServers.none(),
                            Duration.ZERO)),
                List.of(new AdminRoute(roomManager, AdminCredential.of(KEY.getBytes(StandardCharsets.UTF_8), TOKENS))));
    }

    @AfterEach
    void stop() {
        server.close();
        roomManager.close();
    }

    private HttpResponse<String> send(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private TestSocket joined(String room, String name) {
        TestSocket socket = TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + "/ws"));
        socket.send(JsonNodeFactory.instance.objectNode().put("type", "join").put("room", room).put("name", name)
                .toString());
        socket.next("joined");
        return socket;
    }

    @Test
    void withoutTheKeyNothingIsShownOrDone() throws Exception {
        try (TestSocket ada = joined("standup", "Ada")) {
            assertEquals(401, send("GET", "/admin/rooms", null, null).statusCode());
            HttpResponse<String> wrong = send("POST", "/admin/rooms/standup/close", "not the key", null);
            assertEquals(401, wrong.statusCode());
            assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals(1, roomManager.participantCount());
        }
        SignalingServer unconfigured = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of(),
                List.of(new AdminRoute(roomManager, AdminCredential.none())));
        try {
            HttpResponse<String> off = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + unconfigured.port() + "/admin/rooms")).header("Authorization", "Bearer ").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, off.statusCode());
        } finally {
            unconfigured.close();
        }
    }

    @Test
    void listsRoomsRemovesAParticipantWhoIsToldWhyAndClosesARoom() throws Exception {
        try (TestSocket ada = joined("standup", "Ada"); TestSocket grace = joined("standup", "Grace");
             TestSocket linus = joined("retro", "Linus")) {
            ada.next("participant_joined");
            JsonNode rooms = TestSocket.parse(send("GET", "/admin/rooms", KEY, null).body()).get("rooms");
            assertEquals(2, rooms.size());
            assertEquals("retro", rooms.get(0).get("room").asText(), "rooms in order");
            JsonNode standup = rooms.get(1).get("participants");
            assertEquals("Ada", standup.get(0).get("name").asText());
            String graceId = standup.get(1).get("participantId").asText();

            assertEquals(204, send("POST", "/admin/rooms/standup/participants/" + graceId + "/remove", KEY,
                    "{\"reason\":\"please rejoin with your full name\"}").statusCode());
            JsonNode removed = grace.nextError("removed", null);
            assertTrue(removed.get("message").asText().contains("please rejoin with your full name"));
            assertEquals(1000, grace.awaitClose());
            assertEquals(graceId, ada.next("participant_left").get("participantId").asText());
            assertEquals(404, send("POST", "/admin/rooms/standup/participants/" + graceId + "/remove", KEY, null)
                    .statusCode(), "gone already");

            assertEquals(204, send("POST", "/admin/rooms/retro/close", KEY, null).statusCode());
            assertTrue(linus.nextError("removed", null).get("message").asText().contains("closed"));
            assertEquals(404, send("POST", "/admin/rooms/retro/close", KEY, null).statusCode());
            assertEquals(1, roomManager.participantCount());
        }
    }

    @Test
    void aTokenWithTheAdminGrantModeratesItsOwnRoomOnly() throws Exception {
        String moderator = TOKENS.mint(new AccessToken("mod", null, "standup", new Grants(Set.of(), true, false, true),
                Instant.now(), Instant.now().plusSeconds(600)));
        String participant = TOKENS.mint(new AccessToken("ada", null, "standup", Grants.PARTICIPANT, Instant.now(),
                Instant.now().plusSeconds(600)));
        try (TestSocket ada = joined("standup", "Ada"); TestSocket linus = joined("retro", "Linus")) {
            JsonNode rooms = TestSocket.parse(send("GET", "/admin/rooms", moderator, null).body()).get("rooms");
            assertEquals(1, rooms.size(), "only the moderator's room is listed");
            assertEquals("standup", rooms.get(0).get("room").asText());
            assertEquals(403, send("POST", "/admin/rooms/retro/close", moderator, null).statusCode());
            assertEquals(401, send("GET", "/admin/rooms", participant, null).statusCode(), "no admin grant");
            assertEquals(204, send("POST", "/admin/rooms/standup/close", moderator, null).statusCode());
            ada.nextError("removed", null);
            assertEquals(1, roomManager.participantCount(), "linus in the other room stays");
        }
    }

    @Test
    void aMutedTrackIsAnnouncedToEveryoneItsPublisherIncluded() throws Exception {
        try (TestSocket ada = joined("standup", "Ada"); TestSocket grace = joined("standup", "Grace")) {
            ada.next("participant_joined");
            ada.send(PublishRequest.chromium("camera"));
            String microphone = ada.next("publish_answer").get("tracks").get(0).get("trackId").asText();
            grace.skipTo("track_published");

            assertEquals(204, send("POST", "/admin/rooms/standup/tracks/" + microphone + "/mute", KEY,
                    "{\"muted\":true}").statusCode());
            assertTrue(ada.next("track_muted").get("muted").asBoolean(), "the publisher learns it too");
            assertTrue(grace.skipTo("track_muted").get("muted").asBoolean());
            JsonNode listed = TestSocket.parse(send("GET", "/admin/rooms", KEY, null).body());
            assertTrue(listed.get("rooms").get(0).get("participants").get(0).get("tracks").get(0).get("muted")
                    .asBoolean());

            assertEquals(400, send("POST", "/admin/rooms/standup/tracks/" + microphone + "/mute", KEY,
                    "{\"muted\":\"yes\"}").statusCode());
            assertEquals(400, send("POST", "/admin/rooms/standup/tracks/" + microphone + "/mute", KEY, "[")
                    .statusCode());
            assertEquals(404, send("POST", "/admin/rooms/standup/tracks/t-404/mute", KEY, "{\"muted\":true}")
                    .statusCode());
            assertEquals(405, send("GET", "/admin/rooms/standup/close", KEY, null).statusCode());
        }
    }
}
