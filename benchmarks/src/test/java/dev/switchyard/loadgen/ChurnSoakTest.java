package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.switchyard.server.ServerConfig;
import dev.switchyard.server.SwitchyardServer;

/**
 * 20 s of warm-up and a minute of participants joining, publishing, receiving and leaving against a server in
 * this JVM, over real signaling, ICE, DTLS and SRTP (RESULTS.md has the 30-minute run against a server of its
 * own). The server shares this JVM with the load generator, whose own transport threads come and go with each
 * run, so threads and heap are left to that run; what must come back here is the server's own state and every
 * descriptor.
 */
class ChurnSoakTest {

    private static final int SLOTS = 3;

    @Test
    void participantsComingAndGoingForOverAMinuteLeaveNoParticipantSessionOrDescriptorBehind() throws Exception {
        try (SwitchyardServer server = SwitchyardServer.start(ServerConfig.DEFAULTS.withEphemeralPorts())) {
            URI url = URI.create("ws://127.0.0.1:" + server.httpPort() + "/ws");
            // The first rounds grow both sides' thread pools and caches to their working size.
            ChurnReport warmUp = ChurnRun.execute(options(url, Duration.ofSeconds(20)));
            System.out.print(warmUp.table());
            Map<Integer, String> serverPorts = Map.of(server.httpPort(), "http", server.mediaPort(), "media");
            String descriptorsBefore = DescriptorCensus.describe(serverPorts);
            ChurnReport report = ChurnRun.execute(options(url, Duration.ofSeconds(60)));
            String table = report.table();
            System.out.print(table);

            assertEquals(0, warmUp.failedRounds() + report.failedRounds(), table);
            assertTrue(report.rounds() >= SLOTS * 10, "each slot joined and left again and again\n" + table);
            FootprintSample idle = report.footprint().idle();
            FootprintSample afterLeave = report.footprint().afterLeave();
            assertEquals(0, afterLeave.participants(), table);
            assertEquals(0, afterLeave.iceSessions(), "every ICE session closed\n" + table);
            assertEquals(0, server.roomManager().roomCount(), table);
            assertTrue(idle.openFileDescriptors() > 0, table);
            assertTrue(afterLeave.openFileDescriptors() <= idle.openFileDescriptors(),
                    () -> "descriptors back at the idle figure\n" + table + "before the run, " + descriptorsBefore
                            + "after it, " + DescriptorCensus.describe(serverPorts));
        }
    }

    private static LoadOptions options(URI url, Duration duration) {
        return new LoadOptions(url, Topology.CHURN, SLOTS, duration, 300,
                OptionalLong.of(ProcessHandle.current().pid()), Optional.empty(), Duration.ZERO, false,
                Duration.ofSeconds(20));
    }
}
