package dev.switchyard.server.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A tab running the test's own plain peer-to-peer client ({@code e2e/mesh.html}) against {@code /mesh}. */
final class MeshPage implements MediaReceiver, AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(20);

    private final ChromiumBrowser browser;

    private MeshPage(ChromiumBrowser browser) {
        this.browser = browser;
    }

    /** Opens the mesh client served by {@code pages} and waits until the server listed the room's peers. */
    static MeshPage join(TestPageServer pages, URI signaling, String room, String peerId) {
        ChromiumBrowser browser = ChromiumBrowser.launch("mesh-" + room + "-" + peerId);
        try {
            browser.open(pages.uri("/mesh.html?signal=" + encode(signaling.toString()) + "&room=" + encode(room)
                    + "&peer=" + encode(peerId)));
            MeshPage page = new MeshPage(browser);
            Poll.until(peerId + " to join mesh room " + room, JOIN_TIMEOUT, page::state,
                    state -> Boolean.TRUE.equals(state.get("joined")), Object::toString);
            return page;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return browser.name();
    }

    @Override
    public List<RemoteTrack> remoteTracks() {
        return PageProbe.tracks(browser, "meshTracks");
    }

    /** {@code joined}, {@code peers} (ids with a connection) and {@code errors} seen by the client. */
    Map<?, ?> state() {
        return (Map<?, ?>) PageProbe.run(browser, "meshState");
    }

    @Override
    public void close() {
        browser.close();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
