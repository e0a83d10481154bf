package dev.switchyard.signaling.sfu;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

import dev.switchyard.conference.OfferedTrack;
import dev.switchyard.conference.ParticipantInfo;
import dev.switchyard.conference.ParticipantListener;
import dev.switchyard.conference.TrackInfo;
import dev.switchyard.signaling.SessionChannel;
import dev.switchyard.signaling.message.ErrorCode;

/**
 * Turns conference events into messages on the participant's socket. Events arrive on any thread, some from
 * inside a request the session is handling (a {@code subscribe} produces a {@code subscriber_offer}), and
 * even from inside {@code join} before {@code joined} is out: each is sent from a task queued on the socket's
 * event loop, so it always follows the reply of the request being handled.
 */
final class ParticipantEventSender implements ParticipantListener {

    private final SessionChannel channel;

    ParticipantEventSender(SessionChannel channel) {
        this.channel = channel;
    }

    private void sendLater(ObjectNode message) {
        channel.runLater(() -> channel.send(message));
    }

    @Override
    public void onParticipantJoined(ParticipantInfo participant) {
        sendLater(SfuMessages.participantJoined(participant));
    }

    @Override
    public void onParticipantLeft(String participantId) {
        sendLater(SfuMessages.participantLeft(participantId));
    }

    @Override
    public void onTrackPublished(TrackInfo track) {
        sendLater(SfuMessages.trackPublished(track));
    }

    @Override
    public void onTrackUnpublished(TrackInfo track) {
        sendLater(SfuMessages.trackUnpublished(track));
    }

    @Override
    public void onTrackMuted(TrackInfo track) {
        sendLater(SfuMessages.trackMuted(track));
    }

    @Override
    public void onSubscriberOffer(String offerSdp, List<OfferedTrack> tracks) {
        sendLater(SfuMessages.subscriberOffer(offerSdp, tracks));
    }

    @Override
    public void onRemoved(String reason) {
        channel.runLater(() -> {
            channel.sendError(ErrorCode.REMOVED, "removed from the room: " + reason, null);
            channel.close(WebSocketCloseStatus.NORMAL_CLOSURE);
        });
    }
}
