package dev.switchyard.server.e2e;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.switchyard.server.Secret;
import dev.switchyard.server.ServerConfig;
import dev.switchyard.signaling.auth.AccessToken;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.Grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server with a token key, used from the demo page in Chromium: a page whose link carries a valid token joins
 * as the token's identity; a token without the publish grant watches the others but sends nothing; missing,
 * expired, wrong-room and tampered tokens are refused and the page says why.
 */
class AccessTokenE2eTest {

    private static final String ROOM = "e2e-tokens";
    private static final Secret KEY = new Secret("an e2e test key, thirty-two byte");

    private final AccessTokens tokens = new AccessTokens(KEY.bytes(), Clock.systemUTC());

    private String token(String identity, String room, Grants grants, Instant expiry) {
        return tokens.mint(new AccessToken(identity, identity.toUpperCase(), room, grants, Instant.now(), expiry));
    }

    @Test
    void aValidTokenJoinsAWatchOnlyTokenWatchesAndBadTokensAreRefused() {
        Instant inAnHour = Instant.now().plusSeconds(3600);
        try (E2eServer server = E2eServer.start(ServerConfig.DEFAULTS.withTokenKey(KEY))) {
            String valid = token("ada", ROOM, Grants.PARTICIPANT, inAnHour);
            Map<String, String> refused = Map.of(
                    "missing", SfuPage.refusedJoin(server.http(), ROOM, null),
                    "expired", SfuPage.refusedJoin(server.http(), ROOM,
                            token("ada", ROOM, Grants.PARTICIPANT, Instant.now().minusSeconds(3600))),
                    "wrong room", SfuPage.refusedJoin(server.http(), ROOM, token("ada", "elsewhere",
                            Grants.PARTICIPANT, inAnHour)),
                    "tampered", SfuPage.refusedJoin(server.http(), ROOM, valid.substring(0, valid.length() - 3)
                            + (valid.endsWith("AAA") ? "BBB" : "AAA")));
            refused.forEach((token, status) -> {
                System.out.printf("E2E %s token: the page says \"%s\"%n", token, status);
                assertTrue(status.contains("access token refused"), () -> token + ": " + status);
            });

            try (SfuPage ada = SfuPage.joinWithToken(server.http(), ROOM, "ada", valid);
                 SfuPage viewer = SfuPage.joinWithToken(server.http(), ROOM, "viewer",
                         token("viewer", ROOM, new Grants(Set.of(), true, false, false), inAnHour))) {
                assertEquals("ada", ada.session().get("identity"));
                assertNotEquals(Boolean.TRUE, ada.session().get("developmentMode"));
                MediaCheck.assertFlowing(Map.of(viewer, ExpectedTrack.cameraAndMicrophoneOf(ada.participantId())));
                assertEquals(0, ((Number) viewer.session().get("sendingTracks")).intValue(),
                        "the watch-only page publishes nothing");
                assertEquals(List.of(viewer.participantId()), ada.knownParticipants());
            }
        }
    }
}
