package dev.switchyard.signaling;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.testing.RawWebSocket;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignalingServerTest {

    private SignalingServer server;

    @BeforeEach
    void start() throws Exception {
        HttpRoute hello = (request, path) -> path.equals("/hello")
                ? HttpResponses.text(HttpResponseStatus.OK, "hi") : null;
        HttpRoute failing = (request, path) -> {
            if (path.equals("/boom")) {
                throw new IllegalStateException("route failure");
            }
            return null;
        };
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0),
                Map.of("/mesh", new MeshRelay(JoinAuthority.developmentMode())), List.of(hello, failing));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private TestSocket connect() {
        return TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + "/mesh"));
    }

    @Test
    void routesAreAskedInOrderAndUnservedPathsGet404() throws Exception {
        HttpResponse<String> hello = get("/hello?x=1");
        assertEquals(200, hello.statusCode());
        assertEquals("hi", hello.body());
        assertEquals(404, get("/nothing").statusCode());
        assertEquals(500, get("/boom").statusCode());
        assertEquals(200, get("/hello").statusCode());
    }

    @Test
    void endpointPathWithoutUpgradeIsABadRequest() throws Exception {
        assertEquals(400, get("/mesh").statusCode());
    }

    @Test
    void aWebSocketFromAForeignOriginIsRefusedWith403() throws Exception {
        URI mesh = URI.create("ws://127.0.0.1:" + server.port() + "/mesh");
        CompletionException refused = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "https://evil.example")
                .buildAsync(mesh, new WebSocket.Listener() { }).join());
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class,
                refused.getCause());
        assertEquals(403, handshake.getResponse().statusCode());
        try (TestSocket local = TestSocket.connect(mesh)) {
            local.send("{\"type\":\"join\",\"peer_id\":\"a\",\"room_id\":\"r\"}");
            local.next("room_peers");
        }
    }

    @Test
    void aClientThatStopsReadingIsCutOffWhileOthersCarryOn() throws Exception {
        try (RawWebSocket slow = RawWebSocket.open(server.port(), "/mesh", 4096); TestSocket fast = connect();
             TestSocket bystander = connect()) {
            slow.sendText("{\"type\":\"join\",\"peer_id\":\"slow\",\"room_id\":\"r\"}");
            // The slow client never reads from here on.
            fast.send("{\"type\":\"join\",\"peer_id\":\"fast\",\"room_id\":\"r\"}");
            if (!fast.next("room_peers").toString().contains("slow")) {
                assertEquals("slow", fast.next("peer_joined").get("peer_id").asText(), "both joined");
            }

            String bigOffer = "{\"type\":\"offer\",\"target\":\"slow\",\"offer\":\"" + "x".repeat(200_000) + "\"}";
            for (int i = 0; i < 100; i++) {
                fast.send(bigOffer);
            }
            // Offers that reach the relay after the cut get unknown_peer, and may overtake the peer_left.
            JsonNode message = fast.next();
            while (message.get("type").asText().equals("error")) {
                assertEquals("unknown_peer", message.get("code").asText());
                message = fast.next();
            }
            assertEquals("peer_left", message.get("type").asText());
            assertEquals("slow", message.get("peer_id").asText(), "the slow reader was cut off");
            bystander.send("{\"type\":\"join\",\"peer_id\":\"b\",\"room_id\":\"other\"}");
            bystander.next("room_peers");
        }
    }

    @Test
    void anErrorRepeatsNoMoreThanAShortPieceOfTheOffendingInput() {
        try (TestSocket socket = connect()) {
            socket.send("{\"type\":\"" + "t".repeat(100_000) + "\"}");
            JsonNode error = socket.next("error");
            assertTrue(error.toString().length() < 1000, "the error is short: " + error.toString().length());
            assertEquals("unknown_type", error.get("code").asText());
        }
    }

    @Test
    void oversizedMessageClosesOnlyThatSocketWith1009() {
        try (TestSocket victim = connect(); TestSocket bystander = connect()) {
            victim.sendAndForget("x".repeat(1024 * 1024));
            assertEquals(1009, victim.awaitClose());
            bystander.send("{\"type\":\"join\",\"peer_id\":\"a\",\"room_id\":\"r\"}");
            bystander.next("room_peers");
        }
    }

    @Test
    void messageJustUnderTheLimitIsAccepted() {
        try (TestSocket socket = connect()) {
            String padding = "x".repeat(SignalingServer.MAX_MESSAGE_BYTES - 100);
            socket.send("{\"type\":\"join\",\"peer_id\":\"a\",\"room_id\":\"r\",\"pad\":\"" + padding + "\"}");
            socket.next("room_peers");
        }
    }

    @Test
    void binaryFramesAndNonObjectsAreBadRequestsOnAnOpenSocket() {
        try (TestSocket socket = connect()) {
            socket.sendBinary("{\"type\":\"join\"}".getBytes(StandardCharsets.UTF_8));
            socket.nextError("bad_request", null);
            socket.send("[1,2]");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":5}");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":\"join\",\"type\":\"join\"}");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":\"join\"} {}");
            socket.nextError("bad_request", null);
            socket.send("{\"type\":\"join\",\"peer_id\":\"a\",\"room_id\":\"r\"}");
            socket.next("room_peers");
        }
    }
}
