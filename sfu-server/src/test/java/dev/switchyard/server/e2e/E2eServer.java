package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchyard.server.ServerConfig;
import dev.switchyard.server.SwitchyardServer;
import dev.switchyard.signaling.testing.TestSocket;

/** The real server, in-process, on ephemeral HTTP and media ports of 127.0.0.1; one per test class. */
final class E2eServer implements AutoCloseable {

    private final SwitchyardServer server;

    private E2eServer(SwitchyardServer server) {
        this.server = server;
    }

    static E2eServer start() {
        return start(ServerConfig.DEFAULTS);
    }

    /** The server with {@code config}, on ephemeral ports. */
    static E2eServer start(ServerConfig config) {
        try {
            return new E2eServer(SwitchyardServer.start(config.withEphemeralPorts()));
        } catch (IOException e) {
            throw new UncheckedIOException("the server did not start", e);
        }
    }

    /** What {@code GET /health} answers now. */
    JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(http().resolve("/health")).build(), HttpResponse.BodyHandlers.ofString());
        return TestSocket.parse(response.body());
    }

    /** The UDP media port every participant's media goes through. */
    int mediaPort() {
        return server.mediaPort();
    }

    /** The demo page's origin. */
    URI http() {
        return server.httpUri();
    }

    /** The SFU signaling endpoint. */
    URI sfuSignaling() {
        return URI.create("ws://127.0.0.1:" + server.httpPort() + "/ws");
    }

    /** The mesh relay endpoint. */
    URI meshSignaling() {
        return URI.create("ws://127.0.0.1:" + server.httpPort() + "/mesh");
    }

    @Override
    public void close() {
        server.close();
    }
}
