package dev.switchyard.signaling;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.testing.Eventually;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client that floods messages or opens too many connections is cut off; everyone else carries on. */
class ConnectionLimitsTest {

    private static final ConnectionLimits SMALL = new ConnectionLimits(3, 5, 10);

    private final SignalingCounters counters = new SignalingCounters();
    private SignalingServer server;

    @BeforeEach
    void start() throws Exception {
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of("/mesh", new MeshRelay(JoinAuthority.developmentMode())),
                List.of(), OriginPolicy.SAME_ORIGIN_AND_LOCAL, ConnectionDeadlines.DEFAULTS, SMALL, counters);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestSocket connect() {
        return TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + "/mesh"));
    }

    @Test
    void aFloodingSocketIsToldAndClosedWhileAnotherRoomCarriesOn() {
        try (TestSocket flood = connect(); TestSocket bystander = connect()) {
            for (int i = 0; i < 100; i++) {
                flood.sendAndForget("{\"type\":\"flood\"}");
            }
            JsonNode message = flood.next();
            int answered = 0;
            while (message.get("code").asText().equals("unknown_type")) {
                answered++;
                message = flood.next();
            }
            assertEquals("limit_reached", message.get("code").asText(), message.toString());
            assertTrue(answered >= SMALL.messageBurst() && answered < 100, "answered within the burst: " + answered);
            assertEquals(1008, flood.awaitClose());
            assertEquals(1, counters.floodersClosed(), "counted");
            bystander.send("{\"type\":\"join\",\"peer_id\":\"b\",\"room_id\":\"other\"}");
            bystander.next("room_peers");
        }
    }

    @Test
    void connectionsPastTheLimitOfOneAddressAreRefusedUntilOneCloses() {
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < SMALL.maxConnectionsPerAddress(); i++) {
                open.add(connect());
            }
            assertThrows(RuntimeException.class, this::connect, "one connection too many");
            // The client may try more than once before it gives up.
            assertTrue(counters.connectionsRefused() >= 1, "counted: " + counters.connectionsRefused());
            open.remove(0).close();
            Eventually.await(() -> {
                try (TestSocket again = connect()) {
                    return true;
                } catch (RuntimeException stillRefused) {
                    return false;
                }
            }, "a connection is accepted once another closed");
        } finally {
            open.forEach(TestSocket::close);
        }
    }
}
