package dev.switchyard.signaling.message;

import java.util.Objects;

/** A client message that the protocol refuses; becomes an {@code error} message with this code and message. */
public final class ProtocolException extends Exception {

    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }
}
