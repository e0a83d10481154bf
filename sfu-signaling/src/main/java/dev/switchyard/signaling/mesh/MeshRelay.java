package dev.switchyard.signaling.mesh;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchyard.signaling.SessionChannel;
import dev.switchyard.signaling.WebSocketSession;
import dev.switchyard.signaling.WebSocketSessionFactory;
import dev.switchyard.signaling.auth.JoinAuthority;
import dev.switchyard.signaling.message.ErrorCode;
import dev.switchyard.signaling.message.Json;
import dev.switchyard.signaling.message.ProtocolException;

/**
 * The mesh rooms of one server (docs/PROTOCOL.md, "Mesh protocol"): peer ids and their sockets, nothing else.
 * One lock guards all rooms; every operation is a map update plus queued writes, so it is never held long, and
 * holding it while sending keeps each peer's view consistent (no offer from a peer before its peer_joined).
 */
public final class MeshRelay implements WebSocketSessionFactory {

    private final Map<String, Map<String, SessionChannel>> rooms = new HashMap<>();
    private final JoinAuthority authority;

    /** @param authority who may join which room; with tokens, a peer's id is its token's identity */
    public MeshRelay(JoinAuthority authority) {
        this.authority = authority;
    }

    @Override
    public WebSocketSession open(SessionChannel channel) {
        return new MeshSession(this, authority, channel);
    }

    /** Adds a peer: it gets {@code room_peers}, the others {@code peer_joined}. */
    synchronized void join(String roomId, String peerId, SessionChannel channel) throws ProtocolException {
        Map<String, SessionChannel> room = rooms.get(roomId);
        if (room != null && room.containsKey(peerId)) {
            throw new ProtocolException(ErrorCode.PEER_ID_TAKEN,
                    "peer id '" + peerId + "' is already in room '" + roomId + "'");
        }
        if (room == null) {
            room = new LinkedHashMap<>();
            rooms.put(roomId, room);
        }
        ObjectNode peers = Json.message("room_peers");
        room.keySet().forEach(peers.putArray("peers")::add);
        ObjectNode joined = Json.message("peer_joined").put("peer_id", peerId);
        room.values().forEach(other -> other.send(joined));
        room.put(peerId, channel);
        channel.send(peers);
    }

    /** Forwards {@code message} to {@code target} in the sender's room, with {@code from} set to the sender. */
    synchronized void relay(String roomId, String from, String target, ObjectNode message) throws ProtocolException {
        SessionChannel targetChannel = target.equals(from) ? null : rooms.get(roomId).get(target);
        if (targetChannel == null) {
            throw new ProtocolException(ErrorCode.UNKNOWN_PEER, "no peer '" + target + "' in room '" + roomId + "'");
        }
        ObjectNode relayed = message.deepCopy();
        relayed.put("from", from);
        targetChannel.send(relayed);
    }

    /** Removes a peer and tells the others with {@code peer_left}. */
    synchronized void leave(String roomId, String peerId) {
        Map<String, SessionChannel> room = rooms.get(roomId);
        if (room == null || room.remove(peerId) == null) {
            return;
        }
        if (room.isEmpty()) {
            rooms.remove(roomId);
            return;
        }
        ObjectNode left = Json.message("peer_left").put("peer_id", peerId);
        room.values().forEach(other -> other.send(left));
    }

    public synchronized int roomCount() {
        return rooms.size();
    }

    public synchronized int peerCount() {
        return rooms.values().stream().mapToInt(Map::size).sum();
    }
}
