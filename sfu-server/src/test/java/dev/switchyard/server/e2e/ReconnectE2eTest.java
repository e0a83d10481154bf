package dev.switchyard.server.e2e;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Demo pages in Chromium keep their call when the signaling connection goes: a page whose TCP connection to the
 * server is cut resumes its participant without the others seeing it leave, and pages whose server process gets
 * SIGTERM (it drains, telling them why) come back by themselves to its successor on the same ports.
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
    void onSigtermPagesHearWhyAndComeBackToTheServersSuccessorByThemselves() throws Exception {
        String room = "e2e-restart";
        int httpPort = freePort();
        int mediaPort = freeUdpPort();
        List<String> options = List.of("--http-port", Integer.toString(httpPort), "--media-port",
                Integer.toString(mediaPort), "--drain-seconds", "2", "--media-workers", "1");
        ServerProcess first = ServerProcess.start("restart-first", options);
        try (SfuPage ada = SfuPage.join(first.page(), room, "ada");
             SfuPage grace = SfuPage.join(first.page(), room, "grace");
             SfuPage linus = SfuPage.join(first.page(), room, "linus")) {
            List<SfuPage> call = List.of(ada, grace, linus);
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(call));
            long sigterm = System.nanoTime();
            int exit = first.terminate(Duration.ofSeconds(30));
            System.out.printf("E2E the first server exited with %d, %.1f s after SIGTERM (drain: 2 s)%n", exit,
                    (System.nanoTime() - sigterm) / 1e9);
            try (ServerProcess successor = ServerProcess.start("restart-successor", options)) {
                for (SfuPage each : call) {
                    String journal = Poll.until(each + "'s session to rejoin the successor", RECOVERY,
                            each::journal, events -> events.contains(" rejoined "), String::valueOf);
                    assertTrue(journal.contains("servershutdown") && journal.contains("the server is restarting"),
                            each + " showed why: " + journal);
                }
                MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthersNow(call));
                System.out.println("E2E all three pages decode each other again on the successor");
            }
        } finally {
            first.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
