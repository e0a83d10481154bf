package dev.switchyard.signaling.mesh;

import java.util.Map;

import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;

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

/** One peer's socket on {@code /mesh}: a join, then relayed offers, answers and candidates. */
final class MeshSession implements WebSocketSession {

    /** The relayed message types and the field each must carry; other fields pass through unchanged. */
    private static final Map<String, String> PAYLOAD_FIELDS = Map.of(
            "offer", "offer",
            "answer", "answer",
            "ice_candidate", "candidate");

    private final MeshRelay relay;
    private final JoinAuthority authority;
    private final SessionChannel channel;
    private String roomId;
    private String peerId;
    private boolean refused;

    MeshSession(MeshRelay relay, JoinAuthority authority, SessionChannel channel) {
        this.relay = relay;
        this.authority = authority;
        this.channel = channel;
    }

    @Override
    public void onText(String text) {
        if (refused) {
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
            handle(message);
        } catch (ProtocolException e) {
            channel.sendError(e, message.type());
        }
    }

    private void handle(InboundMessage message) throws ProtocolException {
        String type = message.type();
        JsonObject fields = message.fields();
        if (type.equals("join")) {
            join(fields);
            return;
        }
        String payloadField = PAYLOAD_FIELDS.get(type);
        if (payloadField == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_TYPE, "unknown message type '" + type + "'");
        }
        if (peerId == null) {
            throw new ProtocolException(ErrorCode.NOT_JOINED, "send 'join' first");
        }
        String target = fields.string("target");
        if (!fields.has(payloadField)) {
            throw fields.invalid(payloadField, "present");
        }
        relay.relay(roomId, peerId, target, fields.node());
    }

    private void join(JsonObject fields) throws ProtocolException {
        if (peerId != null) {
            throw new ProtocolException(ErrorCode.ALREADY_JOINED, "this socket already joined as '" + peerId + "'");
        }
        String requestedRoom = fields.string("room_id");
        Admission admission;
        try {
            admission = authority.admit(requestedRoom, fields.optionalString("token"));
        } catch (InvalidTokenException e) {
            refuse("access token refused: " + e.getMessage());
            return;
        }
        String requestedPeer = admission.identity() != null && !fields.has("peer_id")
                ? admission.identity() : fields.string("peer_id");
        if (admission.identity() != null && !admission.identity().equals(requestedPeer)) {
            refuse("peer_id must be the access token's identity");
            return;
        }
        if (!Identifiers.isValid(requestedPeer) || !Identifiers.isValid(requestedRoom)) {
            throw new ProtocolException(ErrorCode.INVALID_ROOM,
                    "peer_id and room_id must be 1-64 characters of A-Z a-z 0-9 _ . -");
        }
        relay.join(requestedRoom, requestedPeer, channel);
        roomId = requestedRoom;
        peerId = requestedPeer;
    }

    /** A refused join ends the socket, as on {@code /ws}. */
    private void refuse(String reason) {
        refused = true;
        channel.sendError(ErrorCode.UNAUTHORIZED, reason, "join");
        channel.close(WebSocketCloseStatus.POLICY_VIOLATION);
    }

    @Override
    public boolean isJoined() {
        return peerId != null;
    }

    @Override
    public void onClose() {
        if (peerId != null) {
            relay.leave(roomId, peerId);
        }
    }
}
