package dev.switchyard.server.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile and broken signaling next to a live call: each bad input gets the {@code error} code that
 * docs/PROTOCOL.md promises (or the promised close), and the two Chromium participants in the same room
 * keep decoding each other throughout.
 */
class SignalingAbuseE2eTest {

    private static final String ROOM = "e2e-abuse";
    /** Larger than the 256 KiB frame limit of docs/PROTOCOL.md. */
    private static final int ONE_MIB = 1 << 20;
    private static final int MESSAGE_TOO_BIG = 1009;

    private static E2eServer server;
    private static SfuPage ada;
    private static SfuPage grace;

    @BeforeAll
    static void startCall() {
        server = E2eServer.start();
        ada = SfuPage.join(server.http(), ROOM, "ada");
        grace = SfuPage.join(server.http(), ROOM, "grace");
    }

    @AfterAll
    static void endCall() {
        try {
            try {
                if (grace != null) {
                    grace.close();
                }
            } finally {
                if (ada != null) {
                    ada.close();
                }
            }
        } finally {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> callSurvivesBadSignaling() {
        Map<SfuPage, List<ExpectedTrack>> call = new LinkedHashMap<>();
        call.put(ada, ExpectedTrack.cameraAndMicrophoneOf(grace.participantId()));
        call.put(grace, ExpectedTrack.cameraAndMicrophoneOf(ada.participantId()));
        Map<MediaReceiver, List<RemoteTrack>> before = MediaCheck.awaitPlaying(call);
        long abuseStarted = System.nanoTime();
        return Stream.of(
                dynamicTest("malformed JSON gets bad_request and the connection stays usable", () -> {
                    try (SignalingClient client = connect()) {
                        client.send("{\"type\":\"join\",\"room\":");
                        client.expectError("bad_request");
                        join(client);
                    }
                }),
                dynamicTest("a JSON value that is not an object gets bad_request", () -> {
                    try (SignalingClient client = connect()) {
                        client.send("[\"join\"]");
                        client.expectError("bad_request");
                    }
                }),
                dynamicTest("a binary frame gets bad_request", () -> {
                    try (SignalingClient client = connect()) {
                        client.sendBinary(new byte[] {1, 2, 3});
                        client.expectError("bad_request");
                    }
                }),
                dynamicTest("a request before join gets not_joined", () -> {
                    try (SignalingClient client = connect()) {
                        client.send("{\"type\":\"subscribe\",\"trackIds\":[\"t-1\"]}");
                        client.expectError("not_joined");
                    }
                }),
                dynamicTest("a join without fields gets bad_request", () -> {
                    try (SignalingClient client = connect()) {
                        client.send("{\"type\":\"join\"}");
                        client.expectError("bad_request");
                    }
                }),
                dynamicTest("an invalid room id gets invalid_room", () -> {
                    try (SignalingClient client = connect()) {
                        client.send("{\"type\":\"join\",\"room\":\"../../etc\",\"name\":\"mallory\"}");
                        client.expectError("invalid_room");
                    }
                }),
                dynamicTest("joined: unknown type, missing and ill-typed fields, twice join", () -> {
                    try (SignalingClient client = connect()) {
                        join(client);
                        client.send("{\"type\":\"teleport\"}");
                        assertEquals("teleport", client.expectError("unknown_type").path("requestType").asText());
                        client.send("{\"type\":\"subscribe\"}");
                        client.expectError("bad_request");
                        client.send("{\"type\":\"subscribe\",\"trackIds\":\"t-1\"}");
                        client.expectError("bad_request");
                        client.send("{\"type\":\"publish\",\"tracks\":[{\"mid\":\"0\",\"source\":\"camera\"}]}");
                        client.expectError("bad_request");
                        client.send("{\"type\":\"join\",\"room\":\"" + ROOM + "\",\"name\":\"mallory\"}");
                        client.expectError("already_joined");
                        leaveCleanly(client);
                    }
                }),
                dynamicTest("garbage SDP gets bad_sdp", () -> {
                    try (SignalingClient client = connect()) {
                        join(client);
                        client.send("{\"type\":\"publish\",\"sdp\":\"this is not SDP\","
                                + "\"tracks\":[{\"mid\":\"0\",\"source\":\"camera\"}]}");
                        client.expectError("bad_sdp");
                        client.send("{\"type\":\"publish\",\"sdp\":\"v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\ns=-\\r\\n"
                                + "t=0 0\\r\\n\",\"tracks\":[{\"mid\":\"0\",\"source\":\"camera\"}]}");
                        client.expectError("bad_sdp");
                        client.send("{\"type\":\"subscriber_answer\",\"sdp\":\"\\u0000\\u0001garbage\"}");
                        client.expectError("bad_sdp");
                        leaveCleanly(client);
                    }
                }),
                dynamicTest("subscribing to a track that does not exist gets unknown_track", () -> {
                    try (SignalingClient client = connect()) {
                        join(client);
                        client.send("{\"type\":\"subscribe\",\"trackIds\":[\"no-such-track\"]}");
                        client.expectError("unknown_track");
                        leaveCleanly(client);
                    }
                }),
                dynamicTest("muting another participant's track gets unknown_track", () -> {
                    try (SignalingClient client = connect()) {
                        JsonNode joined = join(client);
                        String othersTrack = joined.path("participants").path(0).path("tracks").path(0)
                                .path("trackId").asText();
                        assertTrue(!othersTrack.isEmpty(), () -> "joined lists the call's tracks: " + joined);
                        client.send("{\"type\":\"mute\",\"trackId\":\"" + othersTrack + "\",\"muted\":true}");
                        client.expectError("unknown_track");
                        leaveCleanly(client);
                    }
                }),
                dynamicTest("a 1 MiB frame ends the connection (with 1009 when the close frame arrives)", () -> {
                    try (SignalingClient client = connect()) {
                        client.sendRefused("{\"type\":\"join\",\"room\":\"" + "x".repeat(ONE_MIB) + "\",\"name\":\"m\"}");
                        // The server closes while most of the frame is unread, so TCP may reset the connection
                        // before the client reads the close frame; a status that does arrive must be 1009.
                        client.awaitEnd().ifPresent(status -> assertEquals(MESSAGE_TOO_BIG, status));
                    }
                    try (SignalingClient next = connect()) {
                        join(next);
                    }
                }),
                dynamicTest("the call kept decoding through all of the above", () -> {
                    Poll.pause(MediaCheck.WINDOW.minusNanos(System.nanoTime() - abuseStarted));
                    MediaCheck.assertRisingSince(before, call);
                }));
    }

    private static SignalingClient connect() {
        return SignalingClient.connect(server.sfuSignaling());
    }

    /** Joins the call's room as a participant that publishes nothing. */
    private static JsonNode join(SignalingClient client) {
        client.send("{\"type\":\"join\",\"room\":\"" + ROOM + "\",\"name\":\"mallory\"}");
        JsonNode joined = client.expect("joined");
        assertEquals(ROOM, joined.path("room").asText());
        return joined;
    }

    /** The connection is still in order after the errors: {@code leave} is honoured with a normal close. */
    private static void leaveCleanly(SignalingClient client) {
        client.send("{\"type\":\"leave\"}");
        assertEquals(1000, client.awaitClose());
    }
}
