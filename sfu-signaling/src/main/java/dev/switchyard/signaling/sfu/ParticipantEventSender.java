package dev.switchyard.signaling.sfu;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

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
 * inside a request the session is handling (a {@code subscribe} produces a {@code subscriber_offer}), and even
 * from inside {@code join} before {@code joined} is out. Each takes its place in an ordered outbox when it
 * happens, and the outbox is emptied by a task on the socket's event loop, so a message always follows the reply
 * of the request being handled and messages never overtake each other.
 *
 * <p>The socket may go away while the participant stays (a client whose connection dropped and that will
 * resume): {@link #detach} keeps the messages in the outbox, and {@link #attach} sends them, in order, on the
 * client's new socket. Everything is guarded by this object's monitor.
 */
final class ParticipantEventSender implements ParticipantListener {

    /**
     * How long a presence change waits for others to share its message. When many join or leave at once, each
     * of N participants would otherwise get a message per change, N² in all; batched, it gets one per window.
     */
    static final long PRESENCE_BATCH_MILLIS = 50;

    /** The socket messages go to; null while detached. */
    private SessionChannel channel;
    private final Queue<ObjectNode> outbox = new ArrayDeque<>();
    /** Presence messages not in the outbox yet, in order. */
    private final List<ObjectNode> pendingPresence = new ArrayList<>();
    private boolean presenceFlushScheduled;
    private boolean drainScheduled;
    private String removalReason;

    ParticipantEventSender(SessionChannel channel) {
        this.channel = channel;
    }

    /** Keeps messages from now on, until {@link #attach}. */
    synchronized void detach() {
        channel = null;
    }

    /** Sends {@code first}, then what was kept while detached, then everything else, on {@code newChannel}. */
    synchronized void attach(SessionChannel newChannel, ObjectNode first) {
        channel = newChannel;
        drainScheduled = false;
        presenceFlushScheduled = false;
        newChannel.send(first);
        flushPresence();
        drain();
    }

    /** Queues {@code message} after the presence changes before it, which must reach the client first. */
    private synchronized void sendLater(ObjectNode message) {
        flushPresence();
        outbox.add(message);
        scheduleDrain();
    }

    private synchronized void presenceLater(ObjectNode message) {
        pendingPresence.add(message);
        if (!presenceFlushScheduled && channel != null) {
            presenceFlushScheduled = true;
            SessionChannel target = channel;
            target.runAfter(() -> {
                synchronized (this) {
                    if (channel == target) {
                        presenceFlushScheduled = false;
                        flushPresence();
                        drain();
                    }
                }
            }, PRESENCE_BATCH_MILLIS);
        }
    }

    /** One change goes into the outbox as its own message, several as one {@code presence} message. */
    private void flushPresence() {
        if (pendingPresence.isEmpty()) {
            return;
        }
        outbox.add(pendingPresence.size() == 1 ? pendingPresence.get(0) : SfuMessages.presence(pendingPresence));
        pendingPresence.clear();
    }

    private void scheduleDrain() {
        if (drainScheduled || channel == null) {
            return;
        }
        drainScheduled = true;
        SessionChannel target = channel;
        target.runLater(() -> {
            synchronized (this) {
                if (channel == target) {
                    drainScheduled = false;
                    drain();
                }
            }
        });
    }

    /** Sends the outbox; on the attached socket's event loop, with the monitor held. */
    private void drain() {
        if (channel == null) {
            return;
        }
        for (ObjectNode message = outbox.poll(); message != null; message = outbox.poll()) {
            channel.send(message);
        }
        if (removalReason != null) {
            channel.sendError(ErrorCode.REMOVED, "removed from the room: " + removalReason, null);
            channel.close(WebSocketCloseStatus.NORMAL_CLOSURE);
            channel = null;
        }
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
    public void onDataChannelClosed(String senderId, String label, String reason) {
        sendLater(SfuMessages.dataChannelClosed(senderId, label, reason));
    }

    @Override
    public void onSubscriberOffer(String offerSdp, List<OfferedTrack> tracks) {
        sendLater(SfuMessages.subscriberOffer(offerSdp, tracks));
    }

    /** What is still queued no longer matters: the client hears why it was removed, and the socket closes. */
    @Override
    public synchronized void onRemoved(String reason) {
        pendingPresence.clear();
        outbox.clear();
        removalReason = reason;
        scheduleDrain();
    }
}
