package dev.switchyard.server;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A secret from the configuration (a key, a shared secret): usable, never printed or logged. */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
