package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.switchyard.server.ServerConfig;
import dev.switchyard.server.SwitchyardServer;

/** A short meeting against a server in this JVM, over real signaling, ICE, DTLS and SRTP on loopback. */
class LoadGeneratorSmokeTest {

    private static final int PARTICIPANTS = 3;

    @Test
    void aThreeParticipantMeetingDeliversEveryStreamToEveryoneAndLeavesAnEmptyServer() throws Exception {
        try (SwitchyardServer server = SwitchyardServer.start(ServerConfig.DEFAULTS.withEphemeralPorts())) {
            URI url = URI.create("ws://127.0.0.1:" + server.httpPort() + "/ws");
            // The server shares this JVM, so its CPU figures include the load generator's: only checked to exist.
            LoadOptions options = new LoadOptions(url, Topology.MEETING, PARTICIPANTS, Duration.ofSeconds(5), 300,
                    OptionalLong.of(ProcessHandle.current().pid()), Optional.empty(), Duration.ZERO,
                    false, Duration.ofSeconds(2));

            LoadReport report = LoadRun.execute(options);

            String table = report.table();
            System.out.print(table);
            assertEquals(List.of(), report.errors(), table);
            long streams = (long) PARTICIPANTS * (PARTICIPANTS - 1) * 2;
            assertEquals(streams, report.expectedStreams(), table);
            assertEquals(streams, report.receivedStreams(),
                    () -> "every audio and video stream of every other participant\n" + table);
            assertTrue(report.expectedPackets() > 0, table);
            assertTrue(report.lossPercent() < 5, table);
            assertTrue(report.deliveredPacketsPerSecond() > 0, table);
            assertTrue(report.latencyMicros().count() > 0, table);
            assertEquals(PARTICIPANTS, report.joinMillis().count(), table);
            assertEquals(PARTICIPANTS, report.firstMediaMillis().count(), table);
            assertNotNull(report.server(), table);
            assertTrue(report.server().rssBytes() > 0, table);
            assertTrue(report.server().cpuSeconds() >= 0, table);
            assertEquals(0, awaitEmpty(server), "every participant left");
            assertFootprintFromIdleToAfterLeave(report.footprint(), table);
        }
    }

    /**
     * The server shares this JVM, so its threads and heap include the load generator's and are only checked to
     * be there; the collections before the idle and after-leave samples are this JVM's own.
     */
    private static void assertFootprintFromIdleToAfterLeave(ServerFootprint footprint, String table) {
        assertTrue(table.contains("server heap used       idle "), table);
        assertTrue(table.contains("returned to idle"), table);
        assertTrue(footprint.heapCollected(), table);
        assertEquals(List.of(), footprint.notes(), table);
        assertTrue(footprint.window().size() >= 2, "a sample at each end of the window\n" + table);
        for (FootprintSample sample : List.of(footprint.idle(), footprint.afterLeave())) {
            assertTrue(sample.heapUsedBytes() > 0, table);
            assertTrue(sample.heapCommittedBytes() >= sample.heapUsedBytes(), table);
            assertTrue(sample.threads() > 0, table);
            assertTrue(sample.openFileDescriptors() > 0, table);
            assertTrue(sample.rssBytes() > 0, table);
        }
        assertEquals(0, footprint.idle().participants(), table);
        assertEquals(PARTICIPANTS, footprint.window().get(0).participants(), table);
        assertEquals(0, footprint.afterLeave().participants(), table);
        assertTrue(footprint.afterLeave().atSeconds() > footprint.idle().atSeconds(), table);
    }

    /** Leaving is acknowledged by the server closing the socket; the room drops the participant just before. */
    private static int awaitEmpty(SwitchyardServer server) throws InterruptedException {
        for (int i = 0; i < 100 && server.roomManager().participantCount() > 0; i++) {
            Thread.sleep(50);
        }
        return server.roomManager().participantCount();
    }
}
