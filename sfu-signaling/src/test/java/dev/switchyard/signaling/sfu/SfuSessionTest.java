package dev.switchyard.signaling.sfu;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.SignalingServer;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.testing.Eventually;
import dev.switchyard.signaling.testing.MediaPort;
import dev.switchyard.signaling.testing.PublishRequest;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SfuSessionTest {

    @RegisterExtension
    static final MediaPort MEDIA = new MediaPort();

    private RoomManager roomManager;
    private SignalingServer server;
    private URI uri;

    @BeforeEach
    void start() throws IOException {
        roomManager = MEDIA.newRoomManager();
        SfuEndpoint endpoint = new SfuEndpoint(roomManager, JoinAuthority.developmentMode(),
                new IceServers(List.of(new IceServer(List.of("stun:stun.example.org:3478"), null, null)),
                        Optional.empty()), Duration.ZERO);
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of("/ws", endpoint), List.of());
        uri = URI.create("ws://127.0.0.1:" + server.port() + "/ws");
    }

    @AfterEach
    void stop() {
        server.close();
        roomManager.close();
    }

    private TestSocket connect() {
        return TestSocket.connect(uri);
    }

    private TestSocket joined(String room, String name) {
        TestSocket socket = connect();
        socket.send(join(room, name));
        socket.next("joined");
        return socket;
    }

    private static String join(String room, String name) {
        ObjectNode join = JsonNodeFactory.instance.objectNode().put("type", "join").put("room", room)
                .put("name", name);
        return join.toString();
    }

    /** A publish_answer track is a track object plus the mid of its m-line. */
    private static JsonNode withoutMid(JsonNode track) {
        ObjectNode copy = track.deepCopy();
        copy.remove("mid");
        return copy;
    }

    @Test
    void joinListsTheOthersAndTheIceServersAndAnnouncesTheNewcomer() {
        try (TestSocket ada = joined("standup", "Ada"); TestSocket grace = connect()) {
            grace.send(join("standup", "Grace"));
            JsonNode joined = grace.next("joined");
            assertEquals("standup", joined.get("room").asText());
            assertTrue(joined.get("participantId").asText().startsWith("p-"));
            assertEquals(1, joined.get("participants").size());
            JsonNode other = joined.get("participants").get(0);
            assertEquals("Ada", other.get("name").asText());
            assertEquals(0, other.get("tracks").size());
            assertEquals("stun:stun.example.org:3478", joined.get("iceServers").get(0).get("urls").get(0).asText());

            JsonNode announced = ada.next("participant_joined").get("participant");
            assertEquals(joined.get("participantId"), announced.get("participantId"));
            assertEquals("Grace", announced.get("name").asText());
            assertEquals(2, roomManager.participantCount());
            assertEquals(1, roomManager.roomCount());
        }
    }

    @Test
    void publishAnswersAndAnnouncesTracksWhichOthersCanSubscribeTo() throws IOException {
        try (TestSocket ada = joined("r", "Ada"); TestSocket grace = joined("r", "Grace")) {
            ada.next("participant_joined");
            ada.send(PublishRequest.chromium("camera"));
            JsonNode answer = ada.next("publish_answer");
            assertTrue(answer.get("sdp").asText().startsWith("v=0"));
            JsonNode tracks = answer.get("tracks");
            assertEquals(2, tracks.size());
            assertEquals("0", tracks.get(0).get("mid").asText());
            assertEquals("1", tracks.get(1).get("mid").asText());
            assertEquals("audio", tracks.get(0).get("kind").asText());
            assertEquals("microphone", tracks.get(0).get("source").asText());
            assertEquals("video", tracks.get(1).get("kind").asText());
            assertEquals(false, tracks.get(1).get("muted").asBoolean());

            JsonNode first = grace.next("track_published").get("track");
            JsonNode second = grace.next("track_published").get("track");
            assertEquals(withoutMid(tracks.get(0)), first);
            assertEquals(withoutMid(tracks.get(1)), second);

            String videoId = second.get("trackId").asText();
            grace.send("{\"type\":\"subscribe\",\"trackIds\":[\"" + videoId + "\"]}");
            JsonNode offer = grace.next("subscriber_offer");
            assertTrue(offer.get("sdp").asText().startsWith("v=0"));
            JsonNode line = offer.get("tracks").get(0);
            assertEquals(videoId, line.get("trackId").asText());
            assertEquals("camera", line.get("source").asText());
            assertEquals("video", line.get("kind").asText());

            ada.send("{\"type\":\"mute\",\"trackId\":\"" + videoId + "\",\"muted\":true}");
            JsonNode muted = grace.next("track_muted");
            assertEquals(videoId, muted.get("trackId").asText());
            assertEquals(true, muted.get("muted").asBoolean());

            grace.send("{\"type\":\"mute\",\"trackId\":\"" + videoId + "\",\"muted\":true}");
            grace.nextError("unknown_track", "mute");

            ada.send("{\"type\":\"leave\"}");
            assertEquals(1000, ada.awaitClose());
            assertEquals(tracks.get(0).get("participantId").asText(),
                    grace.skipTo("participant_left").get("participantId").asText());
        }
    }

    @Test
    void garbageSdpIsBadSdpAndUnknownTracksAreRefused() {
        try (TestSocket socket = joined("r", "Ada")) {
            socket.send(PublishRequest.of("this is not SDP", "camera"));
            socket.nextError("bad_sdp", "publish");
            socket.send("{\"type\":\"subscribe\",\"trackIds\":[\"t-999\"]}");
            socket.nextError("unknown_track", "subscribe");
            socket.send("{\"type\":\"unsubscribe\",\"trackIds\":[\"t-999\"]}");
            socket.nextError("unknown_track", "unsubscribe");
            socket.send("{\"type\":\"subscriber_answer\",\"sdp\":\"v=0 nonsense\"}");
            socket.nextError("bad_sdp", "subscriber_answer");
        }
    }

    @Test
    void malformedMessagesAreBadRequestsAndTheSocketStaysOpen() {
        try (TestSocket socket = connect()) {
            socket.send("{\"type\":");
            socket.nextError("bad_request", null);
            socket.send("\"join\"");
            socket.nextError("bad_request", null);
            socket.send("{\"room\":\"r\"}");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":\"teleport\"}");
            socket.nextError("unknown_type", "teleport");
            socket.send("{\"type\":\"publish\",\"sdp\":\"v=0\",\"tracks\":[]}");
            socket.nextError("not_joined", "publish");
            socket.send("{\"type\":\"join\",\"name\":\"Ada\"}");
            socket.nextError("bad_request", "join");
            socket.send("{\"type\":\"join\",\"room\":\"r\",\"name\":[\"Ada\"]}");
            socket.nextError("bad_request", "join");
            socket.send("{\"type\":\"join\",\"room\":\"r\",\"name\":\"Ada\",\"token\":42}");
            socket.nextError("bad_request", "join");
            socket.send(join("r", "Ada"));
            socket.next("joined");

            socket.send("{\"type\":\"publish\",\"sdp\":\"v=0\",\"tracks\":[{\"mid\":\"0\",\"source\":\"hologram\"}]}");
            assertTrue(socket.nextError("bad_request", "publish").get("message").asText().contains("tracks[0].source"));
            socket.send("{\"type\":\"publish\",\"sdp\":\"v=0\",\"tracks\":[{\"mid\":0,\"source\":\"camera\"}]}");
            socket.nextError("bad_request", "publish");
            socket.send("{\"type\":\"publish\",\"sdp\":\"v=0\",\"tracks\":[{\"mid\":\"0\",\"source\":\"camera\"},"
                    + "{\"mid\":\"0\",\"source\":\"screen\"}]}");
            socket.nextError("bad_request", "publish");
            socket.send("{\"type\":\"publish\",\"tracks\":[]}");
            socket.nextError("bad_request", "publish");
            socket.send("{\"type\":\"subscribe\",\"trackIds\":\"t-1\"}");
            socket.nextError("bad_request", "subscribe");
            socket.send("{\"type\":\"subscribe\",\"trackIds\":[1]}");
            socket.nextError("bad_request", "subscribe");
            socket.send("{\"type\":\"mute\",\"trackId\":\"t-1\",\"muted\":\"yes\"}");
            socket.nextError("bad_request", "mute");
            socket.send("{\"type\":\"candidate\",\"target\":\"sideways\",\"candidate\":null}");
            socket.nextError("bad_request", "candidate");
            socket.send("{\"type\":\"candidate\",\"target\":\"publisher\"}");
            socket.nextError("bad_request", "candidate");
            socket.send("{\"type\":\"candidate\",\"target\":\"publisher\",\"candidate\":{\"sdpMid\":\"0\"}}");
            socket.nextError("bad_request", "candidate");
            socket.send("{\"type\":\"candidate\",\"target\":\"subscriber\",\"candidate\":"
                    + "{\"candidate\":\"candidate:1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":\"zero\"}}");
            socket.nextError("bad_request", "candidate");
            socket.send("{\"type\":\"restart_ice\",\"target\":\"publisher\"}");
            socket.nextError("bad_request", "restart_ice");
            socket.send(join("r", "Ada"));
            socket.nextError("already_joined", "join");
        }
    }

    @Test
    void wellFormedCandidatesAreAcceptedSilently() {
        try (TestSocket socket = joined("r", "Ada")) {
            socket.send("{\"type\":\"candidate\",\"target\":\"subscriber\",\"candidate\":{\"candidate\":"
                    + "\"candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
            socket.send("{\"type\":\"candidate\",\"target\":\"subscriber\",\"candidate\":"
                    + "{\"candidate\":\"\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0}}");
            socket.send("{\"type\":\"candidate\",\"target\":\"publisher\",\"candidate\":null}");
            // No reply to the candidates: the next message is the reply to this request.
            socket.send("{\"type\":\"subscribe\",\"trackIds\":[\"t-404\"]}");
            socket.nextError("unknown_track", "subscribe");
        }
    }

    @Test
    void invalidRoomsAndNamesAreRefused() {
        try (TestSocket socket = connect()) {
            for (String room : List.of("", "a b", "x".repeat(65), "räume", "../etc")) {
                socket.send(join(room, "Ada"));
                socket.nextError("invalid_room", "join");
            }
            for (String name : List.of("", "n".repeat(65), "line\nbreak")) {
                socket.send(join("r", name));
                socket.nextError("invalid_room", "join");
            }
            socket.send(join("x".repeat(64), "Ada Lovelace (she/her) 👩‍💻"));
            socket.next("joined");
        }
    }

    @Test
    void oversizedMessageClosesThatSocketWith1009AndTheOthersCarryOn() {
        try (TestSocket victim = joined("r", "Victim"); TestSocket bystander = joined("r", "Bystander")) {
            victim.next("participant_joined");
            victim.sendAndForget("{\"type\":\"publish\",\"sdp\":\"" + "a".repeat(1024 * 1024) + "\",\"tracks\":[]}");
            assertEquals(1009, victim.awaitClose());
            bystander.next("participant_left");
            bystander.send("{\"type\":\"subscribe\",\"trackIds\":[\"t-404\"]}");
            bystander.nextError("unknown_track", "subscribe");
            Eventually.await(() -> roomManager.participantCount() == 1, "the closed socket's participant left");
        }
    }

    @Test
    void closingTheSocketLeavesTheRoom() {
        TestSocket ada = connect();
        ada.send(join("r", "Ada"));
        String adaId = ada.next("joined").get("participantId").asText();
        try (TestSocket grace = joined("r", "Grace")) {
            ada.close();
            assertEquals(adaId, grace.next("participant_left").get("participantId").asText());
            Eventually.await(() -> roomManager.participantCount() == 1, "Ada left the roomManager");
        }
    }
}
