package dev.switchyard.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Serves the demo pages and the browser SDK from the classpath folder {@code web/} ({@link #WEB_ROOT}); {@code /} is
 * {@code web/index.html}. Only plain names are served (no {@code ..}, no hidden files) and only the listed file
 * types, so nothing else on the classpath can be reached.
 */
final class StaticFiles implements HttpRoute {

    /** The classpath folder of the demo pages and SDK. */
    static final String WEB_ROOT = "web/";
    private static final String INDEX = "index.html";
    /** Segments of letters, digits, '_', '-' and '.', none starting with '.'. */
    private static final Pattern SAFE_PATH = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json");

    private final ClassLoader classLoader;
    private final String root;

    /** @param root classpath folder, ending in '/' */
    StaticFiles(ClassLoader classLoader, String root) {
        this.classLoader = classLoader;
        this.root = root;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        String name = path.equals("/") ? "/" + INDEX : path;
        if (!SAFE_PATH.matcher(name).matches()) {
            return null;
        }
        if (!request.method().equals(HttpMethod.GET)) {
            return HttpResponses.methodNotAllowed();
        }
        String contentType = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (contentType == null) {
            return null;
        }
        try (InputStream in = classLoader.getResourceAsStream(root + name.substring(1))) {
            if (in == null) {
                return null;
            }
            FullHttpResponse response = HttpResponses.of(HttpResponseStatus.OK, in.readAllBytes(), contentType);
            response.headers().set("X-Content-Type-Options", "nosniff");
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root + name, e);
        }
    }
}
