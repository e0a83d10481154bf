package dev.switchyard.signaling.sfu;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.switchyard.conference.ParticipantInfo;
import dev.switchyard.conference.RoomManager;
import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;
import dev.switchyard.signaling.auth.AdminCredential;
import dev.switchyard.signaling.auth.AdminScope;
import dev.switchyard.signaling.message.Json;

/**
 * The admin API under {@code /admin/} (README "Admin API"), for the holder of the admin key, or, for one room, of
 * an access token for that room with the admin grant (a moderator):
 * <ul>
 *   <li>{@code GET /admin/rooms}: every room with its participants and their tracks;</li>
 *   <li>{@code POST /admin/rooms/ROOM/participants/ID/remove} ({@code {"reason": …}} optional): removes a
 *       participant, whose client is told the reason;</li>
 *   <li>{@code POST /admin/rooms/ROOM/tracks/ID/mute} ({@code {"muted": true|false}}): mutes a track for
 *       everyone, whatever its publisher does;</li>
 *   <li>{@code POST /admin/rooms/ROOM/close} ({@code {"reason": …}} optional): removes everyone.</li>
 * </ul>
 * Answers 204 when done, 404 for an unknown room, participant or track, 401 without a credential, 403 for another
 * room than a moderator's or when neither an admin key nor tokens are configured.
 */
public final class AdminRoute implements HttpRoute {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRoute.class);
    private static final String PREFIX = "/admin/";
    private static final String ID = "([A-Za-z0-9_.-]{1,64})";
    private static final Pattern REMOVE = Pattern.compile("/admin/rooms/" + ID + "/participants/" + ID + "/remove");
    private static final Pattern MUTE = Pattern.compile("/admin/rooms/" + ID + "/tracks/" + ID + "/mute");
    private static final Pattern CLOSE = Pattern.compile("/admin/rooms/" + ID + "/close");
    private static final Pattern ROOM = Pattern.compile("/admin/rooms/" + ID + "/");
    private static final String DEFAULT_REASON = "removed by an administrator";

    private final RoomManager roomManager;
    private final AdminCredential credential;

    public AdminRoute(RoomManager roomManager, AdminCredential credential) {
        this.roomManager = roomManager;
        this.credential = credential;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        if (!credential.isConfigured()) {
            return HttpResponses.text(HttpResponseStatus.FORBIDDEN, "the admin API is off: configure an admin key\n");
        }
        Optional<AdminScope> scope = credential.scope(request);
        if (scope.isEmpty()) {
            FullHttpResponse refusal = HttpResponses.text(HttpResponseStatus.UNAUTHORIZED,
                    "the admin key or an access token with the admin grant is required\n");
            refusal.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"switchyard-admin\"");
            return refusal;
        }
        try {
            return handle(request, path, scope.get());
        } catch (IllegalArgumentException e) {
            return HttpResponses.text(HttpResponseStatus.BAD_REQUEST, e.getMessage() + "\n");
        }
    }

    /** @throws IllegalArgumentException for a body that is not what the action takes */
    private FullHttpResponse handle(FullHttpRequest request, String path, AdminScope scope) {
        if (path.equals("/admin/rooms")) {
            return request.method().equals(HttpMethod.GET) ? HttpResponses.json(rooms(scope))
                    : HttpResponses.methodNotAllowed();
        }
        if (!request.method().equals(HttpMethod.POST)) {
            return HttpResponses.methodNotAllowed();
        }
        String text = request.content().toString(StandardCharsets.UTF_8);
        JsonNode body = text.isBlank() ? Json.object() : Json.readObject(text);
        Matcher match = ROOM.matcher(path);
        if (match.lookingAt() && !scope.covers(match.group(1))) {
            return HttpResponses.text(HttpResponseStatus.FORBIDDEN, "this token administers room " + scope.room()
                    + " only\n");
        }
        boolean done;
        if ((match = REMOVE.matcher(path)).matches()) {
            String reason = text(body, "reason", DEFAULT_REASON);
            done = roomManager.removeParticipant(match.group(1), match.group(2), reason);
            log(done, "removed participant {} of room {}: {}", match.group(2), match.group(1), reason);
        } else if ((match = MUTE.matcher(path)).matches()) {
            JsonNode muted = body.get("muted");
            if (muted == null || !muted.isBoolean()) {
                throw new IllegalArgumentException("the body must be {\"muted\": true} or {\"muted\": false}");
            }
            done = roomManager.muteTrack(match.group(1), match.group(2), muted.booleanValue());
            log(done, "{} track {} of room {}", muted.booleanValue() ? "muted" : "unmuted", match.group(2),
                    match.group(1));
        } else if ((match = CLOSE.matcher(path)).matches()) {
            String reason = text(body, "reason", "the room was closed by an administrator");
            done = roomManager.closeRoom(match.group(1), reason);
            log(done, "closed room {}: {}", match.group(1), reason);
        } else {
            return null;
        }
        return done ? HttpResponses.of(HttpResponseStatus.NO_CONTENT, new byte[0], "text/plain")
                : HttpResponses.text(HttpResponseStatus.NOT_FOUND, "no such room, participant or track\n");
    }

    private static void log(boolean done, String format, Object... arguments) {
        if (done) {
            LOG.info("admin: " + format, arguments);
        }
    }

    private ObjectNode rooms(AdminScope scope) {
        ObjectNode body = Json.object();
        ArrayNode rooms = body.putArray("rooms");
        roomManager.participantsByRoom().forEach((room, participants) -> {
            if (!scope.covers(room)) {
                return;
            }
            ObjectNode node = rooms.addObject().put("room", room);
            ArrayNode list = node.putArray("participants");
            for (ParticipantInfo participant : participants) {
                list.add(SfuMessages.participant(participant));
            }
        });
        return body;
    }

    private static String text(JsonNode body, String field, String absent) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isTextual() || value.textValue().length() > 200) {
            throw new IllegalArgumentException(field + " must be a string of at most 200 characters");
        }
        return value.textValue();
    }
}
