package dev.switchyard.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.switchyard.conference.Conference;
import dev.switchyard.signaling.HttpResponses;
import dev.switchyard.signaling.HttpRoute;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;

/** {@code GET /health}: {@code {"status":"ok","rooms":N,"participants":N}}, counting the SFU conference. */
final class HealthRoute implements HttpRoute {

    static final String PATH = "/health";

    private final Conference conference;

    HealthRoute(Conference conference) {
        this.conference = conference;
    }

    @Override
    public FullHttpResponse respond(FullHttpRequest request, String path) {
        if (!path.equals(PATH)) {
            return null;
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("status", "ok")
                .put("rooms", conference.roomCount())
                .put("participants", conference.participantCount());
        return HttpResponses.json(body);
    }
}
