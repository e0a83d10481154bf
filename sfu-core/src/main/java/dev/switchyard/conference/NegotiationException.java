package dev.switchyard.conference;

/** An SDP offer or answer that cannot be parsed or used; the message says why. */
public final class NegotiationException extends Exception {

    public NegotiationException(String message) {
        super(message);
    }

    public NegotiationException(String message, Throwable cause) {
        super(message, cause);
    }
}
