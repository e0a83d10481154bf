package dev.switchyard.signaling.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Typed, checked access to the fields of a received JSON object. Every getter either returns a value of the
 * promised type or throws a {@link ProtocolException} with code {@code bad_request} naming the field's path.
 * Fields the protocol does not name are ignored, so newer clients can add some.
 */
public final class JsonObject {

    private final ObjectNode node;
    private final String path;

    JsonObject(ObjectNode node, String path) {
        this.node = Objects.requireNonNull(node, "node");
        this.path = path;
    }

    /** The underlying node; callers that forward it must copy it first. */
    public ObjectNode node() {
        return node;
    }

    public boolean has(String field) {
        return node.has(field);
    }

    /** A required string field. */
    public String string(String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw invalid(field, "a string");
        }
        return value.textValue();
    }

    /** A string field that may be absent or null (then null is returned). */
    public String optionalString(String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid(field, "a string");
        }
        return value.textValue();
    }

    public boolean bool(String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw invalid(field, "a boolean");
        }
        return value.booleanValue();
    }

    /** An integer field that may be absent or null (then {@code absent} is returned). */
    public int optionalInt(String field, int absent) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isInt()) {
            throw invalid(field, "an integer");
        }
        return value.intValue();
    }

    /** A required list of strings. */
    public List<String> strings(String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(field, "a list of strings");
        }
        List<String> strings = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (!element.isTextual()) {
                throw invalid(field + "[" + i + "]", "a string");
            }
            strings.add(element.textValue());
        }
        return Collections.unmodifiableList(strings);
    }

    /** A required list of objects. */
    public List<JsonObject> objects(String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !value.isArray()) {
            throw invalid(field, "a list of objects");
        }
        List<JsonObject> objects = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            String elementPath = field + "[" + i + "]";
            if (!element.isObject()) {
                throw invalid(elementPath, "an object");
            }
            objects.add(new JsonObject((ObjectNode) element, qualified(elementPath)));
        }
        return Collections.unmodifiableList(objects);
    }

    /** A field that must be present and be an object or null (then null is returned). */
    public JsonObject objectOrNull(String field) throws ProtocolException {
        JsonNode value = node.get(field);
        if (value == null || !(value.isObject() || value.isNull())) {
            throw invalid(field, "an object or null");
        }
        return value.isNull() ? null : new JsonObject((ObjectNode) value, qualified(field));
    }

    /** A failure about one of this object's fields, for checks beyond the field's type. */
    public ProtocolException invalid(String field, String expectation) {
        return new ProtocolException(ErrorCode.BAD_REQUEST, "'" + qualified(field) + "' must be " + expectation);
    }

    private String qualified(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }
}
