package dev.switchyard.server.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * How long a page joining a room with one publisher takes to show that publisher's camera, and where the time
 * goes. A measurement, not part of the test suite (its name matches none of Surefire's test patterns); run it
 * on a quiet machine with
 *
 * <pre>
 * unshare -n sh -c 'ip link set lo up &amp;&amp; ./mvnw -B -o test -pl sfu-server -Dtest=FirstFrameMeasurement -Djoins=20'
 * </pre>
 *
 * <p>Each join is a fresh Chromium opening the demo page; {@code e2e/join-timeline.js} records, from the moment
 * the page started loading, when each step happened. The figures are the browser's own. With {@code -Dvia=mesh}
 * the same joins are made peer to peer, with the plain mesh client ({@code e2e/mesh.html}) through {@code /mesh}:
 * the floor this machine sets for one ICE and DTLS handshake and a first keyframe, with no server in the media
 * path.
 */
class FirstFrameMeasurement {

    private static final String ROOM = "first-frame";
    private static final Duration FIRST_FRAME_TIMEOUT = Duration.ofSeconds(20);
    /** Time for the server to drop the previous joiner and for its browser's processes to end. */
    private static final Duration BETWEEN_JOINS = Duration.ofSeconds(1);
    /** Each step, by what the timeline calls it and how the table names it. */
    private static final Map<String, String> STEPS = steps();

    @Test
    void measureTheFirstRemoteFrameOfJoiningPages() {
        int joins = Integer.getInteger("joins", 20);
        boolean mesh = "mesh".equals(System.getProperty("via", "sfu"));
        List<Map<String, Double>> runs = new ArrayList<>();
        try (E2eServer server = E2eServer.start();
             TestPageServer pages = TestPageServer.start();
             AutoCloseable publisher = mesh
                     ? MeshPage.join(pages, server.meshSignaling(), ROOM, "publisher")
                     : SfuPage.join(server.http(), ROOM, "publisher")) {
            for (int i = 1; i <= joins; i++) {
                String name = "joiner-" + i;
                Map<String, Double> run = joinOnce(mesh
                        ? pages.uri("/mesh.html?signal=" + server.meshSignaling() + "&room=" + ROOM + "&peer=" + name)
                        : server.http().resolve("/?room=" + ROOM + "&name=" + name), name);
                System.out.println("FIRST FRAME join " + i + ": " + run);
                runs.add(run);
                Poll.pause(BETWEEN_JOINS);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        System.out.println("FIRST FRAME via " + (mesh ? "/mesh, peer to peer" : "the SFU"));
        printSummary(runs);
    }

    private static Map<String, Double> joinOnce(URI page, String name) {
        try (ChromiumBrowser browser = ChromiumBrowser.launch(name)) {
            browser.runBeforePageScripts(PageProbe.load("/e2e/join-timeline.js"));
            browser.open(page);
            Poll.until(name + "'s first decoded remote frame", FIRST_FRAME_TIMEOUT,
                    () -> browser.script("""
                            const t = window.switchyardJoinTimeline;
                            return t.connections.some((c) => c.framesDecoded !== undefined);"""),
                    Boolean.TRUE::equals, String::valueOf);
            // The demo page also reports when the frame was painted; the mesh client does not.
            Poll.until(name + "'s first rendered remote frame", FIRST_FRAME_TIMEOUT,
                    () -> browser.script("return !window.switchyardMetrics"
                            + " || window.switchyardMetrics.firstRemoteFrameAt != null"),
                    Boolean.TRUE::equals, String::valueOf);
            return steps(browser);
        }
    }

    /** Milliseconds since the page started loading, per step, of the connection that received video. */
    private static Map<String, Double> steps(ChromiumBrowser browser) {
        Map<?, ?> timeline = (Map<?, ?>) browser.script("""
                const t = window.switchyardJoinTimeline;
                const receiving = t.connections.find((c) => c.framesDecoded !== undefined) || {};
                return Object.assign({ rendered: window.switchyardMetrics?.firstRemoteFrameAt,
                    socketCreated: t.socketCreated, joined: t.messages.joined,
                    subscriberOffer: t.messages.subscriber_offer }, receiving);
                """);
        Map<String, Double> run = new LinkedHashMap<>();
        for (String step : STEPS.keySet()) {
            Object value = timeline.get(step);
            run.put(step, value instanceof Number number ? number.doubleValue() : Double.NaN);
        }
        return run;
    }

    private static void printSummary(List<Map<String, Double>> runs) {
        System.out.printf("FIRST FRAME %d joins; ms since the page started loading (p50 / p90), and the step's own "
                + "share (p50 / p90):%n", runs.size());
        String previous = null;
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            // A step the page never reached (the mesh client has no `joined` and paints no frame) is left out.
            if (runs.stream().allMatch(run -> run.get(step.getKey()).isNaN())) {
                continue;
            }
            double[] at = runs.stream().mapToDouble(run -> run.get(step.getKey())).toArray();
            String from = previous;
            double[] own = runs.stream()
                    .mapToDouble(run -> run.get(step.getKey()) - (from == null ? 0 : run.get(from)))
                    .toArray();
            System.out.printf("FIRST FRAME %-28s at %6.0f / %6.0f   step %6.0f / %6.0f%n", step.getValue(),
                    percentile(at, 50), percentile(at, 90), percentile(own, 50), percentile(own, 90));
            previous = step.getKey();
        }
    }

    private static double percentile(double[] values, int percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("socketCreated", "signaling: socket created");
        steps.put("joined", "signaling: joined");
        steps.put("created", "receiving connection created");
        steps.put("subscriberOffer", "signaling: subscriber offer");
        steps.put("localDescriptionSet", "answer set");
        steps.put("firstCandidate", "first local candidate");
        steps.put("iceChecking", "ICE checking");
        steps.put("iceConnected", "ICE connected");
        steps.put("dtlsConnected", "DTLS connected");
        steps.put("firstPacket", "first RTP");
        steps.put("firstFrameComplete", "first keyframe complete");
        steps.put("framesDecoded", "first frame decoded");
        steps.put("rendered", "first frame rendered");
        return steps;
    }
}
