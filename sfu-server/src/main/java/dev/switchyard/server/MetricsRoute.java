package dev.switchyard.server;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;

/**
 * {@code GET /metrics}: the Prometheus text exposition of {@link ServerMetrics}, for the holder of the admin key
 * (Prometheus sends it with {@code authorization: {credentials: KEY}}), or for anyone in development mode
 * ({@link OperatorAccess}).
 */
final class MetricsRoute implements HttpRoute {

    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final OperatorAccess access;

    MetricsRoute(ServerMetrics metrics, OperatorAccess access) {
        this.metrics = metrics;
        this.access = access;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        if (!path.equals(PATH)) {
            return null;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            return HttpResponses.methodNotAllowed();
        }
        if (!access.allows(request)) {
            return HttpResponses.text(HttpResponseStatus.UNAUTHORIZED, "admin key required\n");
        }
        return HttpResponses.of(HttpResponseStatus.OK, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                CONTENT_TYPE);
    }
}
