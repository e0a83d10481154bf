package dev.switchyard.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.signaling.testing.Eventually;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SwitchyardServerTest {

    private static SwitchyardServer server;

    @BeforeAll
    static void start() throws IOException {
        server = SwitchyardServer.start(ServerConfig.DEFAULTS.withEphemeralPorts());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.httpUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The status line of a request sent byte for byte, so no client normalises the path first. */
    private static String rawStatusLine(String target) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.httpPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }

    @Test
    void bothPortsAreBoundWhenZeroWasAsked() {
        assertNotEquals(0, server.httpPort());
        assertNotEquals(0, server.mediaPort());
        assertEquals(URI.create("http://127.0.0.1:" + server.httpPort() + "/"), server.httpUri());
    }

    @Test
    void aBusyHttpPortFailsTheStart() {
        ServerConfig busy = ServerConfig.DEFAULTS.withPorts(server.httpPort(), 0);
        assertThrows(IOException.class, () -> SwitchyardServer.start(busy));
    }

    @Test
    void aSecondServerOnTheSameMediaPortFailsNamingThePortAndTheFirstKeepsIt() {
        ServerConfig second = ServerConfig.DEFAULTS.withPorts(0, server.mediaPort());
        IOException refused = assertThrows(IOException.class, () -> SwitchyardServer.start(second));
        assertTrue(refused.getMessage().contains("UDP media port 127.0.0.1:" + server.mediaPort()),
                refused.getMessage());
    }

    @Test
    void healthCountsSfuRoomsAndParticipants() throws Exception {
        HttpResponse<String> empty = get("/health");
        assertEquals(200, empty.statusCode());
        assertEquals("application/json", empty.headers().firstValue("content-type").orElse(""));
        JsonNode idle = TestSocket.parse(empty.body());
        assertEquals("ok", idle.get("status").asText());
        assertEquals(0, idle.get("rooms").asInt());
        assertEquals(0, idle.get("participants").asInt());
        assertEquals(0, idle.get("iceSessions").asInt());
        assertEquals(0, idle.get("iceRemoteAddresses").asInt());
        assertEquals(0, idle.get("connectionsRefusedPerAddress").asInt());
        assertEquals(0, idle.get("floodingSocketsClosed").asInt());
        assertEquals(0, idle.get("slowReadersClosed").asInt());

        URI ws = URI.create("ws://127.0.0.1:" + server.httpPort() + "/ws");
        try (TestSocket ada = TestSocket.connect(ws); TestSocket grace = TestSocket.connect(ws)) {
            ada.send("{\"type\":\"join\",\"room\":\"a\",\"name\":\"Ada\"}").next("joined");
            grace.send("{\"type\":\"join\",\"room\":\"b\",\"name\":\"Grace\"}").next("joined");
            JsonNode health = TestSocket.parse(get("/health").body());
            assertEquals(2, health.get("rooms").asInt());
            assertEquals(2, health.get("participants").asInt());
            ada.closeCleanly();
            grace.closeCleanly();
        }
        Eventually.await(() -> server.roomManager().participantCount() == 0, "everyone left");
    }

    @Test
    void healthReportsTheJvmFootprint() throws Exception {
        JsonNode health = TestSocket.parse(get("/health").body());
        long used = health.get("heapUsedBytes").asLong();
        assertTrue(used > 0, health::toString);
        assertTrue(health.get("heapCommittedBytes").asLong() >= used, health::toString);
        assertTrue(health.get("threads").asInt() > 0, health::toString);
        // The build and the server run on Linux, where the JVM counts its open descriptors.
        assertTrue(health.get("openFileDescriptors").asLong() > 0, health::toString);
    }

    @Test
    void meshEndpointRelays() {
        URI mesh = URI.create("ws://127.0.0.1:" + server.httpPort() + "/mesh");
        try (TestSocket alice = TestSocket.connect(mesh)) {
            alice.send("{\"type\":\"join\",\"peer_id\":\"alice\",\"room_id\":\"r\"}");
            assertEquals(0, alice.next("room_peers").get("peers").size());
        }
    }

    @Test
    void unknownPathsAndTraversalAttemptsAre404() throws Exception {
        assertEquals(404, get("/no-such-page.html").statusCode());
        assertEquals(404, get("/logback.xml").statusCode());
        assertEquals(404, get("/dev/switchyard/server/Main.class").statusCode());
        for (String target : new String[] {"/../pom.xml", "/web/../logback.xml", "/%2e%2e/logback.xml",
                "/sdk/%2e%2e/%2e%2e/logback.xml", "/..%2flogback.xml", "/%252e%252e/logback.xml"}) {
            assertEquals("HTTP/1.1 404 Not Found", rawStatusLine(target), target);
        }
        assertTrue(rawStatusLine("/%zz").startsWith("HTTP/1.1 4"));
    }

    @Test
    void withTokensHealthDetailsAndTheAdminApiNeedTheAdminKey() throws Exception {
        String adminKey = "the operator's admin key";
        ServerConfig production = ServerConfig.DEFAULTS.withEphemeralPorts()
                .withTokenKey(new Secret("a token key of thirty-two bytes!")).withAdminKey(new Secret(adminKey));
        try (SwitchyardServer secured = SwitchyardServer.start(production)) {
            HttpClient client = HttpClient.newHttpClient();
            URI health = secured.httpUri().resolve("/health");
            JsonNode anonymous = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(health).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(List.of("status"), List.copyOf(iterable(anonymous.fieldNames())),
                    "liveness only: no heap, threads or counters");
            JsonNode detailed = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(health)
                    .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString())
                    .body());
            assertTrue(detailed.has("heapUsedBytes") && detailed.has("threads") && detailed.has("rooms"));
            assertEquals(401, client.send(HttpRequest.newBuilder(secured.httpUri().resolve("/admin/rooms")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, client.send(HttpRequest.newBuilder(secured.httpUri().resolve("/admin/rooms"))
                    .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
    }

    private static <T> List<T> iterable(Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }

    @Test
    void onlyGetIsServed() throws Exception {
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.httpUri()
                .resolve("/health")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
    }
}
