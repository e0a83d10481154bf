package dev.switchyard.server.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.switchyard.server.Secret;
import dev.switchyard.server.ServerConfig;
import dev.switchyard.signaling.auth.AccessToken;
import dev.switchyard.signaling.auth.AccessTokens;
import dev.switchyard.signaling.auth.Grants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's view of a call between two Chromium demo pages on a server with tokens and an admin key:
 * {@code /metrics} shows the call's packets rising, {@code /health} tells outsiders only that the server is alive,
 * and the admin API removes a participant, whose page shows why while the other page sees it leave.
 */
class OperationsE2eTest {

    private static final String ROOM = "e2e-operations";
    private static final Secret TOKEN_KEY = new Secret("operations e2e token key, 32 b!!");
    private static final String ADMIN_KEY = "operations e2e admin key";
    private static final Pattern RECEIVED = Pattern.compile(
            "(?m)^switchyard_media_datagrams_received_total(?:\\{[^}]*\\})? ([0-9.eE+]+)$");

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(URI uri, String adminKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (adminKey != null) {
            request.header("Authorization", "Bearer " + adminKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double datagramsReceived(URI metrics) throws Exception {
        HttpResponse<String> scrape = get(metrics, ADMIN_KEY);
        assertEquals(200, scrape.statusCode());
        Matcher value = RECEIVED.matcher(scrape.body());
        assertTrue(value.find(), () -> "no datagram counter in " + scrape.body());
        return Double.parseDouble(value.group(1));
    }

    @Test
    void metricsRiseDuringACallHealthSaysLittleAndTheAdminRemovesAParticipant() throws Exception {
        ServerConfig config = ServerConfig.DEFAULTS.withTokenKey(TOKEN_KEY).withAdminKey(new Secret(ADMIN_KEY));
        AccessTokens tokens = new AccessTokens(TOKEN_KEY.bytes(), Clock.systemUTC());
        Instant expiry = Instant.now().plus(Duration.ofHours(1));
        try (E2eServer server = E2eServer.start(config);
             SfuPage ada = SfuPage.joinWithToken(server.http(), ROOM, "ada", tokens.mint(new AccessToken("ada",
                     "Ada", ROOM, Grants.PARTICIPANT, Instant.now(), expiry)));
             SfuPage grace = SfuPage.joinWithToken(server.http(), ROOM, "grace", tokens.mint(new AccessToken(
                     "grace", "Grace", ROOM, Grants.PARTICIPANT, Instant.now(), expiry)))) {
            MediaCheck.assertFlowing(SfuPage.cameraAndMicrophoneOfOthers(List.of(ada, grace)));

            URI metrics = server.http().resolve("/metrics");
            assertEquals(401, get(metrics, null).statusCode(), "metrics need the admin key");
            double before = datagramsReceived(metrics);
            Thread.sleep(3000);
            double after = datagramsReceived(metrics);
            System.out.printf("E2E /metrics: %.0f datagrams received, %.0f three seconds later%n", before, after);
            assertTrue(after > before + 100, "the call's packets rise: " + before + " -> " + after);
            String scrape = get(metrics, ADMIN_KEY).body();
            assertTrue(scrape.contains("switchyard_participants 2.0") && scrape.contains("jvm_memory_used_bytes"),
                    "participants and JVM figures are exposed");

            String health = get(server.http().resolve("/health"), null).body();
            assertEquals("{\"status\":\"ok\"}", health, "outsiders learn only that the server is alive");

            String rooms = get(server.http().resolve("/admin/rooms"), ADMIN_KEY).body();
            assertTrue(rooms.contains("\"name\":\"Grace\""), rooms);
            HttpResponse<String> removal = http.send(HttpRequest.newBuilder(server.http().resolve(
                            "/admin/rooms/" + ROOM + "/participants/" + grace.participantId() + "/remove"))
                    .header("Authorization", "Bearer " + ADMIN_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"the meeting is over for you\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(204, removal.statusCode());
            String shown = Poll.until("grace's page to show why she left", Duration.ofSeconds(10),
                    () -> (String) grace.session().get("leftReason"), reason -> !reason.isEmpty(), String::valueOf);
            System.out.printf("E2E removed page shows: \"%s\"%n", shown);
            assertTrue(shown.contains("the meeting is over for you"), shown);
            Poll.until("ada to see grace leave", Duration.ofSeconds(10), ada::knownParticipants, List::isEmpty,
                    Object::toString);
            assertFalse(get(server.http().resolve("/admin/rooms"), ADMIN_KEY).body().contains("Grace"));
        }
    }
}
