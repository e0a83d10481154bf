package dev.switchyard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

class StaticFilesTest {

    private final StaticFiles files = new StaticFiles(StaticFilesTest.class.getClassLoader(), "static-test/");
    private final FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");

    private String body(String path, String expectedContentType) {
        FullHttpResponse response = files.respond(request, path);
        try {
            assertEquals(200, response.status().code());
            assertEquals(expectedContentType, response.headers().get(HttpHeaderNames.CONTENT_TYPE));
            return response.content().toString(StandardCharsets.UTF_8);
        } finally {
            response.release();
        }
    }

    @Test
    void rootAndIndexServeIndexHtml() {
        assertEquals("<!doctype html><title>probe</title>\n", body("/", "text/html; charset=utf-8"));
        assertEquals("<!doctype html><title>probe</title>\n", body("/index.html", "text/html; charset=utf-8"));
    }

    @Test
    void nestedFilesGetTheirContentType() {
        assertEquals("export const probe = 1;\n", body("/sdk/probe.js", "text/javascript; charset=utf-8"));
        assertEquals("body { margin: 0; }\n", body("/style.css", "text/css; charset=utf-8"));
    }

    @Test
    void missingFilesUnlistedTypesHiddenFilesAndTraversalAreNotServed() {
        for (String path : new String[] {"/missing.html", "/notes.txt", "/.hidden.js", "/../logback-test.xml",
                "/sdk/../index.html", "/sdk/", "/sdk", "//index.html", "/sdk\\probe.js", "/index.html/", ""}) {
            assertNull(files.respond(request, path), path);
        }
    }
}
