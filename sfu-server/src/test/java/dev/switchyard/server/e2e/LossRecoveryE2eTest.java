package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.switchyard.conference.MediaSettings;
import dev.switchyard.server.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two Chromium demo pages with 2 % random loss on every UDP hop to and from the media port for 30 s: with
 * retransmission on, subscribers' video must freeze less than 1 s in all, the browsers must have sent NACKs and
 * the server must have retransmitted. The same call with retransmission switched off is measured too and printed
 * beside it, as the issue asks; only the first run is asserted.
 */
class LossRecoveryE2eTest {

    private static final double LOSS = 0.02;
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    @Test
    void retransmissionKeepsVideoFlowingThroughTwoPercentLoss() throws Exception {
        Result on = measure(ServerConfig.DEFAULTS, "retransmission on");
        Result off = measure(withRetransmission(false), "retransmission off");
        System.out.printf("2 %% loss each hop, %d s: on: frozen %.2f s, %d NACKs, %d retransmitted by the server;"
                        + " off: frozen %.2f s, %d NACKs, %d retransmitted%n", WINDOW.toSeconds(),
                on.frozenSeconds, on.nacks, on.retransmitted, off.frozenSeconds, off.nacks, off.retransmitted);
        assertTrue(on.frozenSeconds < 1.0, () -> "subscribers froze " + on.frozenSeconds + " s");
        assertTrue(on.nacks > 0, "the browsers sent NACKs");
        assertTrue(on.retransmitted > 0, "the server retransmitted");
    }

    private static ServerConfig withRetransmission(boolean retransmission) {
        ServerConfig defaults = ServerConfig.DEFAULTS;
        return defaults.withMedia(new MediaSettings(retransmission, defaults.media().retransmissionBitsPerSecond(),
                defaults.media().maxVideoBitsPerSecond(), defaults.media().startVideoBitsPerSecond()));
    }

    private record Result(double frozenSeconds, long nacks, long retransmitted) {
    }

    private static Result measure(ServerConfig config, String label) throws Exception {
        String room = "e2e-loss-" + (config.media().retransmission() ? "on" : "off");
        try (E2eServer server = E2eServer.start(config);
             SfuPage ada = SfuPage.join(server.http(), room, "ada");
             SfuPage grace = SfuPage.join(server.http(), room, "grace")) {
            List<SfuPage> pages = List.of(ada, grace);
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(pages));
            Thread.sleep(WARM_UP.toMillis());
            List<VideoReceiveState> before = pages.stream().map(SfuPage::videoReceiveState).toList();
            long retransmittedBefore = retransmitted(server);
            try (RandomLoss loss = RandomLoss.onPort(server.mediaPort(), LOSS)) {
                Thread.sleep(WINDOW.toMillis());
            }
            double frozen = 0;
            long nacks = 0;
            for (int i = 0; i < pages.size(); i++) {
                VideoReceiveState window = pages.get(i).videoReceiveState().since(before.get(i));
                System.out.printf("%s, %s: %s%n", label, pages.get(i), window);
                frozen += window.totalFreezesDuration();
                nacks += window.nackCount();
            }
            System.out.printf("%s, server: %s%n", label, server.health());
            return new Result(frozen, nacks, retransmitted(server) - retransmittedBefore);
        }
    }

    private static long retransmitted(E2eServer server) throws Exception {
        JsonNode health = server.health();
        return health.get("packetsRetransmitted").asLong();
    }
}
