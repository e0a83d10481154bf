package dev.switchyard.signaling.sfu;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchyard.conference.OfferedTrack;
import dev.switchyard.conference.ParticipantInfo;
import dev.switchyard.conference.TrackInfo;
import dev.switchyard.signaling.auth.Admission;
import dev.switchyard.signaling.message.Json;

/** The server-to-client messages of the SFU protocol (docs/PROTOCOL.md, "Server → client"). */
final class SfuMessages {

    private SfuMessages() {
    }

    static ObjectNode joined(String participantId, String room, List<ParticipantInfo> others,
                             List<IceServer> iceServers, Admission admission, boolean developmentMode,
                             String resumeToken) {
        ObjectNode message = Json.message("joined");
        message.put("participantId", participantId);
        message.put("room", room);
        message.put("resumeToken", resumeToken);
        if (admission.identity() != null) {
            message.put("identity", admission.identity());
        }
        ObjectNode grants = message.putObject("grants");
        ArrayNode publish = grants.putArray("publish");
        admission.grants().publishSources().stream().sorted().forEach(source -> publish.add(source.wireName()));
        grants.put("subscribe", admission.grants().subscribe());
        grants.put("data", admission.grants().data());
        if (developmentMode) {
            message.put("developmentMode", true);
        }
        ArrayNode participants = message.putArray("participants");
        others.forEach(other -> participants.add(participant(other)));
        ArrayNode servers = message.putArray("iceServers");
        iceServers.forEach(server -> servers.add(server.toJson()));
        return message;
    }

    static ObjectNode resumed(String participantId, String room) {
        return Json.message("resumed").put("participantId", participantId).put("room", room);
    }

    /** The server is going away: clients should come back after {@code retryAfterMillis}. */
    static ObjectNode serverShutdown(String reason, long retryAfterMillis) {
        return Json.message("server_shutdown").put("reason", reason).put("retryAfterMs", retryAfterMillis);
    }

    static ObjectNode participantJoined(ParticipantInfo participant) {
        ObjectNode message = Json.message("participant_joined");
        message.set("participant", participant(participant));
        return message;
    }

    static ObjectNode participantLeft(String participantId) {
        return Json.message("participant_left").put("participantId", participantId);
    }

    /** Several presence messages in one, in the order they happened. */
    static ObjectNode presence(List<ObjectNode> changes) {
        ObjectNode message = Json.message("presence");
        ArrayNode events = message.putArray("events");
        changes.forEach(events::add);
        return message;
    }

    static ObjectNode trackPublished(TrackInfo track) {
        ObjectNode message = Json.message("track_published");
        message.set("track", track(track));
        return message;
    }

    static ObjectNode trackUnpublished(TrackInfo track) {
        return Json.message("track_unpublished")
                .put("trackId", track.trackId())
                .put("participantId", track.participantId());
    }

    static ObjectNode trackMuted(TrackInfo track) {
        return Json.message("track_muted")
                .put("trackId", track.trackId())
                .put("participantId", track.participantId())
                .put("muted", track.muted());
    }

    static ObjectNode dataChannelClosed(String senderId, String label, String reason) {
        return Json.message("data_channel_closed")
                .put("from", senderId)
                .put("channel", label)
                .put("reason", reason);
    }

    /** Each track object carries the {@code mid} of its m-line, so the client knows which transceiver it is. */
    static ObjectNode publishAnswer(String sdp, Map<String, TrackInfo> tracksByMid) {
        ObjectNode message = Json.message("publish_answer").put("sdp", sdp);
        ArrayNode published = message.putArray("tracks");
        tracksByMid.forEach((mid, track) -> published.add(Json.object().put("mid", mid).setAll(track(track))));
        return message;
    }

    static ObjectNode subscriberOffer(String sdp, List<OfferedTrack> tracks) {
        ObjectNode message = Json.message("subscriber_offer").put("sdp", sdp);
        ArrayNode lines = message.putArray("tracks");
        for (OfferedTrack subscribed : tracks) {
            TrackInfo track = subscribed.track();
            lines.addObject()
                    .put("mid", subscribed.mid())
                    .put("trackId", track.trackId())
                    .put("participantId", track.participantId())
                    .put("kind", track.kind().wireName())
                    .put("source", track.source().wireName());
        }
        return message;
    }

    /** A participant object (docs/PROTOCOL.md), as messages and the admin API show it. */
    static ObjectNode participant(ParticipantInfo participant) {
        ObjectNode node = Json.object().put("participantId", participant.participantId());
        if (participant.identity() != null) {
            node.put("identity", participant.identity());
        }
        node.put("name", participant.name());
        ArrayNode tracks = node.putArray("tracks");
        participant.tracks().forEach(track -> tracks.add(track(track)));
        return node;
    }

    private static ObjectNode track(TrackInfo track) {
        return Json.object()
                .put("trackId", track.trackId())
                .put("participantId", track.participantId())
                .put("kind", track.kind().wireName())
                .put("source", track.source().wireName())
                .put("muted", track.muted());
    }
}
