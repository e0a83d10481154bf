package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A raw signaling connection from the JDK's WebSocket client: sends whatever the test wants, including
 * what no SDK would send, and reads the server's JSON replies.
 */
final class SignalingClient implements AutoCloseable {

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    /** SFU events about other participants that may interleave with replies; skipped when awaiting one. */
    private static final Set<String> ROOM_EVENTS = Set.of("participant_joined", "participant_left",
            "presence", "track_published", "track_unpublished", "track_muted");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received;
    private final CompletableFuture<Integer> closed;

    private SignalingClient(WebSocket socket, BlockingQueue<JsonNode> received, CompletableFuture<Integer> closed) {
        this.socket = socket;
        this.received = received;
        this.closed = closed;
    }

    static SignalingClient connect(URI endpoint) {
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket = await(HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(endpoint, new Collector(received, closed)), "connect to " + endpoint);
        return new SignalingClient(socket, received, closed);
    }

    void send(String text) {
        await(socket.sendText(text, true), "send " + abbreviate(text));
    }

    void send(JsonNode message) {
        send(message.toString());
    }

    void sendBinary(byte[] data) {
        await(socket.sendBinary(ByteBuffer.wrap(data), true), "send a binary frame");
    }

    /** The next message that is not an event about other participants; fails if none arrives in time. */
    JsonNode nextReply() {
        while (true) {
            JsonNode message;
            try {
                message = received.poll(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
            if (message == null) {
                throw new AssertionError("no reply within " + REPLY_TIMEOUT.toMillis() + " ms"
                        + (closed.isDone() ? "; the connection closed: " + closed : ""));
            }
            if (!ROOM_EVENTS.contains(message.path("type").asText())) {
                return message;
            }
        }
    }

    /** Asserts the next reply has type {@code type} and returns it. */
    JsonNode expect(String type) {
        JsonNode reply = nextReply();
        assertEquals(type, reply.path("type").asText(), () -> "expected " + type + ", got " + reply);
        return reply;
    }

    /** Asserts the next reply is an {@code error} with {@code code} and returns it. */
    JsonNode expectError(String code) {
        JsonNode reply = expect("error");
        assertEquals(code, reply.path("code").asText(), () -> "unexpected error " + reply);
        return reply;
    }

    /** Waits for the server to close the connection and returns the close status it sent. */
    int awaitClose() {
        return await(closed, "the server to close the connection");
    }

    /**
     * Sends a message the server is expected to refuse by closing the connection: the server may close it
     * while the message is still being written, which makes the send fail; that is not an error here.
     */
    void sendRefused(String text) {
        try {
            socket.sendText(text, true).get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            // The server closed the connection first; awaitEnd() tells how.
        } catch (TimeoutException e) {
            throw new AssertionError("timed out sending a refused message", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits until the connection ends: the close status the server sent, or empty if the connection was reset
     * before the client could read a close frame.
     */
    OptionalInt awaitEnd() {
        try {
            return OptionalInt.of(closed.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            return OptionalInt.empty();
        } catch (TimeoutException e) {
            throw new AssertionError("the connection stayed open", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    boolean isOpen() {
        return !closed.isDone() && !socket.isOutputClosed();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed to " + what, e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting to " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "… (" + text.length() + " chars)";
    }

    /** Reassembles fragmented text frames into JSON messages and records how the connection ended. */
    private static final class Collector implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> received;
        private final CompletableFuture<Integer> closed;
        private final StringBuilder partial = new StringBuilder();

        Collector(BlockingQueue<JsonNode> received, CompletableFuture<Integer> closed) {
            this.received = received;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(json(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            closed.completeExceptionally(new AssertionError("the server sent a binary frame"));
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
