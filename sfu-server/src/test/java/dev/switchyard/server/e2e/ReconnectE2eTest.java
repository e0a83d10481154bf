package dev.switchyard.server.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.switchyard.server.ServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo pages in Chromium keep their call when the signaling connection goes: a page whose TCP connection to the
 * server is cut resumes its participant without the others seeing it leave, and pages whose server restarts
 * (drained as on SIGTERM, a successor on the same ports) come back to it by themselves.
 */
class ReconnectE2eTest {

    private static final Duration RECOVERY = Duration.ofSeconds(30);

    @Test
    void aCutSignalingConnectionResumesAndTheOthersSeeNoLeave() throws Exception {
        String room = "e2e-resume";
        try (E2eServer server = E2eServer.start();
             DroppableTcpProxy proxy = new DroppableTcpProxy(server.http().getPort());
             SfuPage ada = SfuPage.join(URI.create("http://127.0.0.1:" + proxy.port() + "/"), room, "ada");
             SfuPage grace = SfuPage.join(server.http(), room, "grace")) {
            List<SfuPage> call = List.of(ada, grace);
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(call));
            grace.watchDeparture(ada.participantId());

            proxy.dropAll();
            String journal = Poll.until("ada's page to resume", RECOVERY, ada::journal,
                    events -> events.contains(" reconnected "), String::valueOf);
            System.out.println("E2E ada's page after the cut:\n" + journal.lines()
                    .filter(line -> line.contains("reconnect")).reduce("", (a, b) -> a + "  " + b + "\n"));
            assertEquals(ada.participantId(), ada.currentParticipantId(), "the same participant");
            assertTrue(grace.departureSeenAt(Duration.ofSeconds(1)).isEmpty(), "grace never saw ada leave");
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(call));
        }
    }

    @Test
    void pagesComeBackToARestartedServerByThemselves() throws Exception {
        String room = "e2e-restart";
        ServerConfig config = ServerConfig.DEFAULTS.withResumeAndDrain(Duration.ofSeconds(20), Duration.ofSeconds(2));
        E2eServer first = E2eServer.start(config);
        URI page = first.http();
        ServerConfig samePorts = config.withPorts(first.http().getPort(), first.mediaPort());
        try (SfuPage ada = SfuPage.join(page, room, "ada");
             SfuPage grace = SfuPage.join(page, room, "grace");
             SfuPage linus = SfuPage.join(page, room, "linus")) {
            List<SfuPage> call = List.of(ada, grace, linus);
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(call));
            Map<SfuPage, String> before = new HashMap<>();
            call.forEach(p -> before.put(p, p.currentParticipantId()));

            first.drainAndClose();
            try (E2eServer successor = E2eServer.startOnPorts(samePorts)) {
                for (SfuPage each : call) {
                    String journal = Poll.until(each + " to rejoin the restarted server", RECOVERY,
                            () -> each.currentParticipantId() != null
                                    && !each.currentParticipantId().equals(before.get(each)) ? each.journal() : null,
                            events -> events != null, String::valueOf);
                    assertTrue(journal.contains("servershutdown") && journal.contains("the server is restarting"),
                            each + " showed why: " + journal);
                    assertNotEquals(before.get(each), each.currentParticipantId());
                }
                MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthersNow(call));
                System.out.println("E2E all three pages decode each other again after the restart");
            }
        }
    }
}
