package dev.switchyard.signaling;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.mesh.MeshRelay;
import dev.switchyard.signaling.testing.RawWebSocket;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Connections that stall, go silent or never join are closed; live ones are kept. */
class ConnectionDeadlinesTest {

    /** Short, yet with room for a loaded machine's scheduling: a live client's pong has 2 s to come. */
    private static final ConnectionDeadlines SHORT = new ConnectionDeadlines(Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(2));

    private SignalingServer server;

    @BeforeEach
    void start() throws Exception {
        server = SignalingServer.start(new InetSocketAddress("127.0.0.1", 0), Map.of("/mesh", new MeshRelay(JoinAuthority.developmentMode())),
                List.of(), OriginPolicy.SAME_ORIGIN_AND_LOCAL, SHORT, ConnectionLimits.DEFAULTS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestSocket connect() {
        return TestSocket.connect(URI.create("ws://127.0.0.1:" + server.port() + "/mesh"));
    }

    @Test
    void aRequestTrickledByteByByteIsClosedAtTheDeadline() throws Exception {
        try (Socket slowloris = new Socket()) {
            slowloris.connect(new InetSocketAddress("127.0.0.1", server.port()));
            slowloris.setSoTimeout(200);
            OutputStream toServer = slowloris.getOutputStream();
            InputStream fromServer = slowloris.getInputStream();
            toServer.write("GET /hello HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            // One header byte every 200 ms keeps the connection busy but never completes the request.
            for (int i = 0; i < 50; i++) {
                try {
                    toServer.write('X');
                    toServer.flush();
                    if (fromServer.read() < 0) {
                        return;
                    }
                    fail("the server answered a request that never ended");
                } catch (SocketTimeoutException stillOpen) {
                    // Nothing from the server yet: trickle on.
                } catch (SocketException reset) {
                    return;
                }
            }
            fail("the trickled request held its connection for 10 s, the deadline is 2 s");
        }
    }

    @Test
    void aPipelinedRequestThatNeverEndsIsClosedAtTheDeadlineToo() throws Exception {
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", server.port()));
            client.setSoTimeout(10_000);
            // A complete request, then the head of a second one whose body never comes.
            client.getOutputStream().write(("GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            InputStream fromServer = client.getInputStream();
            byte[] buffer = new byte[4096];
            // The first answer comes, then the connection closes instead of waiting for the second body.
            assertThrows(EOFException.class, () -> {
                while (true) {
                    if (fromServer.read(buffer) < 0) {
                        throw new EOFException();
                    }
                }
            });
        }
    }

    @Test
    void aSocketThatNeverJoinsIsToldAndClosed() {
        try (TestSocket idle = connect()) {
            idle.nextError("timeout", null);
            assertEquals(1008, idle.awaitClose());
        }
    }

    @Test
    void aJoinedClientThatAnswersPingsStaysPastTheIdleDeadline() throws Exception {
        try (TestSocket live = connect()) {
            live.send("{\"type\":\"join\",\"peer_id\":\"live\",\"room_id\":\"r\"}");
            live.next("room_peers");
            // Silent for twice the idle deadline: only its automatic pongs show that it is there.
            Thread.sleep(2 * SHORT.idle().toMillis());
            TestSocket other = connect();
            other.send("{\"type\":\"join\",\"peer_id\":\"other\",\"room_id\":\"r\"}");
            assertEquals("live", other.next("room_peers").get("peers").get(0).asText());
            assertEquals("other", live.next("peer_joined").get("peer_id").asText());
            other.close();
        }
    }

    @Test
    void aJoinedClientThatAnswersNoPingIsPingedThenClosed() throws IOException {
        try (RawWebSocket vanished = RawWebSocket.open(server.port(), "/mesh", 64 * 1024)) {
            vanished.sendText("{\"type\":\"join\",\"peer_id\":\"gone\",\"room_id\":\"r\"}");
            assertEquals(RawWebSocket.TEXT, vanished.nextFrame().opcode(), "room_peers");
            RawWebSocket.Frame frame = vanished.nextFrame();
            assertEquals(RawWebSocket.PING, frame.opcode(), "pinged before it is closed");
            while (frame.opcode() == RawWebSocket.PING) {
                frame = vanished.nextFrame();
            }
            assertEquals(RawWebSocket.CLOSE, frame.opcode());
            assertEquals(1001, frame.closeStatus());
            assertThrows(EOFException.class, vanished::nextFrame, "the server closes its side after the linger");
        }
    }

    @Test
    void deadlinesAreChecked() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new ConnectionDeadlines(second, second, second, second),
                "idle must exceed the ping interval");
        assertThrows(IllegalArgumentException.class,
                () -> new ConnectionDeadlines(Duration.ZERO, second, second.multipliedBy(2), second));
        assertTrue(ConnectionDeadlines.DEFAULTS.idle().compareTo(ConnectionDeadlines.DEFAULTS.pingInterval()) > 0);
    }
}
