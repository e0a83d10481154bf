package dev.switchyard.signaling.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A WebSocket test client (JDK {@link WebSocket}) that queues received JSON messages. */
public final class TestSocket implements WebSocket.Listener, AutoCloseable {

    /** Generous: a message is normally there within milliseconds; this only bounds a failing test. */
    private static final long WAIT_SECONDS = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeStatus = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket webSocket;

    private TestSocket() {
    }

    public static TestSocket connect(URI uri) {
        TestSocket socket = new TestSocket();
        socket.webSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri, socket).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        return socket;
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestSocket send(String text) {
        webSocket.sendText(text, true).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        return this;
    }

    public TestSocket sendBinary(byte[] bytes) {
        webSocket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
        return this;
    }

    /** Sends without waiting: for a message the server may refuse by closing the connection. */
    public void sendAndForget(String text) {
        webSocket.sendText(text, true);
    }

    /** The next received message; fails the test if none comes. */
    public JsonNode next() {
        try {
            JsonNode message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no message received");
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next message, which must have this type. */
    public JsonNode next(String type) {
        JsonNode message = next();
        assertEquals(type, message.path("type").asText(), () -> "unexpected message " + message);
        return message;
    }

    /** The next message of this type, skipping others (for events whose relative order is not specified). */
    public JsonNode skipTo(String type) {
        while (true) {
            JsonNode message = next();
            if (type.equals(message.path("type").asText())) {
                return message;
            }
        }
    }

    /** The next message, which must be an error with this code and request type (null: not known). */
    public JsonNode nextError(String code, String requestType) {
        JsonNode error = next("error");
        assertEquals(code, error.path("code").asText(), () -> "unexpected error " + error);
        assertEquals(requestType, error.path("requestType").textValue(), () -> "unexpected error " + error);
        assertEquals(true, error.path("message").isTextual(), () -> "error without message " + error);
        return error;
    }

    /** Waits for the server to close the connection; returns the close status. */
    public int awaitClose() {
        return closeStatus.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            received.add(parse(partial.toString()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeStatus.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeStatus.completeExceptionally(error);
    }

    /** Ends the connection without a close frame, as a lost connection ends. */
    @Override
    public void close() {
        webSocket.abort();
    }

    /** Ends the connection with a close frame (1000), as a page that goes away does, and waits for the reply. */
    public void closeCleanly() {
        webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
        awaitClose();
    }
}
