package dev.switchyard.signaling.auth;

/** An access token that is malformed, wrongly signed, outside its validity or missing claims; the message says which. */
public final class InvalidTokenException extends Exception {

    public InvalidTokenException(String message) {
        super(message);
    }
}
