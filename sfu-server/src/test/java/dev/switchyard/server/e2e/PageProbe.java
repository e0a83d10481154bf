package dev.switchyard.server.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs the named probes of {@code e2e/probe.js} in a page; a probe that throws fails the test with its stack. */
final class PageProbe {

    private static final String SOURCE = load("/e2e/probe.js");

    private PageProbe() {
    }

    static Object run(Browser browser, String probe, Object... params) {
        Object[] args = new Object[params.length + 1];
        args[0] = probe;
        System.arraycopy(params, 0, args, 1, params.length);
        Object result = browser.asyncScript(SOURCE, args);
        if (result instanceof Map<?, ?> map && map.containsKey("probeError")) {
            throw new AssertionError("probe " + probe + " failed in " + browser.name() + ": " + map.get("probeError"));
        }
        return result;
    }

    /** A probe returning a list of track descriptions. */
    static List<RemoteTrack> tracks(Browser browser, String probe, Object... params) {
        return ((List<?>) run(browser, probe, params)).stream()
                .map(item -> RemoteTrack.fromProbe((Map<?, ?>) item))
                .toList();
    }

    static String load(String resource) {
        try (InputStream in = PageProbe.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
