package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sender reports that follow the publisher's own clock through the rewritten timestamps let a subscriber line up
 * one participant's audio and video: 20 s into a call of two Chromium demo pages, each page's estimated playout
 * times of the other's audio and video (`estimatedPlayoutTimestamp`, from the SRs) must stay within 100 ms.
 */
class LipSyncE2eTest {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final double MAX_SKEW_MILLIS = 100;
    private static final int SAMPLES = 5;

    @Test
    void eachPageWouldPlayTheOthersAudioAndVideoWithin100Ms() throws Exception {
        try (E2eServer server = E2eServer.start();
             SfuPage ada = SfuPage.join(server.http(), "e2e-lip-sync", "ada");
             SfuPage grace = SfuPage.join(server.http(), "e2e-lip-sync", "grace")) {
            List<SfuPage> pages = List.of(ada, grace);
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(pages));
            Thread.sleep(SETTLE.toMillis());
            for (SfuPage page : pages) {
                List<Double> skews = new ArrayList<>();
                for (int i = 0; i < SAMPLES; i++) {
                    OptionalDouble skew = page.audioVideoPlayoutSkewMillis();
                    assertTrue(skew.isPresent(), () -> page + " knows no playout time for audio and video: no SRs?");
                    skews.add(skew.getAsDouble());
                    Thread.sleep(1000);
                }
                System.out.printf("%s: audio minus video playout, ms: %s%n", page, skews);
                for (double skew : skews) {
                    assertTrue(Math.abs(skew) <= MAX_SKEW_MILLIS, () -> page + " skew " + skews);
                }
            }
        }
    }
}
