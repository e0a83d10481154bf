package dev.switchyard.signaling.sfu;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.conference.LimitExceededException;
import dev.switchyard.conference.NegotiationException;
import dev.switchyard.conference.Participant;
import dev.switchyard.conference.PublishedTracks;
import dev.switchyard.conference.RoomManager;
import dev.switchyard.conference.TrackSource;
import dev.switchyard.conference.TransportTarget;
import dev.switchyard.conference.UnknownTrackException;
import dev.switchyard.signaling.SessionChannel;
import dev.switchyard.signaling.WebSocketSession;
import dev.switchyard.signaling.auth.Admission;
import dev.switchyard.signaling.auth.InvalidTokenException;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.message.ErrorCode;
import dev.switchyard.signaling.message.Identifiers;
import dev.switchyard.signaling.message.InboundMessage;
import dev.switchyard.signaling.message.JsonObject;
import dev.switchyard.signaling.message.ProtocolException;

/** One socket on {@code /ws}: validates each request (docs/PROTOCOL.md) and maps it to its participant. */
final class SfuSession implements WebSocketSession {

    private static final Logger LOG = LoggerFactory.getLogger(SfuSession.class);

    private static final int MAX_NAME_LENGTH = 64;
    private static final Set<String> TYPES = Set.of("join", "resume", "publish", "subscribe", "unsubscribe",
            "subscriber_answer", "candidate", "restart_ice", "mute", "leave");

    private final SfuEndpoint endpoint;
    private final RoomManager roomManager;
    private final JoinAuthority authority;
    private final IceServers iceServers;
    private final ResumableSessions sessions;
    private final SessionChannel channel;
    private Participant participant;
    private ParticipantEventSender sender;
    private Admission admission;
    private boolean left;

    SfuSession(SfuEndpoint endpoint, RoomManager roomManager, JoinAuthority authority, IceServers iceServers,
               ResumableSessions sessions, SessionChannel channel) {
        this.endpoint = endpoint;
        this.roomManager = roomManager;
        this.authority = authority;
        this.iceServers = iceServers;
        this.sessions = sessions;
        this.channel = channel;
    }

    @Override
    public void onText(String text) {
        if (left) {
            return;
        }
        InboundMessage message;
        try {
            message = InboundMessage.parse(text);
        } catch (ProtocolException e) {
            channel.sendError(e, null);
            return;
        }
        try {
            handle(message.type(), message.fields());
        } catch (ProtocolException e) {
            channel.sendError(e, message.type());
        } catch (RuntimeException e) {
            channel.logFailure(LOG, "'" + message.type() + "' failed for participant " + participantId(), e);
            channel.sendError(ErrorCode.INTERNAL, "the server failed to handle '" + message.type() + "'",
                    message.type());
        }
    }

    private void handle(String type, JsonObject fields) throws ProtocolException {
        if (!TYPES.contains(type)) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + type + "'");
        }
        if (type.equals("join") || type.equals("resume")) {
            if (participant != null) {
                throw new ProtocolException(ErrorCode.ALREADY_JOINED,
                        "this socket already joined as " + participant.id());
            }
            ObjectNode shutdown = endpoint.shutdownNotice();
            if (shutdown != null) {
                left = true;
                channel.send(shutdown);
                channel.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
            } else if (type.equals("join")) {
                join(fields);
            } else {
                resume(fields);
            }
            return;
        }
        if (participant == null) {
            throw new ProtocolException(ErrorCode.NOT_JOINED, "send 'join' first");
        }
        switch (type) {
            case "publish" -> publish(fields);
            case "subscribe" -> subscribe(fields, true);
            case "unsubscribe" -> subscribe(fields, false);
            case "subscriber_answer" -> subscriberAnswer(fields);
            case "candidate" -> candidate(fields);
            case "restart_ice" -> restartIce(fields);
            case "mute" -> mute(fields);
            case "leave" -> leave();
            default -> throw new IllegalStateException("type listed but not handled: " + type);
        }
    }

    private void join(JsonObject fields) throws ProtocolException {
        String room = fields.string("room");
        String token = fields.optionalString("token");
        if (!Identifiers.isValid(room)) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM,
                    "room must be 1-" + Identifiers.MAX_LENGTH + " characters of A-Z a-z 0-9 _ . -");
        }
        Admission admitted;
        try {
            admitted = authority.admit(room, token);
        } catch (InvalidTokenException e) {
            LOG.info("join of room {} refused: {}", room, e.getMessage());
            left = true;
            channel.sendError(ErrorCode.UNAUTHORIZED, "access token refused: " + e.getMessage(), "join");
            channel.close(WebSocketCloseStatus.POLICY_VIOLATION);
            return;
        }
        String name = admitted.name() != null ? admitted.name() : fields.string("name");
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM,
                    "name must be 1-" + MAX_NAME_LENGTH + " characters without control characters");
        }
        ParticipantEventSender events = new ParticipantEventSender(channel);
        try {
            participant = roomManager.join(room, admitted.identity(), name, events);
            sender = events;
            admission = admitted;
        } catch (IOException e) {
            LOG.error("cannot join room {}", room, e);
            throw new ProtocolException(ErrorCode.INTERNAL, "cannot join: " + e.getMessage());
        } catch (LimitExceededException e) {
            throw new ProtocolException(ErrorCode.LIMIT_REACHED, e.getMessage());
        }
        LOG.info("joined room={} participant={} identity={} name=\"{}\"", room, participant.id(),
                admitted.identity() == null ? "-" : admitted.identity(), name);
        String turnUser = admitted.identity() != null ? admitted.identity() : participant.id();
        String resumeToken = sessions.register(participant, sender, admitted, this);
        channel.send(SfuMessages.joined(participant.id(), room, participant.otherParticipants(),
                iceServers.forParticipant(turnUser), admitted, authority.isDevelopmentMode(), resumeToken));
    }

    /**
     * Takes over a participant whose client lost its socket (docs/PROTOCOL.md, "Resuming"): its media connections
     * stayed up, and what happened meanwhile follows {@code resumed}.
     */
    private void resume(JsonObject fields) throws ProtocolException {
        String participantId = fields.string("participantId");
        String resumeToken = fields.string("resumeToken");
        SfuSession[] displaced = new SfuSession[1];
        ResumableSessions.Entry entry = sessions.claim(participantId, resumeToken, this, displaced);
        if (entry == null) {
            throw new ProtocolException(ErrorCode.SESSION_GONE,
                    "there is no participant " + participantId + " to resume here: join again");
        }
        if (displaced[0] != null) {
            displaced[0].channel.close(WebSocketCloseStatus.NORMAL_CLOSURE);
        }
        participant = entry.participant;
        sender = entry.sender;
        admission = entry.admission;
        LOG.info("resumed room={} participant={}", participant.roomId(), participant.id());
        sender.attach(channel, SfuMessages.resumed(participant.id(), participant.roomId()));
    }

    /** Tells the client that the server is going away and when to try again. */
    void announceShutdown(ObjectNode notice) {
        channel.runLater(() -> channel.send(notice));
    }

    private void publish(JsonObject fields) throws ProtocolException {
        String sdp = fields.string("sdp");
        Map<String, TrackSource> sources = new LinkedHashMap<>();
        for (JsonObject track : fields.objects("tracks")) {
            String mid = track.string("mid");
            String sourceName = track.string("source");
            TrackSource source = TrackSource.fromWireName(sourceName);
            if (source == null) {
                throw track.invalid("source", "one of camera, microphone, screen, screen_audio");
            }
            if (sources.put(mid, source) != null) {
                throw track.invalid("mid", "unique; '" + mid + "' is listed twice");
            }
            if (!admission.grants().mayPublish(source)) {
                throw new ProtocolException(ErrorCode.UNAUTHORIZED,
                        "the access token does not grant publishing " + sourceName);
            }
        }
        PublishedTracks published;
        try {
            published = participant.publish(sdp, sources, admission.grants().data());
        } catch (NegotiationException e) {
            throw new ProtocolException(ErrorCode.BAD_SDP, e.getMessage());
        } catch (LimitExceededException e) {
            throw new ProtocolException(ErrorCode.LIMIT_REACHED, e.getMessage());
        }
        channel.send(SfuMessages.publishAnswer(published.answerSdp(), published.tracksByMid()));
    }

    private void subscribe(JsonObject fields, boolean subscribe) throws ProtocolException {
        List<String> trackIds = fields.strings("trackIds");
        if (subscribe && !admission.grants().subscribe()) {
            throw new ProtocolException(ErrorCode.UNAUTHORIZED, "the access token does not grant subscribing");
        }
        try {
            if (subscribe) {
                participant.subscribe(trackIds);
            } else {
                participant.unsubscribe(trackIds);
            }
        } catch (UnknownTrackException e) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TRACK, e.getMessage());
        }
    }

    private void subscriberAnswer(JsonObject fields) throws ProtocolException {
        String sdp = fields.string("sdp");
        try {
            participant.acceptSubscriberAnswer(sdp);
        } catch (NegotiationException e) {
            throw new ProtocolException(ErrorCode.BAD_SDP, e.getMessage());
        }
    }

    private void candidate(JsonObject fields) throws ProtocolException {
        TransportTarget target = target(fields);
        JsonObject candidate = fields.objectOrNull("candidate");
        String line = null;
        if (candidate != null) {
            line = candidate.string("candidate");
            candidate.optionalString("sdpMid");
            candidate.optionalInt("sdpMLineIndex", -1);
        }
        // RTCIceCandidate.toJSON() of the end-of-candidates event has an empty candidate string.
        participant.addRemoteCandidate(target, line == null || line.isEmpty() ? null : line);
    }

    private void restartIce(JsonObject fields) throws ProtocolException {
        if (target(fields) != TransportTarget.SUBSCRIBER) {
            throw fields.invalid("target", "'subscriber': the publisher connection restarts ICE with a 'publish'");
        }
        participant.restartSubscriberIce();
    }

    private void mute(JsonObject fields) throws ProtocolException {
        String trackId = fields.string("trackId");
        boolean muted = fields.bool("muted");
        try {
            participant.setMuted(trackId, muted);
        } catch (UnknownTrackException e) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TRACK, e.getMessage());
        }
    }

    private void leave() {
        left = true;
        sessions.forget(participant.id());
        participant.leave();
        channel.close(WebSocketCloseStatus.NORMAL_CLOSURE);
    }

    private static TransportTarget target(JsonObject fields) throws ProtocolException {
        String target = fields.string("target");
        return switch (target) {
            case "publisher" -> TransportTarget.PUBLISHER;
            case "subscriber" -> TransportTarget.SUBSCRIBER;
            default -> throw fields.invalid("target", "'publisher' or 'subscriber'");
        };
    }

    private String participantId() {
        return participant == null ? "(not joined)" : participant.id();
    }

    @Override
    public boolean isJoined() {
        return participant != null;
    }

    /**
     * A socket the client closed on purpose (a close frame: the page went away) ends its participant. One that was
     * lost (no close frame: the network dropped, the socket went silent) leaves its participant waiting for its
     * client to resume, for the grace period; the others see it leave only if it does not come back.
     */
    @Override
    public void onClose() {
        if (participant == null || left) {
            return;
        }
        Participant waiting = participant;
        if (waiting.hasLeft() || sessions.grace().isZero() || channel.isClosedByClient()) {
            sessions.forget(waiting.id());
            waiting.leave();
            return;
        }
        sessions.detach(waiting.id(), this);
        channel.runAfter(() -> {
            if (sessions.isWaiting(waiting.id())) {
                sessions.forget(waiting.id());
                LOG.info("gone room={} participant={}: its client did not come back within {} s", waiting.roomId(),
                        waiting.id(), sessions.grace().toSeconds());
                waiting.leave();
            }
        }, sessions.grace().toMillis());
    }
}
