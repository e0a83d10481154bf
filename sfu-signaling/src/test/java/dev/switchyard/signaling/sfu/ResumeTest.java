package dev.switchyard.signaling.sfu;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.SignalingServer;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.testing.MediaPort;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client whose signaling socket drops takes its participant over from a new socket; the others see no leave. */
class ResumeTest {

    private static final Duration GRACE = Duration.ofSeconds(2);

    @RegisterExtension
    static final MediaPort MEDIA = new MediaPort();

    private RoomManager roomManager;
    private SfuEndpoint endpoint;
    private SignalingServer server;

    @BeforeEach
    void start() throws IOException {
        roomManager = MEDIA.newRoomManager();
        endpoint = new SfuEndpoint(roomManager, JoinAuthority.developmentMode(), IceServers.none(), GRACE);
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of("/ws", endpoint), List.of());
    }

    @AfterEach
    void stop() {
        server.close();
        roomManager.close();
    }

    private TestSocket connect() {
        return TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + "/ws"));
    }

    private JsonNode join(TestSocket socket, String name) {
        socket.send("{\"type\":\"join\",\"room\":\"resume\",\"name\":\"" + name + "\"}");
        return socket.next("joined");
    }

    private static String resume(String participantId, String token) {
        return "{\"type\":\"resume\",\"participantId\":\"" + participantId + "\",\"resumeToken\":\"" + token + "\"}";
    }

    @Test
    void aDroppedSocketResumesWithWhatHappenedMeanwhileAndTheOthersSeeNoLeave() throws Exception {
        try (TestSocket ada = connect()) {
            join(ada, "Ada");
            TestSocket grace = connect();
            JsonNode joined = join(grace, "Grace");
            String graceId = joined.get("participantId").asText();
            String token = joined.get("resumeToken").asText();
            assertTrue(token.length() >= 20, "a secret of 128 bits: " + token);
            ada.next("participant_joined");
            grace.close();

            try (TestSocket linus = connect()) {
                join(linus, "Linus");
                assertEquals("Linus", ada.next("participant_joined").get("participant").get("name").asText(),
                        "ada hears of linus and not of grace leaving");
                assertEquals(3, roomManager.participantCount(), "grace waits for her client");

                try (TestSocket impostor = connect()) {
                    impostor.send(resume(graceId, "AAAAAAAAAAAAAAAAAAAAAA"));
                    impostor.nextError("session_gone", "resume");
                    impostor.send(resume("p-404", token));
                    impostor.nextError("session_gone", "resume");
                }
                try (TestSocket back = connect()) {
                    back.send(resume(graceId, token));
                    JsonNode resumed = back.next("resumed");
                    assertEquals(graceId, resumed.get("participantId").asText());
                    assertEquals("Linus", back.next("participant_joined").get("participant").get("name").asText(),
                            "what happened while she was away follows");
                    back.close();
                }
                Thread.sleep(GRACE.toMillis() / 2);
                assertEquals(3, roomManager.participantCount());
                assertEquals(graceId, ada.next("participant_left").get("participantId").asText(),
                        "gone once the grace period passed without her");
            }
        }
    }

    @Test
    void aSocketClosedWithACloseFrameLeavesAtOnce() throws IOException {
        SfuEndpoint patient = new SfuEndpoint(roomManager, JoinAuthority.developmentMode(), IceServers.none(),
                Duration.ofHours(1));
        SignalingServer other = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of("/ws", patient),
                List.of());
        try (TestSocket ada = TestSocket.connect(URI.create("ws://127.0.0.1:" + other.port() + "/ws"))) {
            join(ada, "Ada");
            TestSocket grace = TestSocket.connect(URI.create("ws://127.0.0.1:" + other.port() + "/ws"));
            String graceId = join(grace, "Grace").get("participantId").asText();
            ada.next("participant_joined");
            grace.closeCleanly();
            assertEquals(graceId, ada.next("participant_left").get("participantId").asText(),
                    "a page that closed its socket left, though resuming is allowed for an hour");
        } finally {
            other.close();
        }
    }

    @Test
    void aShutdownIsAnnouncedToEveryoneAndNewJoinsAreTurnedAway() {
        try (TestSocket ada = connect()) {
            join(ada, "Ada");
            endpoint.announceShutdown("the server is restarting", 5000);
            JsonNode notice = ada.next("server_shutdown");
            assertEquals("the server is restarting", notice.get("reason").asText());
            assertEquals(5000, notice.get("retryAfterMs").asLong());
            try (TestSocket late = connect()) {
                late.send("{\"type\":\"join\",\"room\":\"resume\",\"name\":\"Late\"}");
                late.next("server_shutdown");
                late.awaitClose();
            }
            assertEquals(1, roomManager.participantCount());
        }
    }
}
