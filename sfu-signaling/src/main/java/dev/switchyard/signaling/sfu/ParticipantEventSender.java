package dev.switchyard.signaling.sfu;

import java.util.ArrayList;
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

    /**
     * How long a presence change waits for others to share its message. When many join or leave at once, each
     * of N participants would otherwise get a message per change, N² in all; batched, it gets one per window.
     */
    static final long PRESENCE_BATCH_MILLIS = 50;

    private final SessionChannel channel;
    /** Presence messages not sent yet, in order; touched on the socket's event loop only. */
    private final List<ObjectNode> pendingPresence = new ArrayList<>();
    private boolean presenceFlushScheduled;

    ParticipantEventSender(SessionChannel channel) {
        this.channel = channel;
    }

    /** Sends {@code message} after the presence changes before it, which must reach the client first. */
    private void sendLater(ObjectNode message) {
        channel.runLater(() -> {
            flushPresence();
            channel.send(message);
        });
    }

    private void presenceLater(ObjectNode message) {
        channel.runLater(() -> {
            pendingPresence.add(message);
            if (!presenceFlushScheduled) {
                presenceFlushScheduled = true;
                channel.runAfter(() -> {
                    presenceFlushScheduled = false;
                    flushPresence();
                }, PRESENCE_BATCH_MILLIS);
            }
        });
    }

    /** One change goes out as its own message, several as one {@code presence} message (docs/PROTOCOL.md). */
    private void flushPresence() {
        if (pendingPresence.isEmpty()) {
            return;
        }
        channel.send(pendingPresence.size() == 1 ? pendingPresence.get(0) : SfuMessages.presence(pendingPresence));
        pendingPresence.clear();
    }

    @Override
    public void onParticipantJoined(ParticipantInfo participant) {
        presenceLater(SfuMessages.participantJoined(participant));
    }

    @Override
    public void onParticipantLeft(String participantId) {
        presenceLater(SfuMessages.participantLeft(participantId));
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
            pendingPresence.clear();
            channel.sendError(ErrorCode.REMOVED, "removed from the room: " + reason, null);
            channel.close(WebSocketCloseStatus.NORMAL_CLOSURE);
        });
    }
}
