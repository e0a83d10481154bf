package dev.switchyard.server.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;

/**
 * Serves the test's own pages ({@code src/test/resources/e2e/}) on 127.0.0.1 from an ephemeral port, so
 * that a client unrelated to the server's SDK can be loaded from a different origin than the server.
 */
final class TestPageServer implements AutoCloseable {

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8");

    private final HttpServer http;

    private TestPageServer(HttpServer http) {
        this.http = http;
    }

    static TestPageServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            http.createContext("/", TestPageServer::serve);
            http.start();
            return new TestPageServer(http);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The address of {@code pathAndQuery} on this server. */
    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + pathAndQuery);
    }

    @Override
    public void close() {
        http.stop(0);
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            String type = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
            // Only plain file names of known types: the path never reaches outside the e2e resources.
            InputStream resource = type == null || !name.matches("[a-z0-9-]+\\.[a-z]+") ? null
                    : TestPageServer.class.getResourceAsStream("/e2e/" + name);
            if (resource == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            try (resource) {
                byte[] body = resource.readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", type);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }
}
