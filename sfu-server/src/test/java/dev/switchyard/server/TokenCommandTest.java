package dev.switchyard.server;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchyard.conference.TrackSource;
import dev.switchyard.signaling.auth.AccessToken;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.InvalidTokenException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenCommandTest {

    private static final String KEY = "the server's key, 32 bytes long!";
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> environment, String... args) {
        return TokenCommand.run(List.of(args), environment, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void mintsATokenTheServerAcceptsWithTheGivenClaims() throws InvalidTokenException {
        assertEquals(0, run(Map.of("SWITCHYARD_TOKEN_KEY", KEY), "--room", "standup", "--identity", "ada",
                "--name", "Ada L.", "--ttl=2h", "--grants", "camera,microphone,subscribe"));
        AccessToken token = new AccessTokens(KEY.getBytes(StandardCharsets.UTF_8), CLOCK)
                .verify(out.toString(StandardCharsets.UTF_8).trim());
        assertEquals("ada", token.identity());
        assertEquals("Ada L.", token.name());
        assertEquals("standup", token.room());
        assertEquals(NOW.plus(Duration.ofHours(2)), token.expiry());
        assertEquals(Set.of(TrackSource.CAMERA, TrackSource.MICROPHONE), token.grants().publishSources());
        assertTrue(token.grants().subscribe());
    }

    @Test
    void theKeyMayComeFromTheServersOwnFlags() {
        assertEquals(0, run(Map.of(), "--token-key", KEY, "--room", "r", "--identity", "i"));
        assertEquals(3, out.toString(StandardCharsets.UTF_8).trim().split("\\.").length, "a compact JWS");
    }

    @Test
    void missingClaimsOrKeyAndBadValuesAreUsageErrors() {
        assertEquals(TokenCommand.EXIT_BAD_USAGE, run(Map.of(), "--room", "r", "--identity", "i"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no token key"));
        assertEquals(TokenCommand.EXIT_BAD_USAGE, run(Map.of("SWITCHYARD_TOKEN_KEY", KEY), "--room", "r"));
        assertEquals(TokenCommand.EXIT_BAD_USAGE,
                run(Map.of("SWITCHYARD_TOKEN_KEY", KEY), "--room", "r", "--identity", "i", "--ttl", "forever"));
        assertEquals(TokenCommand.EXIT_BAD_USAGE,
                run(Map.of("SWITCHYARD_TOKEN_KEY", KEY), "--room", "r", "--identity", "i", "--grants", "root"));
        assertEquals(TokenCommand.EXIT_BAD_USAGE,
                run(Map.of("SWITCHYARD_TOKEN_KEY", KEY), "--room", "no spaces", "--identity", "i"));
    }

    @Test
    void durationsInSecondsMinutesHoursAndDays() {
        assertEquals(Duration.ofSeconds(90), TokenCommand.duration("90"));
        assertEquals(Duration.ofMinutes(30), TokenCommand.duration("30m"));
        assertEquals(Duration.ofDays(2), TokenCommand.duration("2d"));
        assertThrows(IllegalArgumentException.class, () -> TokenCommand.duration("0s"));
        assertThrows(IllegalArgumentException.class, () -> TokenCommand.duration("400d"));
    }
}
