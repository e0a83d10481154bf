package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchyard.conference.MediaSettings;
import dev.switchyard.server.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's congestion feedback (transport-cc) lets a browser publisher's own estimator ramp up on an
 * unlimited path: without feedback Chromium stays at its 300 kbit/s start estimate and scales its camera down.
 * Two Chromium demo pages in one room; each publisher must reach a target of 1.5 Mbit/s with its quality limited
 * by nothing and send the full 1280x720 it captures. The figures are printed.
 */
class PublisherBandwidthE2eTest {

    private static final String ROOM = "e2e-bandwidth";
    private static final double TARGET_BITRATE = 1_500_000;
    /** Chromium's start estimate: an estimate above it shows that feedback arrived. */
    private static final double START_ESTIMATE = 300_000;
    /**
     * The goal is 20 s from the call's start; the deadline is wider so that a loaded CI machine only
     * delays the ramp it measures (a slow one reached 1.42 of the 1.5 Mbit/s in 45 s, limited by nothing). The
     * elapsed time is printed.
     */
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void eachPublisherRampsUpToTheFullCameraResolution() throws InterruptedException {
        try (E2eServer server = E2eServer.start();
             SfuPage ada = SfuPage.join(server.http(), ROOM, "ada");
             SfuPage grace = SfuPage.join(server.http(), ROOM, "grace")) {
            List<SfuPage> publishers = List.of(ada, grace);
            Map<SfuPage, Double> rampedAfter = new LinkedHashMap<>();
            Map<SfuPage, PublisherSendState> last = new LinkedHashMap<>();
            long start = System.nanoTime();
            while (rampedAfter.size() < publishers.size() && System.nanoTime() - start < DEADLINE.toNanos()) {
                double seconds = (System.nanoTime() - start) / 1e9;
                for (SfuPage page : publishers) {
                    PublisherSendState state = page.publisherSendState();
                    last.put(page, state);
                    System.out.printf("%5.1f s %s: %s%n", seconds, page, state);
                    if (!rampedAfter.containsKey(page) && rampedUp(state)) {
                        rampedAfter.put(page, seconds);
                    }
                }
                Thread.sleep(2000);
            }
            rampedAfter.forEach((page, seconds) -> System.out.printf("%s ramped up after %.1f s%n", page, seconds));
            for (SfuPage page : publishers) {
                assertTrue(rampedAfter.containsKey(page), () -> page + " did not ramp up within " + DEADLINE
                        + "; last: " + last.get(page));
            }
        }
    }

    /**
     * Firefox's getStats reports neither a target bitrate nor a quality limitation. So: its camera must be sent at
     * the full 1280x720, and its estimate shows in what it sends once the camera is replaced by incompressible
     * noise, which its encoder sends at whatever target the estimate allows. (Noise keeps the encoder's quantizer
     * at its maximum, so Firefox's quality scaler lowers the resolution of the noise: only the camera's counts.)
     * Measured here: 1.6 Mbit/s after 4 s; with the server's transport-cc feedback switched off by hand, Firefox
     * sank to 160 kbit/s within 16 s and stayed there.
     */
    @Test
    void aFirefoxPublisherSendsItsFullCameraAndRampsUpToACameraRate() throws InterruptedException {
        try (E2eServer server = E2eServer.start();
             SfuPage firefox = SfuPage.joinWithFirefox(server.http(), ROOM + "-firefox", "firefox")) {
            PublisherSendState camera = Poll.until(firefox + " to send its camera at 1280x720", MediaCheck.SETTLE,
                    firefox::publisherSendState, state -> state.frameWidth() >= 1280, Object::toString);
            System.out.printf("%s sends its camera at %dx%d%n", firefox, camera.frameWidth(), camera.frameHeight());
            firefox.publishNoiseInsteadOfCamera();
            long start = System.nanoTime();
            long sampledAt = start;
            PublisherSendState previous = firefox.publisherSendState();
            double rampedAfter = -1;
            double sent = 0;
            while (rampedAfter < 0 && System.nanoTime() - start < DEADLINE.toNanos()) {
                Thread.sleep(2000);
                PublisherSendState state = firefox.publisherSendState();
                long now = System.nanoTime();
                sent = state.sentBitrateSince(previous, (now - sampledAt) / 1e9);
                double seconds = (now - start) / 1e9;
                System.out.printf("%5.1f s %s: sending %.0f kbit/s, %dx%d%n", seconds, firefox, sent / 1000,
                        state.frameWidth(), state.frameHeight());
                if (sent >= TARGET_BITRATE) {
                    rampedAfter = seconds;
                }
                previous = state;
                sampledAt = now;
            }
            System.out.printf("%s ramped up after %.1f s%n", firefox, rampedAfter);
            double last = sent;
            assertTrue(rampedAfter >= 0, () -> firefox + " sent " + last / 1000 + " kbit/s after " + DEADLINE);
        }
    }

    @Test
    void aConfiguredVideoCapHoldsThePublishersTarget() throws InterruptedException {
        long cap = 400_000;
        ServerConfig defaults = ServerConfig.DEFAULTS;
        ServerConfig capped = defaults.withMedia(new MediaSettings(defaults.media().retransmission(),
                defaults.media().retransmissionBitsPerSecond(), cap, defaults.media().startVideoBitsPerSecond()));
        try (E2eServer server = E2eServer.start(capped);
             SfuPage ada = SfuPage.join(server.http(), ROOM + "-capped", "ada");
             SfuPage grace = SfuPage.join(server.http(), ROOM + "-capped", "grace")) {
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(List.of(ada, grace)));
            double highest = 0;
            for (int sample = 0; sample < 10; sample++) {
                Thread.sleep(2000);
                PublisherSendState state = ada.publisherSendState();
                System.out.printf("capped at %d bit/s, %s: %s%n", cap, ada, state);
                highest = Math.max(highest, state.targetBitrate());
            }
            double peak = highest;
            assertTrue(peak > 0 && peak <= cap, () -> "ada's video target peaked at " + peak + " bit/s");
        }
    }

    private static boolean rampedUp(PublisherSendState state) {
        return state.targetBitrate() >= TARGET_BITRATE && state.availableOutgoingBitrate() > START_ESTIMATE
                && "none".equals(state.qualityLimitationReason()) && state.frameWidth() >= 1280;
    }
}
