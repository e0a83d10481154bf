package dev.switchyard.conference;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.switchyard.transport.TransportContext;
import dev.switchyard.transport.ice.ServerIcePorts;
import dev.switchyard.transport.ice.TestIceSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests past a limit are refused with a clear reason and leave rooms and participants as they were. */
class RoomLimitsTest {

    private static ServerIcePorts ports;
    private static TransportContext context;

    @BeforeAll
    static void start() throws Exception {
        ports = ServerIcePorts.bind(TestIceSettings.SETTINGS, InetAddress.getLoopbackAddress(), 0, -1, null);
        context = new TransportContext(TransportContext.Settings.DEFAULTS.withIce(TestIceSettings.SETTINGS));
    }

    @AfterAll
    static void stop() {
        context.close();
        ports.close();
    }

    private static RoomManager roomManager(RoomLimits limits) {
        return new RoomManager(context, ports, MediaSettings.DEFAULTS, limits);
    }

    /** Chromium's offer that sends a microphone (mid 0) and a camera (mid 1). */
    private static String chromiumOffer() throws IOException {
        try (InputStream in = RoomLimitsTest.class.getResourceAsStream("/sdp/chromium-156/offer-sendonly.sdp")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFullRoomAndOneRoomTooManyAreRefused() throws Exception {
        try (RoomManager rooms = roomManager(new RoomLimits(2, 2, 16, 64))) {
            rooms.join("a", "Ada", new RecordingParticipantListener());
            rooms.join("a", "Grace", new RecordingParticipantListener());
            LimitExceededException full = assertThrows(LimitExceededException.class,
                    () -> rooms.join("a", "Alan", new RecordingParticipantListener()));
            assertTrue(full.getMessage().contains("room a is full: it holds at most 2 participants"),
                    full.getMessage());
            rooms.join("b", "Alan", new RecordingParticipantListener());
            LimitExceededException tooMany = assertThrows(LimitExceededException.class,
                    () -> rooms.join("c", "Edsger", new RecordingParticipantListener()));
            assertTrue(tooMany.getMessage().contains("at most 2 rooms"), tooMany.getMessage());
            assertEquals(3, rooms.participantCount());
            assertEquals(2, rooms.roomCount());
        }
    }

    @Test
    void anOfferWithTooManyTracksIsRefusedAndTheParticipantCanStillPublish() throws Exception {
        try (RoomManager rooms = roomManager(new RoomLimits(10, 10, 1, 64))) {
            Participant ada = rooms.join("r", "Ada", new RecordingParticipantListener());
            LimitExceededException refused = assertThrows(LimitExceededException.class, () -> ada.publish(
                    chromiumOffer(), Map.of("0", TrackSource.MICROPHONE, "1", TrackSource.CAMERA)));
            assertTrue(refused.getMessage().contains("at most 1 tracks at once; this offer sends 2"),
                    refused.getMessage());
            assertEquals(0, ada.otherParticipants().size());
            // The refused first offer left no half-made connection behind: the next one starts afresh.
            PublishedTracks published = ada.publish(withoutSendingAudio(chromiumOffer()),
                    Map.of("1", TrackSource.CAMERA));
            assertEquals(1, published.tracksByMid().size());
            assertTrue(published.tracksByMid().containsKey("1"));
        }
    }

    /** The offer with its audio m-line (the first) no longer sending. */
    private static String withoutSendingAudio(String offer) {
        return offer.replaceFirst("a=sendonly", "a=inactive");
    }

    @Test
    void anOfferWithTooManyMediaLinesOrWithoutSourcesChangesNothing() throws Exception {
        try (RoomManager rooms = roomManager(new RoomLimits(10, 10, 16, 1))) {
            Participant ada = rooms.join("r", "Ada", new RecordingParticipantListener());
            LimitExceededException refused = assertThrows(LimitExceededException.class, () -> ada.publish(
                    chromiumOffer(), Map.of("0", TrackSource.MICROPHONE, "1", TrackSource.CAMERA)));
            assertTrue(refused.getMessage().contains("at most 1 m-lines; this one has 2"), refused.getMessage());
        }
        try (RoomManager rooms = roomManager(RoomLimits.DEFAULTS)) {
            Participant ada = rooms.join("r", "Ada", new RecordingParticipantListener());
            assertThrows(NegotiationException.class, () -> ada.publish(chromiumOffer(),
                    Map.of("0", TrackSource.MICROPHONE)));
            PublishedTracks published = ada.publish(chromiumOffer(),
                    Map.of("0", TrackSource.MICROPHONE, "1", TrackSource.CAMERA));
            assertEquals(2, published.tracksByMid().size());
        }
    }
}
