package dev.switchyard.server.e2e;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 5 % random loss on one publisher's uplink only (its media to the server's port) for 30 s: the server's own
 * NACKs must get back at least 90 % of the packets its streams missed, by its counters, and the other page's
 * video of that publisher must freeze less than 1 s. The NACKs are paced by the round trip the server measures
 * from the browsers' answers to its reference times.
 */
class UplinkLossE2eTest {

    private static final double LOSS = 0.05;
    private static final Duration WINDOW = Duration.ofSeconds(30);
    private static final Duration WARM_UP = Duration.ofSeconds(5);

    @Test
    void theServersNacksRecoverWhatOnePublishersUplinkLoses() throws Exception {
        try (E2eServer server = E2eServer.start();
             SfuPage ada = SfuPage.join(server.http(), "e2e-uplink-loss", "ada");
             SfuPage grace = SfuPage.join(server.http(), "e2e-uplink-loss", "grace")) {
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(List.of(ada, grace)));
            int adaUplink = ada.publisherLocalPort();
            Thread.sleep(WARM_UP.toMillis());
            VideoReceiveState graceBefore = grace.videoReceiveState();
            JsonNode before = server.health();
            try (RandomLoss loss = RandomLoss.onUplink(adaUplink, server.mediaPort(), LOSS)) {
                Thread.sleep(WINDOW.toMillis());
            }
            // Let the last requests of the window come back before reading the counters.
            Thread.sleep(1000);
            JsonNode after = server.health();
            VideoReceiveState grace30s = grace.videoReceiveState().since(graceBefore);
            long missing = delta(before, after, "packetsMissingFromPublishers");
            long recovered = delta(before, after, "retransmissionsFromPublishers");
            long nacks = delta(before, after, "nacksSentToPublishers");
            long roundTrips = after.get("publisherRoundTripsMeasured").asLong();
            double share = missing == 0 ? 0 : (double) recovered / missing;
            System.out.printf("5 %% loss on ada's uplink (port %d), %d s: the server missed %d packets, sent %d"
                            + " NACK requests (paced by %d round trips measured), got %d back (%.1f %%); grace saw"
                            + " ada's video as %s%n", adaUplink, WINDOW.toSeconds(), missing, nacks, roundTrips,
                    recovered, 100 * share, grace30s);
            assertTrue(roundTrips > 0, "the publishers answered the server's reference times (XR DLRR)");
            assertTrue(missing > 0, "the loss reached the server's streams");
            assertTrue(share >= 0.9, () -> "recovered " + recovered + " of " + missing + " missing packets");
            assertTrue(grace30s.totalFreezesDuration() < 1.0,
                    () -> "grace's video froze " + grace30s.totalFreezesDuration() + " s");
        }
    }

    private static long delta(JsonNode before, JsonNode after, String counter) {
        return after.get(counter).asLong() - before.get(counter).asLong();
    }
}
