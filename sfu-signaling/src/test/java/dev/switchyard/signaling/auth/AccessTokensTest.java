package dev.switchyard.signaling.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchyard.conference.TrackSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccessTokensTest {

    static final byte[] KEY = "a test key of thirty-two bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private final AccessTokens tokens = new AccessTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    private static AccessToken token(Instant notBefore, Instant expiry) {
        return new AccessToken("ada", "Ada L.", "standup", Grants.PARTICIPANT, notBefore, expiry);
    }

    @Test
    void aMintedTokenVerifiesWithItsClaims() throws InvalidTokenException {
        Grants watcher = new Grants(Set.of(), true, false, false);
        AccessToken minted = new AccessToken("grace", null, "standup", watcher, NOW, NOW.plusSeconds(600));
        AccessToken verified = tokens.verify(tokens.mint(minted));
        assertEquals("grace", verified.identity());
        assertNull(verified.name());
        assertEquals("standup", verified.room());
        assertEquals(watcher, verified.grants());
        assertFalse(verified.grants().mayPublish());
        assertEquals(NOW.plusSeconds(600), verified.expiry());
    }

    @Test
    void expiredAndNotYetValidTokensAreRefusedBeyondTheClockSkew() throws InvalidTokenException {
        Duration skew = AccessTokens.CLOCK_SKEW;
        String expired = tokens.mint(token(NOW.minusSeconds(3600), NOW.minus(skew).minusSeconds(1)));
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify(expired)).getMessage()
                .startsWith("expired"));
        String early = tokens.mint(token(NOW.plus(skew).plusSeconds(1), NOW.plusSeconds(3600)));
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify(early)).getMessage()
                .startsWith("not valid before"));
        tokens.verify(tokens.mint(token(NOW.plus(skew).minusSeconds(1), NOW.plusSeconds(3600))));
    }

    @Test
    void aTokenSignedWithAnotherKeyOrTamperedWithIsRefused() {
        AccessTokens other = new AccessTokens("another key of thirty-two bytes!".getBytes(StandardCharsets.UTF_8),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String foreign = other.mint(token(NOW, NOW.plusSeconds(60)));
        assertEquals("bad signature",
                assertThrows(InvalidTokenException.class, () -> tokens.verify(foreign)).getMessage());

        String genuine = tokens.mint(token(NOW, NOW.plusSeconds(60)));
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"standup\"", "\"board00\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThrows(InvalidTokenException.class, () -> tokens.verify(tampered));
    }

    @Test
    void unsignedAndOtherAlgorithmsAreRefusedWhateverTheHeaderSays() {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"eve\",\"room\":\"standup\",\"exp\":" + NOW.plusSeconds(60).getEpochSecond() + "}")
                        .getBytes(StandardCharsets.UTF_8));
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".";
        assertThrows(InvalidTokenException.class, () -> tokens.verify(none));
        String hs512 = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8)) + "." + payload + ".c2ln";
        assertTrue(assertThrows(InvalidTokenException.class, () -> tokens.verify(hs512)).getMessage()
                .contains("only HS256"));
        assertThrows(InvalidTokenException.class, () -> tokens.verify("not a token"));
        assertThrows(InvalidTokenException.class, () -> tokens.verify(""));
    }

    @Test
    void grantListsAsTheTokenCommandTakesThem() {
        assertEquals(new Grants(EnumSet.allOf(TrackSource.class), true, true, false),
                AccessTokens.parseGrants("publish,subscribe,data"));
        assertEquals(new Grants(Set.of(TrackSource.CAMERA, TrackSource.MICROPHONE), false, false, true),
                AccessTokens.parseGrants(" camera, microphone ,admin"));
        assertEquals(new Grants(Set.of(), true, false, false), AccessTokens.parseGrants("subscribe"));
        assertThrows(IllegalArgumentException.class, () -> AccessTokens.parseGrants("publish,root"));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AccessTokens(new byte[31], Clock.systemUTC()));
    }
}
