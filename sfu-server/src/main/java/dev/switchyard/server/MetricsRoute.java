package dev.switchyard.server;

import java.nio.charset.StandardCharsets;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;
import dev.switchyard.signaling.auth.AdminCredential;

/**
 * {@code GET /metrics}: the Prometheus text exposition of {@link ServerMetrics}, for the holder of the admin key
 * (Prometheus sends it with {@code authorization: {credentials: KEY}}), or for anyone in development mode.
 */
final class MetricsRoute implements HttpRoute {

    static final String PATH = "/metrics";
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final ServerMetrics metrics;
    private final AdminCredential admin;
    private final boolean forAnyone;

    MetricsRoute(ServerMetrics metrics, AdminCredential admin, boolean forAnyone) {
        this.metrics = metrics;
        this.admin = admin;
        this.forAnyone = forAnyone;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        if (!path.equals(PATH)) {
            return null;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            return HttpResponses.methodNotAllowed();
        }
        if (!forAnyone && !admin.authorizes(request)) {
            return HttpResponses.text(HttpResponseStatus.UNAUTHORIZED, "admin key required\n");
        }
        return HttpResponses.of(HttpResponseStatus.OK, metrics.scrape().getBytes(StandardCharsets.UTF_8),
                CONTENT_TYPE);
    }
}
