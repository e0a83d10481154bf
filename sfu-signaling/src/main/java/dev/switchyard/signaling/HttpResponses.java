package dev.switchyard.signaling;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchyard.signaling.message.Json;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** Builders of complete HTTP responses for {@link HttpRoute}s. */
public final class HttpResponses {

    private HttpResponses() {
    }

    public static FullHttpResponse of(HttpResponseStatus status, byte[] body, CharSequence contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        return response;
    }

    public static FullHttpResponse json(JsonNode body) {
        return of(HttpResponseStatus.OK, Json.write(body).getBytes(StandardCharsets.UTF_8),
                HttpHeaderValues.APPLICATION_JSON);
    }

    /** The answer to a method the path does not serve. */
    public static FullHttpResponse methodNotAllowed() {
        return text(HttpResponseStatus.METHOD_NOT_ALLOWED, "method not allowed\n");
    }

    /** A short plain-text response, for errors. */
    public static FullHttpResponse text(HttpResponseStatus status, String body) {
        return of(status, body.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }
}
