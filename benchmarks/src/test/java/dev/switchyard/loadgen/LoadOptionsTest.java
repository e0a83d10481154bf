package dev.switchyard.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void aWebinarCountsItsPublisherAmongTheParticipants() {
        LoadOptions options = LoadOptions.parse(new String[] {"--url", "ws://127.0.0.1:8091/ws",
                "--topology", "webinar", "--subscribers", "50", "--duration", "2m", "--video-kbps", "800",
                "--server-pid", "42", "--json", "out.json", "--warm-up", "15s", "--busy-poll", "true", "--settle", "90s"});
        assertEquals(Topology.WEBINAR, options.topology());
        assertEquals(51, options.participants());
        assertEquals(Duration.ofMinutes(2), options.duration());
        assertEquals(800, options.videoKilobitsPerSecond());
        assertEquals(OptionalLong.of(42), options.serverPid());
        assertEquals(Optional.of(Path.of("out.json")), options.json());
        assertEquals(Duration.ofSeconds(15), options.warmUp());
        assertTrue(options.busyPoll());
        assertEquals(Duration.ofSeconds(90), options.settle());
    }

    @Test
    void onlyLoopbackAddressesAreAccepted() {
        for (String url : new String[] {"ws://10.0.0.1:8080/ws", "ws://example.org/ws", "ws://[2001:db8::1]/ws",
                "wss://127.0.0.1/ws", "http://127.0.0.1/ws"}) {
            assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url", url,
                    "--topology", "meeting", "--participants", "3"}), url);
        }
        for (String url : new String[] {"ws://127.0.0.1:8080/ws", "ws://127.3.4.5:8080/ws", "ws://[::1]:8080/ws",
                "ws://localhost:8080/ws"}) {
            assertEquals(url, LoadOptions.parse(new String[] {"--url", url, "--topology", "meeting",
                    "--participants", "3"}).url().toString());
        }
    }

    @Test
    void runsAreBoundedInSizeAndTime() {
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url",
                "ws://127.0.0.1/ws", "--topology", "meeting", "--participants", "201"}));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url",
                "ws://127.0.0.1/ws", "--topology", "webinar", "--subscribers", "201"}));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url",
                "ws://127.0.0.1/ws", "--topology", "meeting", "--participants", "3", "--duration", "11m"}));
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url",
                "ws://127.0.0.1/ws", "--topology", "meeting", "--subscribers", "3"}));
        assertEquals(Duration.ofMinutes(30), LoadOptions.parse(new String[] {"--url", "ws://127.0.0.1/ws",
                "--topology", "churn", "--participants", "3", "--duration", "30m"}).duration(),
                "a churn soak may run for up to an hour");
        assertThrows(IllegalArgumentException.class, () -> LoadOptions.parse(new String[] {"--url",
                "ws://127.0.0.1/ws", "--topology", "churn", "--participants", "3", "--duration", "61m"}));
        assertEquals(Duration.ofSeconds(30), new LoadOptions(URI.create("ws://127.0.0.1/ws"),
                Topology.MEETING, 200, Duration.ofSeconds(30), 500, OptionalLong.empty(), Optional.empty(),
                LoadOptions.DEFAULT_WARM_UP, false, LoadOptions.DEFAULT_SETTLE).duration());
    }
}
