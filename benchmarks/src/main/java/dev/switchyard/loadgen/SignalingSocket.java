package dev.switchyard.loadgen;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One signaling connection ({@code /ws}, docs/PROTOCOL.md) over the JDK WebSocket client. Messages reach the
 * handler one at a time, in order, on the HTTP client's threads.
 */
final class SignalingSocket implements WebSocket.Listener {

    /** Receives what the server sends. */
    interface Handler {
        void onMessage(JsonNode message);

        void onClosed(int status);
    }

    static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final Handler handler;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private volatile WebSocket webSocket;

    private SignalingSocket(Handler handler) {
        this.handler = handler;
    }

    /** Opens the connection; completes once the WebSocket handshake is done. */
    static CompletableFuture<SignalingSocket> open(HttpClient client, URI uri, Handler handler) {
        SignalingSocket socket = new SignalingSocket(handler);
        return client.newWebSocketBuilder().buildAsync(uri, socket).thenApply(ws -> socket);
    }

    static ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    /** Sends one message; text sends are serialised by waiting for the previous one. */
    synchronized void send(ObjectNode message) {
        String text;
        try {
            text = JSON.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        webSocket.sendText(text, true).orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS).join();
    }

    /** Completes with the close status when the server closes the connection (or -1 on a transport error). */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    /** Drops the connection without a closing handshake. */
    void abort() {
        WebSocket ws = webSocket;
        if (ws != null) {
            ws.abort();
        }
        closed.complete(-1);
    }

    @Override
    public void onOpen(WebSocket ws) {
        webSocket = ws;
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode message;
            try {
                message = JSON.readTree(partial.toString());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            } finally {
                partial.setLength(0);
            }
            handler.onMessage(message);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        handler.onClosed(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(-1);
        handler.onClosed(-1);
    }
}
