package dev.switchyard.signaling;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * Serves plain HTTP requests for some paths. Routes run on a small worker pool, not on an event loop, so they
 * may read files; they must not hold on to the request after returning. GET and POST requests reach routes; a
 * route that serves only GET answers others with {@link HttpResponses#methodNotAllowed()}.
 */
@FunctionalInterface
public interface HttpRoute {

    /**
     * @param path the decoded request path, e.g. {@code /health}
     * @return the response, or null if this route does not serve {@code path}
     */
    FullHttpResponse respond(FullHttpRequest request, String path);
}
