package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.switchyard.transport.srtp.SrtpProfile;

/** Short runs at a low rate: the floor tool forwards every packet to every subscriber (speed is not checked). */
class LoopbackForwardingFloorTest {

    private static final int SUBSCRIBERS = 3;

    @ParameterizedTest
    @EnumSource(ReceiverArrangement.class)
    void everyPublishedPacketReachesEverySubscriber(ReceiverArrangement receivers) throws Exception {
        FloorOptions options = new FloorOptions(SUBSCRIBERS, 100, SrtpProfile.AEAD_AES_128_GCM, receivers,
                Duration.ofMillis(200), Duration.ofSeconds(1), Optional.empty());

        FloorReport report = FloorRun.execute(options);

        String table = report.table();
        System.out.print(table);
        assertEquals(List.of(), report.errors(), table);
        assertEquals(0, report.rejected(), table);
        assertTrue(report.published() > 50, table);
        long receivedByForwarder = report.published() - report.lostBeforeForwarder();
        assertEquals(SUBSCRIBERS * receivedByForwarder, report.forwarded(),
                () -> "one copy per subscriber of every packet the forwarder received\n" + table);
        assertTrue(report.forwardedInWindow() > 0 && report.forwardedInWindow() <= report.forwarded(), table);
        assertEquals(report.forwarded() - report.delivered(), report.lostAfterForwarder(), table);
        // Loopback drops a datagram only when a receiving socket's buffer is full, which 300 packets/s never fill.
        assertEquals(0, report.lostAfterForwarder(), table);
        assertTrue(report.forwarderMicrosPerPacket() > 0, table);
    }

    @Test
    void theCommandLineSetsEveryOptionAndRefusesUnboundedRuns() {
        FloorOptions options = FloorOptions.parse(new String[] {"--subscribers", "7", "--pps", "250",
            "--profile", "aead_aes_128_gcm", "--receivers", "selector", "--warm-up", "1s", "--duration", "2m",
            "--json", "out.json"});

        assertEquals(new FloorOptions(7, 250, SrtpProfile.AEAD_AES_128_GCM, ReceiverArrangement.SELECTOR,
                Duration.ofSeconds(1), Duration.ofMinutes(2), Optional.of(Path.of("out.json"))), options);
        assertEquals(new FloorOptions(50, 1000, SrtpProfile.AES128_CM_HMAC_SHA1_80, ReceiverArrangement.THREADS,
                Duration.ofSeconds(2), Duration.ofSeconds(10), Optional.empty()), FloorOptions.parse(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> FloorOptions.parse(new String[] {"--duration", "3m"}));
        assertThrows(IllegalArgumentException.class, () -> FloorOptions.parse(new String[] {"--subscribers", "0"}));
        assertThrows(IllegalArgumentException.class, () -> FloorOptions.parse(new String[] {"--pps"}));
    }
}
