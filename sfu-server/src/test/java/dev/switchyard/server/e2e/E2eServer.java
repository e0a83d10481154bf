package dev.switchyard.server.e2e;

import dev.switchyard.server.ServerConfig;
import dev.switchyard.server.SwitchyardServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** The real server, in-process, on ephemeral HTTP and media ports of 127.0.0.1; one per test class. */
final class E2eServer implements AutoCloseable {

    private final SwitchyardServer server;

    private E2eServer(SwitchyardServer server) {
        this.server = server;
    }

    static E2eServer start() {
        try {
            return new E2eServer(SwitchyardServer.start(ServerConfig.DEFAULTS.withEphemeralPorts()));
        } catch (IOException e) {
            throw new UncheckedIOException("the server did not start", e);
        }
    }

    /** The demo page's origin. */
    URI http() {
        return URI.create("http://127.0.0.1:" + server.httpPort() + "/");
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
