package dev.switchyard.signaling.sfu;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TurnCredentialsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC);
    private final TurnCredentials turn = new TurnCredentials(List.of("turn:turn.example.org:3478"),
            "north-wind-shared-secret".getBytes(StandardCharsets.UTF_8), Duration.ofDays(1), CLOCK);

    @Test
    void theUserNameIsTheExpiryAndTheUserAndThePasswordItsHmac() {
        IceServer issued = turn.issue("ada");
        assertEquals(List.of("turn:turn.example.org:3478"), issued.urls());
        assertEquals("1796256000:ada", issued.username(), "a day after 2026-12-02T00:00Z");
        // echo -n "1796256000:ada" | openssl dgst -sha1 -hmac north-wind-shared-secret -binary | base64
        assertEquals("iddsoJGBX1Pp/bvJGrBzFl9bK3Y=", issued.credential());
    }

    @Test
    void sharedServersCarryNoCredentialsAndEachParticipantGetsItsOwn() {
        IceServer stun = new IceServer(List.of("stun:stun.example.org"), null, null);
        IceServers servers = new IceServers(List.of(stun), Optional.of(turn));
        assertEquals(stun, servers.forParticipant("ada").get(0));
        assertEquals("1796256000:grace", servers.forParticipant("grace").get(1).username());
        assertEquals(List.of(stun), new IceServers(List.of(stun), Optional.empty()).forParticipant("ada"));
        assertThrows(IllegalArgumentException.class, () -> new IceServers(
                List.of(new IceServer(List.of("turn:t.example.org"), "u", "p")), Optional.empty()));
    }
}
