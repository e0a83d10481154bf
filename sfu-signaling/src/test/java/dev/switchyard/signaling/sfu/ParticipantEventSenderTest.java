package dev.switchyard.signaling.sfu;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

import dev.switchyard.conference.MediaKind;
import dev.switchyard.conference.OfferedTrack;
import dev.switchyard.conference.ParticipantInfo;
import dev.switchyard.conference.TrackInfo;
import dev.switchyard.conference.TrackSource;
import dev.switchyard.signaling.SessionChannel;
import dev.switchyard.signaling.testing.TestSocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class ParticipantEventSenderTest {

    private static final TrackInfo SCREEN =
            new TrackInfo("t-5", "p-3", MediaKind.VIDEO, TrackSource.SCREEN, true);

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final ParticipantEventSender sender = new ParticipantEventSender(new SessionChannel(channel));

    /** The next message once the presence batch window has passed. */
    private JsonNode sent() {
        channel.runPendingTasks();
        channel.advanceTimeBy(ParticipantEventSender.PRESENCE_BATCH_MILLIS, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        return next();
    }

    private JsonNode next() {
        TextWebSocketFrame frame = channel.readOutbound();
        try {
            return TestSocket.parse(frame.text());
        } finally {
            frame.release();
        }
    }

    @Test
    void eventsBecomeTheDocumentedMessages() {
        sender.onParticipantJoined(new ParticipantInfo("p-3", null, "Grace", List.of(SCREEN)));
        assertEquals(TestSocket.parse("""
                {"type":"participant_joined","participant":{"participantId":"p-3","name":"Grace","tracks":[
                 {"trackId":"t-5","participantId":"p-3","kind":"video","source":"screen","muted":true}]}}"""), sent());
        sender.onTrackPublished(SCREEN);
        assertEquals(TestSocket.parse("""
                {"type":"track_published","track":
                 {"trackId":"t-5","participantId":"p-3","kind":"video","source":"screen","muted":true}}"""), sent());
        sender.onTrackMuted(SCREEN);
        assertEquals(TestSocket.parse("""
                {"type":"track_muted","trackId":"t-5","participantId":"p-3","muted":true}"""), sent());
        sender.onTrackUnpublished(SCREEN);
        assertEquals(TestSocket.parse("""
                {"type":"track_unpublished","trackId":"t-5","participantId":"p-3"}"""), sent());
        sender.onSubscriberOffer("v=0\r\n", List.of(new OfferedTrack("2", SCREEN)));
        assertEquals(TestSocket.parse("""
                {"type":"subscriber_offer","sdp":"v=0\\r\\n","tracks":[
                 {"mid":"2","trackId":"t-5","participantId":"p-3","kind":"video","source":"screen"}]}"""), sent());
        sender.onParticipantLeft("p-3");
        assertEquals(TestSocket.parse("{\"type\":\"participant_left\",\"participantId\":\"p-3\"}"), sent());
    }

    @Test
    void eventsWaitForTheRequestBeingHandled() {
        sender.onParticipantLeft("p-3");
        assertNull(channel.readOutbound());
        assertEquals("participant_left", sent().get("type").asText());
    }

    @Test
    void presenceChangesWithinOneWindowShareOneMessageInTheirOrder() {
        sender.onParticipantJoined(new ParticipantInfo("p-3", null, "Grace", List.of()));
        sender.onParticipantJoined(new ParticipantInfo("p-4", null, "Linus", List.of()));
        sender.onParticipantLeft("p-3");
        channel.runPendingTasks();
        assertNull(channel.readOutbound(), "held for the window");
        assertEquals(TestSocket.parse("""
                {"type":"presence","events":[
                 {"type":"participant_joined","participant":{"participantId":"p-3","name":"Grace","tracks":[]}},
                 {"type":"participant_joined","participant":{"participantId":"p-4","name":"Linus","tracks":[]}},
                 {"type":"participant_left","participantId":"p-3"}]}"""), sent());
        assertNull(channel.readOutbound(), "one message for the three changes");
    }

    @Test
    void anyOtherMessageFirstSendsThePresenceChangesBeforeIt() {
        sender.onParticipantJoined(new ParticipantInfo("p-3", null, "Grace", List.of()));
        sender.onTrackPublished(SCREEN);
        channel.runPendingTasks();
        assertEquals("participant_joined", next().get("type").asText());
        assertEquals("track_published", next().get("type").asText());
        channel.advanceTimeBy(ParticipantEventSender.PRESENCE_BATCH_MILLIS, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
        assertNull(channel.readOutbound(), "the window's flush finds nothing left");
    }

    @Test
    void removalSendsTheReasonAndCloses() {
        sender.onRemoved("ICE consent expired");
        JsonNode error = sent();
        assertEquals("removed", error.get("code").asText());
        assertEquals("removed from the room: ICE consent expired", error.get("message").asText());
        assertEquals(true, error.get("requestType").isNull());
        CloseWebSocketFrame close = channel.readOutbound();
        assertEquals(1000, close.statusCode());
        close.release();
        assertFalse(channel.isOpen());
    }
}
