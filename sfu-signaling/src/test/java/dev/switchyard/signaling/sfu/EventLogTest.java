package dev.switchyard.signaling.sfu;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.SignalingServer;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.testing.Eventually;
import dev.switchyard.signaling.testing.MediaPort;
import dev.switchyard.signaling.testing.PublishRequest;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Operators can follow a room in the log: one line per join, publish, subscribe, leave and removal. */
class EventLogTest {

    @RegisterExtension
    static final MediaPort MEDIA = new MediaPort();

    @Test
    void everyParticipantEventIsOneLineWithRoomAndParticipant() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        // The tests' logback configuration is quiet; the product's own events are INFO.
        Logger product = (Logger) LoggerFactory.getLogger("dev.switchyard");
        Level quiet = product.getLevel();
        product.setLevel(Level.INFO);
        product.addAppender(log);
        try (RoomManager roomManager = MEDIA.newRoomManager()) {
            SignalingServer server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0),
                    Map.of("/ws", new SfuEndpoint(roomManager, JoinAuthority.developmentMode(), IceServers.none(),
                            Duration.ZERO)),
                    List.of());
            try (TestSocket ada = join(server, "Ada"); TestSocket grace = join(server, "Grace")) {
                ada.send(PublishRequest.chromium("camera"));
                String microphone = ada.next("publish_answer").get("tracks").get(0).get("trackId").asText();
                grace.skipTo("track_published");
                grace.send("{\"type\":\"subscribe\",\"trackIds\":[\"" + microphone + "\"]}");
                grace.skipTo("subscriber_offer");
                String graceId = roomManager.participantsByRoom().get("log").get(1).participantId();
                roomManager.removeParticipant("log", graceId, "test removal");
                ada.send("{\"type\":\"leave\"}");
                Eventually.await(() -> roomManager.participantCount() == 0, "everyone gone");
            } finally {
                server.close();
            }
        } finally {
            product.detachAppender(log);
            product.setLevel(quiet);
        }
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        for (String expected : List.of("joined room=log participant=p-", "published room=log participant=p-",
                "subscribed room=log participant=p-", "removed room=log participant=p-",
                "left room=log participant=p-")) {
            assertTrue(lines.stream().anyMatch(line -> line.startsWith(expected)), () -> expected + " in " + lines);
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("microphone") && line.startsWith("subscribed")));
        assertTrue(lines.stream().anyMatch(line -> line.contains("reason=\"test removal\"")));
    }

    private static TestSocket join(SignalingServer server, String name) {
        TestSocket socket = TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + "/ws"));
        socket.send("{\"type\":\"join\",\"room\":\"log\",\"name\":\"" + name + "\"}");
        socket.next("joined");
        return socket;
    }

}
