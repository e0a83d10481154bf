package dev.switchyard.server.e2e;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * A participant: the server's demo page in its own browser, joined to a room with the fake camera and
 * microphone. Reads the SDK's test hooks ({@code window.switchyard}, {@code window.switchyardMetrics},
 * {@code data-*} attributes on media elements).
 */
final class SfuPage implements MediaReceiver, AutoCloseable {

    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(20);

    private static final String NOISE_CAMERA = PageProbe.load("/e2e/noise-camera.js");
    private static final String DATA_EXCHANGE = PageProbe.load("/e2e/data-exchange.js");

    private final Browser browser;
    private final String participantId;

    private SfuPage(Browser browser, String participantId) {
        this.browser = browser;
        this.participantId = participantId;
    }

    /** Opens the demo page in a new Chromium; it joins at once. Waits until the server assigned a participant id. */
    static SfuPage join(URI server, String room, String name) {
        return join(ChromiumBrowser.launch(room + "-" + name), server, room, name);
    }

    /** Opens the demo page with an access token in its link (the token names the participant). */
    static SfuPage joinWithToken(URI server, String room, String name, String token) {
        ChromiumBrowser browser = ChromiumBrowser.launch(room + "-" + name);
        return join(browser, server.resolve("/?room=" + encode(room) + "&token=" + encode(token)), name);
    }

    /**
     * Opens the demo page with {@code token} (null: none) in its link, expecting the join to be refused; returns
     * what the page then tells its user.
     */
    static String refusedJoin(URI server, String room, String token) {
        try (ChromiumBrowser browser = ChromiumBrowser.launch(room + "-refused")) {
            browser.open(server.resolve("/?room=" + encode(room) + "&name=someone"
                    + (token == null ? "" : "&token=" + encode(token))));
            Map<?, ?> session = Poll.until("the join to be refused", JOIN_TIMEOUT,
                    () -> (Map<?, ?>) PageProbe.run(browser, "sfuSession"),
                    s -> !((String) s.get("joinStatus")).isEmpty() || s.get("participantId") != null,
                    Object::toString);
            return (String) session.get("joinStatus");
        }
    }

    @Override
    public String diagnosis() {
        return "connections: " + PageProbe.run(browser, "sfuConnectionStates") + "\nevents since joining:\n"
                + journal();
    }

    /** The session events the page recorded since it joined, one per line. */
    String journal() {
        return (String) PageProbe.run(browser, "sfuJournal");
    }

    /** The participant id of the page's session now: a page that joined again has a new one. */
    String currentParticipantId() {
        return (String) session().get("participantId");
    }

    /** Like {@link #cameraAndMicrophoneOfOthers}, by the participant ids the pages have now. */
    static Map<SfuPage, List<ExpectedTrack>> cameraAndMicrophoneOfOthersNow(List<SfuPage> call) {
        Map<SfuPage, String> ids = new LinkedHashMap<>();
        call.forEach(page -> ids.put(page, page.currentParticipantId()));
        Map<SfuPage, List<ExpectedTrack>> expected = new LinkedHashMap<>();
        for (SfuPage page : call) {
            expected.put(page, call.stream()
                    .filter(other -> other != page)
                    .flatMap(other -> ExpectedTrack.cameraAndMicrophoneOf(ids.get(other)).stream())
                    .toList());
        }
        return expected;
    }

    /** What the page's session says about itself: identity, development mode, tracks it sends. */
    Map<?, ?> session() {
        return (Map<?, ?>) PageProbe.run(browser, "sfuSession");
    }

    /** Opens the demo page in a new Chromium that joins without camera and microphone (data channels only). */
    static SfuPage joinWithoutMedia(URI server, String room, String name) {
        return join(ChromiumBrowser.launch(room + "-" + name), server.resolve("/?room=" + encode(room) + "&name="
                + encode(name) + "&audio=0&video=0"), name);
    }

    /**
     * Runs one command of {@code e2e/data-exchange.js} (record, send, sendLarge, stats) through the page's
     * SDK session and returns its result.
     */
    Object data(String command, Object... params) {
        Object[] arguments = new Object[params.length + 1];
        arguments[0] = command;
        System.arraycopy(params, 0, arguments, 1, params.length);
        Object result = browser.asyncScript(DATA_EXCHANGE, arguments);
        if (result instanceof Map<?, ?> map && map.containsKey("probeError")) {
            throw new AssertionError("data " + command + " failed in " + name() + ": " + map.get("probeError"));
        }
        return result;
    }

    /** The same in a Chromium started with {@code extraFlags}. */
    static SfuPage join(URI server, String room, String name, List<String> extraFlags) {
        return join(ChromiumBrowser.launch(room + "-" + name, extraFlags), server, room, name);
    }

    /** The same in a new Firefox ESR. */
    static SfuPage joinWithFirefox(URI server, String room, String name) {
        return join(FirefoxBrowser.launch(room + "-" + name, server), server, room, name);
    }

    private static SfuPage join(Browser browser, URI server, String room, String name) {
        return join(browser, server.resolve("/?room=" + encode(room) + "&name=" + encode(name)), name);
    }

    private static SfuPage join(Browser browser, URI page, String name) {
        try {
            browser.open(page);
            Map<?, ?> session = Poll.until(name + " to join " + page.getPath(), JOIN_TIMEOUT,
                    () -> (Map<?, ?>) PageProbe.run(browser, "sfuSession"),
                    s -> s.get("participantId") != null, Object::toString);
            PageProbe.run(browser, "sfuStartJournal");
            return new SfuPage(browser, (String) session.get("participantId"));
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    @Override
    public String name() {
        return browser.name();
    }

    String participantId() {
        return participantId;
    }

    @Override
    public List<RemoteTrack> remoteTracks() {
        return PageProbe.tracks(browser, "sfuTracks");
    }

    /** What each page of {@code call} should receive: the camera and microphone of every other page. */
    static Map<SfuPage, List<ExpectedTrack>> cameraAndMicrophoneOfOthers(List<SfuPage> call) {
        Map<SfuPage, List<ExpectedTrack>> expected = new LinkedHashMap<>();
        for (SfuPage page : call) {
            expected.put(page, call.stream()
                    .filter(other -> other != page)
                    .flatMap(other -> ExpectedTrack.cameraAndMicrophoneOf(other.participantId()).stream())
                    .toList());
        }
        return expected;
    }

    /** Participant ids this page's session currently knows about. */
    List<?> knownParticipants() {
        return (List<?>) ((Map<?, ?>) PageProbe.run(browser, "sfuSession")).get("participants");
    }

    /** Milliseconds from page load to the first decoded remote video frame, as the page measured them. */
    double firstRemoteFrameMillis() {
        Map<?, ?> session = Poll.until(name() + " to report its first remote frame", MediaCheck.SETTLE,
                () -> (Map<?, ?>) PageProbe.run(browser, "sfuSession"),
                s -> s.get("firstRemoteFrameAt") != null && s.get("pageLoadedAt") != null, Object::toString);
        double millis = ((Number) session.get("firstRemoteFrameAt")).doubleValue()
                - ((Number) session.get("pageLoadedAt")).doubleValue();
        if (millis <= 0) {
            throw new AssertionError(this + " reported its first remote frame before the page loaded: " + millis);
        }
        return millis;
    }

    /** Publishes incompressible noise (1280x720, 15 fps) instead of the fake camera: {@code e2e/noise-camera.js}. */
    void publishNoiseInsteadOfCamera() {
        Object result = browser.asyncScript(NOISE_CAMERA);
        if (result instanceof Map<?, ?> map && map.containsKey("probeError")) {
            throw new AssertionError("noise camera failed in " + name() + ": " + map.get("probeError"));
        }
    }

    /** What the page's publisher connection decided about its video: target bitrate, limitation, resolution. */
    PublisherSendState publisherSendState() {
        return PublisherSendState.fromProbe((Map<?, ?>) PageProbe.run(browser, "publisherSendState"));
    }

    /**
     * How far apart the subscriber connection will play out the audio and the video it receives, in
     * milliseconds (audio's estimated playout timestamp minus video's), or empty before both are known.
     */
    OptionalDouble audioVideoPlayoutSkewMillis() {
        Map<?, ?> playout = (Map<?, ?>) PageProbe.run(browser, "subscriberPlayoutTimestamps");
        if (!(playout.get("audio") instanceof Number audio) || !(playout.get("video") instanceof Number video)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(audio.doubleValue() - video.doubleValue());
    }

    /** The local UDP port the page's publisher connection sends its media from, once connected. */
    int publisherLocalPort() {
        Object port = Poll.until(name() + " to report its publisher's port", MediaCheck.SETTLE,
                () -> PageProbe.run(browser, "publisherLocalPort"), found -> found != null, String::valueOf);
        return ((Number) port).intValue();
    }

    /** What the page's subscriber connection's video receivers went through, summed over its remote videos. */
    VideoReceiveState videoReceiveState() {
        return VideoReceiveState.fromProbe((Map<?, ?>) PageProbe.run(browser, "subscriberVideoReceiveState"));
    }

    /** Publishes an animated canvas as a screen share. */
    void publishScreenShare() {
        PageProbe.run(browser, "sfuPublishScreen");
    }

    /** Stops the screen share of {@link #publishScreenShare}. */
    void stopScreenShare() {
        PageProbe.run(browser, "sfuStopScreen");
    }

    /** The m-lines (transceivers) of the page's subscriber connection. */
    int subscriberTransceiverCount() {
        return ((Number) PageProbe.run(browser, "subscriberTransceiverCount")).intValue();
    }

    /** Leaves the call; returns the wall-clock time (epoch ms) at which the page began leaving. */
    long leave() {
        return ((Number) PageProbe.run(browser, "sfuLeave")).longValue();
    }

    /** Starts watching, inside the page, for everything of {@code otherParticipantId} to disappear. */
    void watchDeparture(String otherParticipantId) {
        PageProbe.run(browser, "sfuWatchDeparture", otherParticipantId);
    }

    /** The wall-clock time (epoch ms) the watched participant disappeared, or empty if not within the timeout. */
    OptionalLong departureSeenAt(Duration timeout) {
        Object seenAt = PageProbe.run(browser, "sfuDepartureSeenAt", timeout.toMillis());
        return seenAt == null ? OptionalLong.empty() : OptionalLong.of(((Number) seenAt).longValue());
    }

    /** What of {@code participantId} is still in this page: session entries, remote tracks, media elements. */
    List<?> tracesOf(String otherParticipantId) {
        return (List<?>) PageProbe.run(browser, "sfuTracesOf", otherParticipantId);
    }

    /** Keeps references to the tracks received from a participant, for {@link #heldTracks()} after it left. */
    long holdTracksOf(String otherParticipantId) {
        return ((Number) PageProbe.run(browser, "sfuHoldTracksOf", otherParticipantId)).longValue();
    }

    List<RemoteTrack> heldTracks() {
        return PageProbe.tracks(browser, "sfuHeldTracks");
    }

    /** Closes the browser, keeping the session's events as {@code target/e2e-logs/<name>-events.log}. */
    @Override
    public void close() {
        try {
            E2eLogs.save(name(), "events", (String) PageProbe.run(browser, "sfuJournal"));
        } catch (RuntimeException | AssertionError e) {
            System.err.println("E2E could not read the session events of " + name() + ": " + e);
        } finally {
            browser.close();
        }
    }

    @Override
    public String toString() {
        return name() + "(" + participantId + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
