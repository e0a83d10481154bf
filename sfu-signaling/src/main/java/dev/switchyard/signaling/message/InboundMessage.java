package dev.switchyard.signaling.message;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A received text frame that is a JSON object with a string {@code type}. */
public record InboundMessage(String type, JsonObject fields) {

    /** Parses a text frame; anything but a JSON object with a string {@code type} is a {@code bad_request}. */
    public static InboundMessage parse(String text) throws ProtocolException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ErrorCode.BAD_REQUEST, "a message must be a JSON object");
        }
        JsonObject fields = new JsonObject((ObjectNode) root, "");
        return new InboundMessage(fields.string("type"), fields);
    }
}
